// Per-request state: who calls, what day it is in Shanghai, the database, fresh DataLoaders and the
// reference data (made once at start-up, shared by every request).
import type { Database } from "../db/client.js";
import { tracedDatabase } from "../db/driver/database.js";
import type { Logger } from "../logging/logger.js";
import type { Traced } from "../logging/tracing.js";
import { loadReference, type Reference } from "../reference/reference.js";
import type { Principal } from "../rules/access/roles.js";
import { rowScope } from "../rules/access/row-scope.js";
import type { PiiProtector } from "../security/pii-protector.js";
import { type Clock, shanghaiDate } from "./clock.js";
import { Loaders } from "./loaders.js";

export interface Context {
  readonly requestId: string;
  readonly principal: Principal | null;
  /** The instant the request is served at. */
  readonly now: Date;
  /** The calendar date in Asia/Shanghai: the date every business rule is decided on. */
  readonly today: string;
  readonly db: Database;
  /** Where BI reads go: a replica when READ_DATABASE_URL is set, else the main database. */
  readonly readDb: Database;
  readonly loaders: Loaders;
  /** The calendar and the region index: read from here, never from a global. */
  readonly reference: Reference;
  readonly logger: Logger;
  readonly pii: PiiProtector;
  /** The caller's address, for the audit log. */
  readonly remoteAddress: string | null;
  /** NODE_ENV=production: stricter checks (e.g. https-only webhooks). */
  readonly production: boolean;
  /** WEBHOOK_ALLOWED_NETWORKS: non-public networks a webhook may still target (development). */
  readonly webhookAllowedNetworks: readonly string[];
  /**
   * Whether a read may read ahead what the operation selects below it (a policy with its
   * children, docs/decisions/0053-planned-policy-page.md); off, each field reads through its loader.
   */
  readonly readAhead: boolean;
  /**
   * The operation's recorded span (null when the request's trace is not recorded): `db` and
   * `readDb` put their statements under it, and the request's log lines carry its trace id.
   */
  readonly trace: Traced;
}

export interface ContextDeps {
  readonly db: Database;
  readonly readDb?: () => Database;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly pii: PiiProtector;
  readonly production?: boolean;
  readonly webhookAllowedNetworks?: readonly string[];
  /** Made once at start-up; without it, the data sets in data/ (read once per process). */
  readonly reference?: Reference;
  /** Read-ahead (default true); off under the reference executor (GRAPHQL_EXECUTOR=graphql-js). */
  readonly readAhead?: boolean;
}

export function createContext(deps: ContextDeps, requestId: string, principal: Principal | null, remoteAddress: string | null = null, trace: Traced = null): Context {
  return new RequestContext(deps, requestId, principal, remoteAddress, trace);
}

/**
 * A class, so that the request logger is a getter on the prototype: Apollo copies each request's
 * context with Object.assign onto an object of the same prototype, which would call a getter that
 * is the object's own and make the logger for every request. Most requests log nothing, and a child
 * logger serialises its bindings, so it is made on first use, on the copy Apollo hands to resolvers.
 */
class RequestContext implements Context {
  readonly now: Date;
  readonly today: string;
  readonly db: Database;
  readonly readDb: Database;
  readonly loaders: Loaders;
  readonly reference: Reference;
  readonly pii: PiiProtector;
  readonly production: boolean;
  readonly webhookAllowedNetworks: readonly string[];
  readonly readAhead: boolean;
  /**
   * The logger once made. Plain fields (TypeScript's `private` included) are own properties, which
   * Apollo's copy carries; an ES `#private` field would not be copied, and the getter would throw on
   * the copy.
   */
  requestLogger: Logger | undefined = undefined;
  private readonly parentLogger: Logger;

  constructor(
    deps: ContextDeps,
    readonly requestId: string,
    readonly principal: Principal | null,
    readonly remoteAddress: string | null,
    readonly trace: Traced,
  ) {
    this.now = deps.clock.now();
    this.today = shanghaiDate(this.now);
    this.db = tracedDatabase(deps.db, trace);
    this.webhookAllowedNetworks = deps.webhookAllowedNetworks ?? [];
    this.readDb = deps.readDb ? tracedDatabase(deps.readDb(), trace) : this.db;
    this.loaders = new Loaders(this.db, rowScope(principal));
    this.reference = deps.reference ?? loadReference();
    this.pii = deps.pii;
    this.production = deps.production ?? false;
    this.readAhead = deps.readAhead ?? true;
    this.parentLogger = deps.logger;
  }

  get logger(): Logger {
    return (this.requestLogger ??= this.parentLogger.child(this.trace ? { requestId: this.requestId, traceId: this.trace.spanContext().traceId } : { requestId: this.requestId }));
  }
}
