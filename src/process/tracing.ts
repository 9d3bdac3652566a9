// Starts OpenTelemetry tracing when OTEL_EXPORTER_OTLP_ENDPOINT (or _TRACES_ENDPOINT) is set: spans
// go over OTLP/HTTP to that collector, sampled by the SDK's own variables (OTEL_TRACES_SAMPLER,
// OTEL_TRACES_SAMPLER_ARG; default: every trace, or as the caller's traceparent decided).
// Unset: nothing starts, and src/logging/tracing.ts runs on the API's no-op. README, "Traces".
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { tracingStarted } from "../logging/tracing.js";

export interface Tracing {
  /** Sends the spans still buffered (tests; shutdown does it too). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

export function tracingEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) && env.OTEL_SDK_DISABLED !== "true";
}

export function startTracing(env: NodeJS.ProcessEnv = process.env): Tracing | null {
  if (!tracingEnabled(env)) return null;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": env.OTEL_SERVICE_NAME || "health-services-graph" }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  // The global tracer and the W3C trace-context propagator; no async-context manager: traces are
  // carried by hand (src/logging/tracing.ts), so nothing turns Node's promise hooks on.
  provider.register({ contextManager: null });
  tracingStarted(true);
  return {
    flush: () => provider.forceFlush(),
    shutdown: async () => {
      tracingStarted(false);
      await provider.shutdown();
    },
  };
}
