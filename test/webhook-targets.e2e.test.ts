// Issue #28, row 8: webhook targets on internal addresses are refused at registration (production,
// no allow-list), the address check covers the ways an internal address is written, and a
// delivery connects to the address that was checked.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressAllowed, postPinned, PUBLIC_ONLY, resolveTarget, targetPolicy, type TargetPolicy } from "../src/security/webhook-target.js";
import { CreatePartnerDocument, RegisterWebhookDocument } from "./generated/graphql.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

describe("the address check", () => {
  it.each(["127.0.0.1", "127.1.2.3", "::1", "0.0.0.0", "::", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:169.254.169.254", "224.0.0.1", "255.255.255.255"])(
    "refuses %s",
    (address) => {
      expect(addressAllowed(address, PUBLIC_ONLY)).toBe(false);
    },
  );

  it.each(["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111"])("lets public %s through", (address) => {
    expect(addressAllowed(address, PUBLIC_ONLY)).toBe(true);
  });

  it("lets the allow-list's networks through, and nothing else", () => {
    const dev = targetPolicy(["127.0.0.0/8", "::1"]) as TargetPolicy;
    expect(addressAllowed("127.0.0.1", dev)).toBe(true);
    expect(addressAllowed("::1", dev)).toBe(true);
    expect(addressAllowed("10.0.0.1", dev)).toBe(false);
    expect(targetPolicy(["not-a-network"])).toContain("WEBHOOK_ALLOWED_NETWORKS");
  });

  it("refuses a name that resolves to loopback", async () => {
    expect(await resolveTarget(new URL("https://localhost/hook"), PUBLIC_ONLY)).toEqual({ refused: "the target is not a public address" });
  });

  it("connects to the pinned address whatever the URL's host name", async () => {
    const seen: IncomingMessage[] = [];
    const server = createServer((req, res) => {
      seen.push(req);
      req.resume();
      res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      // a name that resolves nowhere: only the pinned address can answer
      const status = await postPinned(new URL(`http://receiver.invalid:${port}/hook`), { address: "127.0.0.1", family: 4 }, { "content-type": "application/json" }, "{}", 2000);
      expect(status).toBe(200);
      expect(seen[0]?.headers.host).toBe(`receiver.invalid:${port}`);
    } finally {
      server.close();
    }
  });
});

describe("registration in production, no allow-list", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("pglite", {
      production: true,
      config: { webhooks: { worker: false, timeoutMs: 1000, maxAttempts: 8, slaSweepSeconds: 0, allowedNetworks: [] } },
    });
    await server.request(CreatePartnerDocument, { input: { code: "TPA-W", name: "W", services: ["GREEN_CHANNEL"] } }, { token: ADMIN_KEY });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.each([
    "https://127.0.0.1/hook",
    "https://[::1]/hook",
    "https://localhost/hook",
    "https://0.0.0.0/hook",
    "https://10.0.0.1/hook",
    "https://169.254.169.254/latest/meta-data",
    "https://[::ffff:127.0.0.1]/hook",
    "https://2130706433/hook",
  ])("refuses %s with TARGET_NOT_ALLOWED", async (url) => {
    const r = await server.request(RegisterWebhookDocument, { input: { partnerCode: "TPA-W", url, events: ["CASE_SUBMITTED"] } }, { token: ADMIN_KEY });
    expect(r.data?.registerWebhook.webhook).toBeNull();
    expect(r.data?.registerWebhook.userErrors.map((e) => e.code)).toEqual(["TARGET_NOT_ALLOWED"]);
  });

  it("accepts a public address", async () => {
    const r = await server.request(RegisterWebhookDocument, { input: { partnerCode: "TPA-W", url: "https://93.184.215.14/hook", events: ["CASE_SUBMITTED"] } }, { token: ADMIN_KEY });
    expect(r.data?.registerWebhook.userErrors).toEqual([]);
  });
});
