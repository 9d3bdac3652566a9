// GET /readyz: ready when the database answers, takes writes (a primary, not a standby: during a
// failover, 503 until the secondary is promoted) and every migration in migrations/ is applied.
import type { Database } from "../../db/client.js";
import { acceptsWrites, pendingMigrations } from "../../db/migrate.js";
import { sendJson } from "../respond.js";
import type { Route } from "../route.js";

export function readinessRoute(db: Database): Route {
  return {
    path: "/readyz",
    access: "public",
    async handle({ res }) {
      const pending = await pendingMigrations(db).catch(() => null);
      const writable = pending === 0 ? await acceptsWrites(db).catch(() => null) : null;
      if (writable) return sendJson(res, 200, { status: "ready" });
      if (pending === 0) return sendJson(res, 503, { status: "not ready", reason: writable === null ? "database unreachable" : "the database is a standby: no writes" });
      sendJson(res, 503, { status: "not ready", reason: pending === null ? "database unreachable" : `${pending} migrations pending` });
    },
  };
}
