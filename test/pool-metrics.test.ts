// /metrics reports the PostgreSQL pool as the database sees it: connections open and busy.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { transaction } from "../src/db/driver/database.js";
import { postgresAvailable } from "./support/databases.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

describe.runIf(postgresAvailable())("database pool gauges on PostgreSQL", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("postgres");
  });
  afterAll(async () => {
    await server?.stop();
  });

  const gauge = async (name: string) => {
    const text = await (await fetch(server.url.replace(/\/graphql$/, "/metrics"))).text();
    const match = new RegExp(`^${name}\\{pool="primary"\\} (\\d+)$`, "m").exec(text);
    expect(match, name).not.toBeNull();
    return Number(match![1]);
  };

  it("counts the connections held by a transaction in flight as busy", async () => {
    expect(await gauge("hsg_db_pool_max_connections")).toBeGreaterThan(1);
    await new Promise((r) => setTimeout(r, 1100)); // past the one-second snapshot
    const idleBusy = await gauge("hsg_db_pool_busy_connections");
    let inside = 0;
    await transaction(server.database.db, async (tx) => {
      await tx.execute(sql`select 1`);
      await new Promise((r) => setTimeout(r, 1100));
      inside = await gauge("hsg_db_pool_busy_connections");
    });
    expect(inside).toBe(idleBusy + 1);
    expect(await gauge("hsg_db_pool_open_connections")).toBeGreaterThanOrEqual(inside);
  });
});
