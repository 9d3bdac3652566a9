// Distributed traces (OpenTelemetry API only; the SDK is started by src/process/tracing.ts when
// OTEL_EXPORTER_OTLP_ENDPOINT is set). Without the SDK every call here is the API's no-op and
// costs a function call. A span holds names, codes, ids, counts and statement text without
// parameters: never variables, inputs or personal data (README, "Traces").
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span } from "@opentelemetry/api";

export { SpanKind };
export type { Span };

export const tracer = trace.getTracer("health-services-graph");

/** Is a span of this trace being recorded (tracing on and this trace sampled)? */
export function recording(): boolean {
  return trace.getActiveSpan()?.isRecording() === true;
}

/** The trace id of the active span when it is recorded (for log lines); undefined otherwise. */
export function activeTraceId(): string | undefined {
  const span = trace.getActiveSpan();
  return span?.isRecording() ? span.spanContext().traceId : undefined;
}

/** The W3C traceparent of a span (answered back to the caller, kept with an outbox event). */
export function traceparentOf(span: Span): string {
  const { traceId, spanId, traceFlags } = span.spanContext();
  return `00-${traceId}-${spanId}-${traceFlags.toString(16).padStart(2, "0")}`;
}

/** The traceparent of the active span when it is recorded, else null. */
export function activeTraceparent(): string | null {
  const span = trace.getActiveSpan();
  return span?.isRecording() ? traceparentOf(span) : null;
}

/** The context a W3C traceparent (and tracestate) continues; the root context when there is none. */
export function contextFrom(carrier: Record<string, string | string[] | undefined>): Context {
  return propagation.extract(ROOT_CONTEXT, carrier, {
    keys: (c) => Object.keys(c),
    get: (c, key) => {
      const value = c[key];
      return Array.isArray(value) ? value[0] : value;
    },
  });
}

/** Headers (traceparent, tracestate) that carry the active context to a receiver. */
export function injectHeaders(headers: Record<string, string>): Record<string, string> {
  propagation.inject(context.active(), headers);
  return headers;
}

/**
 * Runs `work` in a span that is active while it runs, ends it when it settles, and marks it as
 * failed (with the error's class name only: messages may quote data) when it throws.
 */
export async function inSpan<T>(name: string, options: { kind?: SpanKind; attributes?: Attributes; parent?: Context }, work: (span: Span) => Promise<T>): Promise<T> {
  const parent = options.parent ?? context.active();
  // Under a local span of an unsampled trace, a child is not sampled either (the parent-based
  // samplers): no span and no context switch for it. A remote parent (a traceparent) is sampled anew.
  const parentSpan = trace.getSpan(parent);
  if (parentSpan && !parentSpan.isRecording() && parentSpan.spanContext().isRemote !== true) return work(parentSpan);
  const span = tracer.startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    failSpan(span, error);
    throw error;
  } finally {
    span.end();
  }
}

export function failSpan(span: Span, error: unknown): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : "error" });
}

/** Starts a span that `end` must finish (for work whose end is an event, like a response's finish). */
export function startSpan(name: string, options: { kind?: SpanKind; attributes?: Attributes; parent?: Context }): { span: Span; context: Context } {
  const parent = options.parent ?? context.active();
  const span = tracer.startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes }, parent);
  return { span, context: trace.setSpan(parent, span) };
}

export function runIn<T>(ctx: Context, work: () => T): T {
  return context.with(ctx, work);
}
