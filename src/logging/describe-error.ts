// How an unexpected error is written to a log line, for every part of the service (HTTP, workers,
// compaction, shutdown): the statement and the database's codes, never the values.
/**
 * An unexpected error as it may be logged. drizzle's "Failed query: … params: …" message carries
 * the statement's parameters (names, phones, ciphertext): only the statement and the database's
 * error code and constraint are kept.
 */
export function describeForLog(error: unknown): Record<string, unknown> | string {
  if (!(error instanceof Error)) return "non-error thrown";
  const message = error.message.startsWith("Failed query:") ? error.message.replace(/\nparams:[\s\S]*$/, "\nparams: [not logged]") : error.message;
  // The database's message can quote a value ("invalid input syntax for type uuid: \"…\""): only its code and constraint.
  const cause = error.cause as { code?: unknown; constraint_name?: unknown } | undefined;
  return {
    type: error.name,
    message,
    stack: error.stack?.replace(/\nparams:[\s\S]*?(\n\s+at )/, "\nparams: [not logged]$1"),
    ...(cause ? { cause: { code: typeof cause.code === "string" ? cause.code : undefined, constraint: typeof cause.constraint_name === "string" ? cause.constraint_name : undefined } } : {}),
  };
}
