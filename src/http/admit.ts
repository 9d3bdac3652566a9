// The one principal/limit step in front of every non-public route: who is calling (API key, JWT or
// anonymous), then the rate limit for that caller (or for the address of an anonymous one).
import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate, type AuthSettings } from "../context/authenticate.js";
import type { Executor } from "../db/client.js";
import type { Principal } from "../rules/access/roles.js";
import type { RateLimit } from "./rate-limit.js";
import { headerValue, sendJson } from "./respond.js";

export type Admitted = { readonly principal: Principal | null };

/** Refused: the answer is written and null is returned. */
export type Admit = (req: IncomingMessage, res: ServerResponse, refuseAs: "graphql" | "json") => Promise<Admitted | null>;

export function createAdmit(auth: AuthSettings, db: Executor, limiter: RateLimit): Admit {
  return async (req, res, refuseAs) => {
    const result = await authenticate(headerValue(req, "authorization"), auth, db);
    if (result.kind === "rejected") {
      if (refuseAs === "json") {
        sendJson(res, 401, { error: result.message });
        return null;
      }
      res.setHeader("www-authenticate", 'Bearer realm="health-services-graph"');
      sendJson(res, 401, { errors: [{ message: result.message, extensions: { code: "UNAUTHENTICATED" } }] });
      return null;
    }
    const principal = result.kind === "authenticated" ? result.principal : null;
    const wait = await limiter.take(principal ? principal.subject : `ip:${req.socket.remoteAddress ?? "unknown"}`);
    if (wait > 0) {
      const message = `too many requests; retry in ${wait} s`;
      res.setHeader("retry-after", String(wait));
      sendJson(res, 429, refuseAs === "json" ? { error: message } : { errors: [{ message, extensions: { code: "RATE_LIMITED", retryAfterSeconds: wait } }] });
      return null;
    }
    return { principal };
  };
}
