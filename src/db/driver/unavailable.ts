// Whether an error means the database could not be reached or would not take the statement for
// now (a restart, a failover, a standby not yet promoted), so the same request may succeed when
// retried: postgres.js's connection errors, the socket's, and PostgreSQL's connection-exception
// class (08), operator intervention (57P01–57P03) and a write refused by a read-only standby
// (25006). A submission retried with its idempotency key makes no second case.
const DRIVER_CODES = new Set(["CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT", "ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH"]);
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "25006"]);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== "string") continue;
    if (DRIVER_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  return false;
}
