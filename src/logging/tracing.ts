// Distributed traces (OpenTelemetry API only; the SDK is started by src/process/tracing.ts when
// OTEL_EXPORTER_OTLP_ENDPOINT is set). A span holds names, codes, ids, counts and statement text
// without parameters: never variables, inputs or personal data (README, "Traces").
//
// What it costs is decided once, where a trace starts (a request, a webhook delivery, a sweep):
// - tracing off: every function here is a check of one flag;
// - on, the trace not sampled (most requests at a ratio sampler): the root's sampling decision, then
//   nothing: no span object is kept, no context is entered, no child span is asked for;
// - on and sampled: the spans recorded, and the async context entered at the root and at the
//   operation (a statement's span is not made active: nothing under it reads the context).
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span } from "@opentelemetry/api";

export { SpanKind };
export type { Span };

export const tracer = trace.getTracer("health-services-graph");

let started = false;

/** Called when the SDK is registered (src/process/tracing.ts); until then no span is asked for. */
export function tracingStarted(on: boolean): void {
  started = on;
}

/** A span that records nothing: what `work` gets when its trace is not recorded. */
const NOT_RECORDED: Span = trace.wrapSpanContext({ traceId: "00000000000000000000000000000000", spanId: "0000000000000000", traceFlags: 0 });

/** The recorded span of the active context, if any. */
export function activeRecorded(): Span | undefined {
  if (!started) return undefined;
  const span = trace.getActiveSpan();
  return span?.isRecording() ? span : undefined;
}

/** Is a span of this trace being recorded (tracing on and this trace sampled)? */
export function recording(): boolean {
  return activeRecorded() !== undefined;
}

/** The trace id of the active span when it is recorded (for log lines); undefined otherwise. */
export function activeTraceId(): string | undefined {
  return activeRecorded()?.spanContext().traceId;
}

/** The W3C traceparent of a span (answered back to the caller, kept with an outbox event). */
export function traceparentOf(span: Span): string {
  const { traceId, spanId, traceFlags } = span.spanContext();
  return `00-${traceId}-${spanId}-${traceFlags.toString(16).padStart(2, "0")}`;
}

/** The traceparent of the active span when it is recorded, else null. */
export function activeTraceparent(): string | null {
  const span = activeRecorded();
  return span ? traceparentOf(span) : null;
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

/** Headers (traceparent, tracestate) that carry the active context to a receiver. */
export function injectHeaders(headers: Record<string, string>): Record<string, string> {
  if (started) propagation.inject(context.active(), headers);
  return headers;
}

export function failSpan(span: Span, error: unknown): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : "error" });
}

/**
 * Starts a trace's root span (or continues the caller's, `parent` from `contextFrom`), sampled by
 * the SDK's sampler. Null when the trace is not recorded: the caller then runs as with tracing off.
 * Attributes are set only on a recorded span. `end` must finish the span.
 */
export function startRootSpan(name: string, options: { kind?: SpanKind; parent: Context; attributes?: () => Attributes }): { span: Span; context: Context } | null {
  if (!started) return null;
  const span = tracer.startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL }, options.parent);
  if (!span.isRecording()) return null;
  if (options.attributes) span.setAttributes(options.attributes());
  return { span, context: trace.setSpan(options.parent, span) };
}

async function runSpan<T>(span: Span, ctx: Context, work: (span: Span) => Promise<T>): Promise<T> {
  try {
    return await context.with(ctx, () => work(span));
  } catch (error) {
    failSpan(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/**
 * Runs `work` as the root of a trace (or continuing `parent`) in a span active while it runs, ended
 * when it settles and marked as failed (with the error's class name only: messages may quote data)
 * when it throws. Not recorded: `work` runs as it is.
 */
export function inRootSpan<T>(name: string, options: { kind?: SpanKind; parent: Context; attributes?: () => Attributes }, work: (span: Span) => Promise<T>): Promise<T> {
  const root = startRootSpan(name, options);
  return root ? runSpan(root.span, root.context, work) : work(NOT_RECORDED);
}

/**
 * Runs `work` in a child span of the active recorded span, active while it runs; when the trace is
 * not recorded (tracing off, or not sampled at its root), `work` runs as it is: no span, no context.
 */
export function inSpan<T>(name: string, options: { kind?: SpanKind; attributes?: Attributes }, work: (span: Span) => Promise<T>): Promise<T> {
  const parent = activeRecorded();
  if (!parent) return work(NOT_RECORDED);
  const parentContext = context.active();
  const span = tracer.startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes }, parentContext);
  return runSpan(span, trace.setSpan(parentContext, span), work);
}

/**
 * A child span of the active recorded span that is not made active (a leaf: a SQL statement), or
 * null when the trace is not recorded. `end` must finish it.
 */
export function startLeafSpan(name: string, options: { kind?: SpanKind; attributes?: Attributes }): Span | null {
  if (!activeRecorded()) return null;
  return tracer.startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes }, context.active());
}

export function runIn<T>(ctx: Context, work: () => T): T {
  return context.with(ctx, work);
}
