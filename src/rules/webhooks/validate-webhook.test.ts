import { describe, expect, it } from "vitest";
import { validateWebhook } from "./validate-webhook.js";

describe("validateWebhook", () => {
  it.each([
    ["https anywhere", "https://tpa.example.com/hooks", false, []],
    ["https in production", "https://tpa.example.com/hooks", true, []],
    ["http to loopback in development", "http://127.0.0.1:8080/hook", false, []],
    ["http to localhost in development", "http://localhost:8080/hook", false, []],
    ["http to loopback in production", "http://127.0.0.1:8080/hook", true, ["HTTPS_REQUIRED"]],
    ["http elsewhere", "http://tpa.example.com/hook", false, ["HTTPS_REQUIRED"]],
    ["not a URL", "tpa.example.com", false, ["INVALID_URL"]],
    ["another scheme", "ftp://tpa.example.com", false, ["INVALID_URL"]],
    ["credentials in the URL", "https://user:pw@tpa.example.com/", false, ["INVALID_URL"]],
    ["too long", `https://tpa.example.com/${"a".repeat(500)}`, false, ["INVALID_URL"]],
  ])("%s", (_name, url, production, codes) => {
    expect(validateWebhook({ url: url as string, events: ["CASE_SUBMITTED"] }, production as boolean).map((p) => p.code)).toEqual(codes);
  });

  it("needs events, each once", () => {
    expect(validateWebhook({ url: "https://x.example/", events: [] }, false).map((p) => p.code)).toEqual(["INVALID_EVENTS"]);
    expect(validateWebhook({ url: "https://x.example/", events: ["CASE_SUBMITTED", "CASE_SUBMITTED"] }, false).map((p) => p.code)).toEqual(["INVALID_EVENTS"]);
  });
});
