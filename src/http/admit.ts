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
  const tooMany = (res: ServerResponse, refuseAs: "graphql" | "json", wait: number, message: string): null => {
    res.setHeader("retry-after", String(wait));
    sendJson(res, 429, refuseAs === "json" ? { error: message } : { errors: [{ message, extensions: { code: "RATE_LIMITED", retryAfterSeconds: wait } }] });
    return null;
  };
  return async (req, res, refuseAs) => {
    const address = `ip:${req.socket.remoteAddress ?? "unknown"}`;
    const authorization = headerValue(req, "authorization");
    if (authorization !== undefined && authorization.trim() !== "") {
      // An address that failed too often presents no credentials until its back-off is over.
      const blocked = await limiter.authBlocked(address);
      if (blocked > 0) return tooMany(res, refuseAs, blocked, `too many failed authentications from this address; retry in ${blocked} s`);
    }
    const result = await authenticate(authorization, auth, db);
    if (result.kind === "rejected") {
      // A failure counts against the address twice: in its per-minute limit and in the failures
      // that lead to the back-off.
      const [wait, backoff] = await Promise.all([limiter.take(address), limiter.authFailed(address)]);
      if (backoff > 0 || wait > 0) {
        return tooMany(res, refuseAs, Math.max(backoff, wait), backoff > 0 ? `too many failed authentications from this address; retry in ${backoff} s` : `too many requests; retry in ${wait} s`);
      }
      if (refuseAs === "json") {
        sendJson(res, 401, { error: result.message });
        return null;
      }
      res.setHeader("www-authenticate", 'Bearer realm="health-services-graph"');
      sendJson(res, 401, { errors: [{ message: result.message, extensions: { code: "UNAUTHENTICATED" } }] });
      return null;
    }
    const principal = result.kind === "authenticated" ? result.principal : null;
    const wait = await limiter.take(principal ? principal.subject : address);
    if (wait > 0) return tooMany(res, refuseAs, wait, `too many requests; retry in ${wait} s`);
    return { principal };
  };
}
