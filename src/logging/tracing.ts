// Distributed traces (OpenTelemetry API only; the SDK is started by src/process/tracing.ts when
// OTEL_EXPORTER_OTLP_ENDPOINT is set). A span holds names, codes, ids, counts and statement text
// without parameters: never variables, inputs or personal data (README, "Traces").
//
// A trace is carried by hand, never through an async context: the request's span goes to the
// operation, the operation's span rides on the request's context and its database handle
// (src/db/driver/traced.ts), the transaction writes it to the outbox, the delivery continues it.
// No async context is ever entered, so Node's promise hooks stay off for the whole process (on
// Node 20 the first `AsyncLocalStorage.run` turns them on for every promise after it: about 9 % of
// the CPU of a read, bench/RESULTS.md, "What tracing costs"). What a trace costs is decided once,
// where it starts (a request, a webhook delivery, a sweep):
// - tracing off: every function here is a check of one flag;
// - on, the trace not sampled (most requests at a ratio sampler): the root's sampling decision, then
//   nothing: no span is kept, and every function here takes null and does nothing;
// - on and sampled: the spans recorded.
import { propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span } from "@opentelemetry/api";

export { SpanKind };
export type { Span };

/** A recorded span, or null when the trace is not recorded (tracing off, or not sampled at its root). */
export type Traced = Span | null;

export const tracer = trace.getTracer("health-services-graph");

let started = false;

/** Called when the SDK is registered (src/process/tracing.ts); until then no span is asked for. */
export function tracingStarted(on: boolean): void {
  started = on;
}

/** The W3C traceparent of a span (answered back to the caller, kept with an outbox event). */
export function traceparentOf(span: Span): string {
  const { traceId, spanId, traceFlags } = span.spanContext();
  return `00-${traceId}-${spanId}-${traceFlags.toString(16).padStart(2, "0")}`;
}

/** The context a W3C traceparent (and tracestate) continues; the root context when there is none. */
export function contextFrom(carrier: Record<string, string | string[] | undefined>): Context {
  if (!started || carrier.traceparent === undefined) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, carrier, {
    keys: (c) => Object.keys(c),
    get: (c, key) => {
      const value = c[key];
      return Array.isArray(value) ? value[0] : value;
    },
  });
}

/** Headers (traceparent, tracestate) that carry a recorded span's trace to a receiver. */
export function injectHeaders(span: Traced, headers: Record<string, string>): Record<string, string> {
  if (span) propagation.inject(trace.setSpan(ROOT_CONTEXT, span), headers);
  return headers;
}

export function failSpan(span: Span, error: unknown): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : "error" });
}

/**
 * Starts a trace's root span (or continues the caller's, `parent` from `contextFrom`), sampled by
 * the SDK's sampler. Null when the trace is not recorded: the caller then runs as with tracing off.
 * Attributes are set only on a recorded span. The caller ends it.
 */
export function startRootSpan(name: string, options: { kind?: SpanKind; parent: Context; attributes?: () => Attributes }): Traced {
  if (!started) return null;
  const span = tracer.startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL }, options.parent);
  if (!span.isRecording()) return null;
  if (options.attributes) span.setAttributes(options.attributes());
  return span;
}

/** A child span of a recorded span (null when the parent is not recorded). The caller ends it. */
export function startChildSpan(parent: Traced, name: string, options: { kind?: SpanKind; attributes?: Attributes } = {}): Traced {
  if (!parent) return null;
  return tracer.startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes }, trace.setSpan(ROOT_CONTEXT, parent));
}

async function runSpan<T>(span: Traced, work: (span: Traced) => Promise<T>): Promise<T> {
  if (!span) return work(null);
  try {
    return await work(span);
  } catch (error) {
    failSpan(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/**
 * Runs `work` as the root of a trace (or continuing `parent`) with its span, ended when it settles
 * and marked as failed (with the error's class name only: messages may quote data) when it throws.
 * Not recorded: `work` gets null.
 */
export function inRootSpan<T>(name: string, options: { kind?: SpanKind; parent: Context; attributes?: () => Attributes }, work: (span: Traced) => Promise<T>): Promise<T> {
  return runSpan(startRootSpan(name, options), work);
}

/** Runs `work` in a child span of `parent`, as `inRootSpan`; when `parent` is null, `work` gets null. */
export function inChildSpan<T>(parent: Traced, name: string, options: { kind?: SpanKind; attributes?: Attributes }, work: (span: Traced) => Promise<T>): Promise<T> {
  return runSpan(startChildSpan(parent, name, options), work);
}
