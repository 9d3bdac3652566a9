// GET /readyz: ready when the database answers and every migration in migrations/ is applied.
import type { Database } from "../../db/client.js";
import { pendingMigrations } from "../../db/migrate.js";
import { sendJson } from "../respond.js";
import type { Route } from "../route.js";

export function readinessRoute(db: Database): Route {
  return {
    path: "/readyz",
    access: "public",
    async handle({ res }) {
      const pending = await pendingMigrations(db).catch(() => null);
      if (pending === 0) return sendJson(res, 200, { status: "ready" });
      sendJson(res, 503, { status: "not ready", reason: pending === null ? "database unreachable" : `${pending} migrations pending` });
    },
  };
}
