// Per-request state: who calls, what day it is in Shanghai, the database and fresh DataLoaders.
import type { Database } from "../db/client.js";
import type { Logger } from "../logging/logger.js";
import type { Principal } from "../rules/access/roles.js";
import type { PiiProtector } from "../security/pii-protector.js";
import { type Clock, shanghaiDate } from "./clock.js";
import { createLoaders, type Loaders } from "./loaders.js";

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
  readonly logger: Logger;
  readonly pii: PiiProtector;
  /** The caller's address, for the audit log. */
  readonly remoteAddress: string | null;
  /** NODE_ENV=production: stricter checks (e.g. https-only webhooks). */
  readonly production: boolean;
}

export interface ContextDeps {
  readonly db: Database;
  readonly readDb?: Database;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly pii: PiiProtector;
  readonly production?: boolean;
}

export function createContext(deps: ContextDeps, requestId: string, principal: Principal | null, remoteAddress: string | null = null): Context {
  const now = deps.clock.now();
  let logger: Logger | undefined;
  return {
    requestId,
    principal,
    now,
    today: shanghaiDate(now),
    db: deps.db,
    readDb: deps.readDb ?? deps.db,
    loaders: createLoaders(deps.db),
    // Made on first use: most requests log nothing, and a child logger serialises its bindings.
    get logger() {
      return (logger ??= deps.logger.child({ requestId }));
    },
    pii: deps.pii,
    remoteAddress,
    production: deps.production ?? false,
  };
}
