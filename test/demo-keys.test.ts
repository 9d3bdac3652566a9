// The public demo keys: each works with the role it is shown with while demo data is on, and a
// start with demo data off revokes them, on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../src/db/client.js";
import { DEMO_KEYS, DEMO_PARTNER } from "../src/db/seed/seed-demo.js";
import { openTestDatabase, testTargets } from "./support/databases.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

describe.each(testTargets())("demo keys on %s", (kind) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  async function viewer(server: TestServer, key: string) {
    return server.post(JSON.stringify({ query: "{ viewer { role partner { code services } } }" }), { authorization: `Bearer ${key}` });
  }

  it("carry their roles with demo data on, are revoked by a start with it off, and come back with it on", async () => {
    const on = await startTestServer(kind, { database, config: { seedDemo: true } });
    try {
      for (const demo of DEMO_KEYS) {
        const { status, json } = await viewer(on, demo.key);
        expect(status, demo.key).toBe(200);
        expect(json, demo.key).toMatchObject({ data: { viewer: { role: demo.role } } });
      }
      const partner = await viewer(on, DEMO_KEYS.find((k) => k.role === "PARTNER")!.key);
      expect(partner.json).toMatchObject({ data: { viewer: { partner: { code: DEMO_PARTNER.code, services: [...DEMO_PARTNER.services] } } } });
    } finally {
      await on.stop();
    }

    const off = await startTestServer(kind, { database, config: { seedDemo: false } });
    try {
      for (const demo of DEMO_KEYS) expect((await viewer(off, demo.key)).status, demo.key).toBe(401);
    } finally {
      await off.stop();
    }

    const again = await startTestServer(kind, { database, config: { seedDemo: true } });
    try {
      for (const demo of DEMO_KEYS) expect((await viewer(again, demo.key)).status, demo.key).toBe(200);
    } finally {
      await again.stop();
    }
  }, 120_000);
});
