// GET /metrics: the Prometheus registry of this app (requests, GraphQL operations, pools, process).
import type { Registry } from "prom-client";
import type { Route } from "../route.js";

export function metricsRoute(registry: Registry): Route {
  return {
    path: "/metrics",
    access: "public",
    async handle({ res }) {
      res.statusCode = 200;
      res.setHeader("content-type", registry.contentType);
      res.end(await registry.metrics());
    },
  };
}
