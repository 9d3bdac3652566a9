// The route table: each route is one module in routes/, and says whether the principal/limit step
// (admit.ts) runs before it. docs/decisions/0023-http-routes.md.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Traced } from "../logging/tracing.js";
import type { Principal } from "../rules/access/roles.js";

/** One request as a route sees it. */
export interface Exchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly requestId: string;
  /** The caller admitted by the principal/limit step; null for an anonymous caller or a public route. */
  readonly principal: Principal | null;
  /** The request's recorded span (src/logging/tracing.ts); null when its trace is not recorded. */
  readonly trace: Traced;
}

/**
 * "public": answered for anyone and not counted. "graphql" and "json": authenticated and counted
 * against the rate limit first; a refusal is written as GraphQL errors or as `{ error }`.
 */
export type RouteAccess = "public" | "graphql" | "json";

export interface Route {
  /** The path answered: exactly, or every path under it when `prefix` is set (then it ends in "/"). */
  readonly path: string;
  readonly prefix?: boolean;
  /** Narrows the route beyond its path; a request it turns down goes to the next route for the path. */
  readonly when?: (req: IncomingMessage, url: URL) => boolean;
  readonly access: RouteAccess;
  handle(exchange: Exchange): void | Promise<void>;
}

/** The route for a request: exact paths in the order given, then prefixes. */
export function routeTable(routes: readonly Route[]): (req: IncomingMessage, url: URL) => Route | undefined {
  const exact = new Map<string, Route[]>();
  const prefixed = routes.filter((r) => r.prefix);
  for (const route of routes) {
    if (route.prefix) continue;
    exact.set(route.path, [...(exact.get(route.path) ?? []), route]);
  }
  const pick = (candidates: readonly Route[], req: IncomingMessage, url: URL) => candidates.find((r) => !r.when || r.when(req, url));
  return (req, url) => {
    const candidates = exact.get(url.pathname);
    if (candidates) return pick(candidates, req, url);
    return pick(prefixed.filter((r) => url.pathname.startsWith(r.path)), req, url);
  };
}
