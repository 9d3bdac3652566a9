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
      // A database that does not answer in time is as unready as one that refuses: during a
      // failover new connections wait for a primary, and a probe must not wait with them.
      // One deadline for both questions: the answer comes within a second, not a second each.
      const answer = await withinDeadline(
        (async () => {
          const pending = await pendingMigrations(db);
          return { pending, writable: pending === 0 ? await acceptsWrites(db) : null };
        })(),
      );
      const pending = answer?.pending ?? null;
      const writable = answer ? answer.writable : null;
      if (writable) return sendJson(res, 200, { status: "ready" });
      if (pending === 0) return sendJson(res, 503, { status: "not ready", reason: writable === null ? "database unreachable" : "the database is a standby: no writes" });
      sendJson(res, 503, { status: "not ready", reason: pending === null ? "database unreachable" : `${pending} migrations pending` });
    },
  };
}

const READINESS_DEADLINE_MS = 1000;

function withinDeadline<T>(answer: Promise<T>): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), READINESS_DEADLINE_MS);
    timer.unref();
  });
  return Promise.race([answer.catch(() => null), late]).finally(() => clearTimeout(timer));
}
