import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { routeTable, type Route } from "./route.js";

const route = (name: string, extra: Partial<Route> = {}): Route & { name: string } => ({ name, path: "/", access: "public", handle: () => undefined, ...extra });
const get = (accept = "") => ({ method: "GET", headers: { accept } }) as IncomingMessage;
const at = (path: string) => new URL(path, "http://localhost");

describe("the route table", () => {
  const page = route("page", { path: "/graphql", when: (req) => (req.headers.accept ?? "").includes("text/html") });
  const graphql = route("graphql", { path: "/graphql", access: "graphql" });
  const assets = route("assets", { path: "/graphiql/", prefix: true });
  const find = routeTable([page, graphql, route("health", { path: "/healthz" }), assets]);

  it("takes the first route for a path whose condition holds", () => {
    expect(find(get("text/html"), at("/graphql"))).toBe(page);
    expect(find(get("application/json"), at("/graphql"))).toBe(graphql);
  });

  it("matches exact paths exactly and prefixes by prefix", () => {
    expect(find(get(), at("/healthz"))).toMatchObject({ name: "health" });
    expect(find(get(), at("/healthz/"))).toBeUndefined();
    expect(find(get(), at("/graphiql/graphiql.js"))).toBe(assets);
    expect(find(get(), at("/graphiql"))).toBeUndefined();
    expect(find(get(), at("/nowhere"))).toBeUndefined();
  });
});
