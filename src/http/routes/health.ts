// GET /healthz: the process answers (liveness; the database is /readyz's concern).
import { sendJson } from "../respond.js";
import type { Route } from "../route.js";

export const healthRoute: Route = {
  path: "/healthz",
  access: "public",
  handle: ({ res }) => sendJson(res, 200, { status: "ok" }),
};
