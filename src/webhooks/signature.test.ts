import { describe, expect, it } from "vitest";
import { signatureHeader, verifySignature } from "./signature.js";

describe("webhook signatures", () => {
  const secret = "whsec_test";
  const body = JSON.stringify({ eventId: "e1", type: "case.submitted" });
  const header = signatureHeader(secret, body, 1_800_000_000);

  it("verifies what was signed", () => {
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature(secret, body, header, 1_800_000_100)).toBe(true);
  });

  it.each([
    ["another secret", "whsec_other", body, header, 1_800_000_000],
    ["a changed body", secret, body.replace("e1", "e2"), header, 1_800_000_000],
    ["a stale timestamp (replay)", secret, body, header, 1_800_000_301],
    ["no header", secret, body, null, 1_800_000_000],
    ["a mangled header", secret, body, "v1=abc", 1_800_000_000],
  ])("refuses %s", (_name, s, b, h, now) => {
    expect(verifySignature(s as string, b as string, h as string | null, now as number)).toBe(false);
  });
});
