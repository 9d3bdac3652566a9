// Prometheus metrics at GET /metrics: request durations by operation, errors by code, quota
// refusals, and the process's own (event loop, memory). One registry per app, so tests stay apart.
import type { ApolloServerPlugin } from "@apollo/server";
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";
import type { Context } from "../context/context.js";

export interface AppMetrics {
  readonly registry: Registry;
  readonly plugin: ApolloServerPlugin<Context>;
}

export function createAppMetrics(): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "hsg_" });
  const duration = new Histogram({
    name: "hsg_graphql_request_duration_seconds",
    help: "GraphQL operations by operation name and type",
    labelNames: ["operation", "type"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const errors = new Counter({ name: "hsg_graphql_errors_total", help: "GraphQL errors by code", labelNames: ["code"], registers: [registry] });
  const userErrors = new Counter({
    name: "hsg_user_errors_total",
    help: "userErrors returned by mutations, by code (QUOTA_EXHAUSTED counts quota refusals)",
    labelNames: ["mutation", "code"],
    registers: [registry],
  });
  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operation, operationName, response, errors: requestErrors }) {
          const name = operationName ?? "anonymous";
          duration.observe({ operation: name.slice(0, 60), type: operation?.operation ?? "unknown" }, (performance.now() - started) / 1000);
          for (const error of requestErrors ?? []) errors.inc({ code: String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR") });
          if (operation?.operation === "mutation" && response.body.kind === "single") {
            for (const [field, payload] of Object.entries(response.body.singleResult.data ?? {})) {
              for (const e of (payload as { userErrors?: { code: string }[] } | null)?.userErrors ?? []) userErrors.inc({ mutation: field, code: e.code });
            }
          }
        },
      };
    },
  };
  return { registry, plugin };
}
