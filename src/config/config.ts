// Environment configuration, validated once at start-up: one clear message per bad variable.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { parsePiiKey } from "../security/pii-protector.js";
import { targetPolicy } from "../security/webhook-target.js";

export type DatabaseTarget =
  | { readonly kind: "pglite"; readonly dataDir: string }
  | { readonly kind: "pglite-memory" }
  | { readonly kind: "postgres"; readonly url: string };

export interface AppConfig {
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseTarget;
  /** READ_DATABASE_URL: a PostgreSQL replica for BI reads (caseMetrics, CSV export); null for the main database. */
  readonly readDatabase: DatabaseTarget | null;
  /**
   * QUEUE_DATABASE_URL: where graphile-worker's job queue connects (LISTEN/NOTIFY and its prepared
   * statements need a session: the primary directly, or a session-mode pooler); null: DATABASE_URL.
   */
  readonly queueDatabaseUrl?: string | null;
  /** READ_REPLICA_MAX_LAG_SECONDS / READ_REPLICA_CHECK_MS: past this lag BI reads go to the primary; how often it is measured. */
  readonly readReplica?: { readonly maxLagSeconds: number; readonly checkMs: number };
  readonly adminApiKey: string | null;
  readonly seedDemo: boolean;
  readonly production: boolean;
  readonly logLevel: "debug" | "info" | "warn" | "error" | "silent";
  /** LOG_FORMAT: JSON lines, lines for a person, or "auto" (pretty when stdout is a terminal). */
  readonly logFormat: "json" | "pretty" | "auto";
  /** Key for personal data at rest (PII_ENCRYPTION_KEY). */
  readonly piiKey: Buffer;
  /** True when no PII_ENCRYPTION_KEY was given and the public development key is in use. */
  readonly piiKeyIsDevelopment: boolean;
  readonly rateLimitPerMinute: number;
  /** REDIS_URL: the rate limit counted in Redis, one limit for every process; RATE_LIMIT_REDIS_PREFIX its keys. */
  readonly rateLimit?: { readonly redisUrl: string | null; readonly keyPrefix: string };
  /** AUTH_FAILURES_PER_MINUTE (default 20, 0 off) failed authentications per address, then AUTH_BACKOFF_SECONDS (default 900) with no credentials checked. */
  readonly authFailures?: { readonly perMinute: number; readonly backoffSeconds: number };
  /** SHUTDOWN_TIMEOUT_MS: how long a stop may take before the process exits 1 (default 10 s). */
  readonly shutdownDeadlineMs?: number;
  /** GRAPHQL_TRUSTED_DOCUMENTS off|allow|require (default allow); GRAPHQL_TRUSTED_DOCUMENTS_FILE the published documents. */
  readonly trustedDocuments?: { readonly mode: "off" | "allow" | "require"; readonly file: string | null };
  /**
   * GRAPHQL_EXECUTOR: operations compiled by graphql-jit with the read-ahead and direct field
   * resolvers (the default), or the reference: graphql-js running type-graphql's resolvers as
   * written, each field reading through its loader. With DATABASE_FAST_PATH=off, the reference
   * path every faster one is tested against (test/read-paths.e2e.test.ts).
   */
  readonly executor: "compiled" | "graphql-js";
  /** DATABASE_POOL_MAX: connections this process holds to a PostgreSQL server (default 10). */
  readonly poolMax: number;
  /**
   * DATABASE_CONNECT_TIMEOUT_SECONDS (default 5): how long one attempt to open a connection may take
   * (postgres.js's connect_timeout, 30 s by default) before it fails, or, with several hosts, the
   * next host is tried: a primary whose machine died answers nothing, not even a refusal.
   */
  readonly connectTimeoutSeconds?: number;
  /** DATABASE_FAST_PATH on|off (default on): prepared and fixed statements (src/db/driver/); off, plain drizzle. */
  readonly databaseFastPath: boolean;
  readonly jwt: { secret: string | null; jwksFile: string | null; issuer: string | null; audience: string | null; maxAgeSeconds?: number | null };
  /** The webhook worker and SLA sweep in this process (docs/webhooks.md). */
  readonly webhooks: { worker: boolean; timeoutMs: number; maxAttempts: number; slaSweepSeconds: number; allowedNetworks?: readonly string[] };
  readonly guards: {
    maxDepth: number;
    maxAliases: number;
    maxTokens: number;
    maxCost: number;
    introspection: "authenticated" | "all" | "off";
    /** GRAPHQL_MAX_DOCUMENT_CHARS, GRAPHQL_MAX_SELECTION_FIELDS, GRAPHQL_MAX_FIELDS: ad-hoc documents before validation (docs/security.md). */
    maxDocumentChars?: number;
    maxSelectionFields?: number;
    maxFields?: number;
  };
}

/** Public, so never for real data: production refuses to start without PII_ENCRYPTION_KEY. */
export const DEVELOPMENT_PII_KEY = createHash("sha256").update("health-services-graph development key").digest();

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const DEFAULT_DATA_DIR = ".data/pglite";
const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;

export function parseDatabaseUrl(raw: string | undefined): DatabaseTarget | string {
  const value = raw?.trim();
  if (!value) return { kind: "pglite", dataDir: DEFAULT_DATA_DIR };
  if (value === "memory://") return { kind: "pglite-memory" };
  if (value.startsWith("file://")) {
    const dir = value.slice("file://".length);
    return dir ? { kind: "pglite", dataDir: dir } : "DATABASE_URL file:// needs a directory, e.g. file://.data/pglite";
  }
  if (/^postgres(ql)?:\/\//.test(value)) {
    try {
      // Several hosts (host1:port1,host2:port2, with target_session_attrs=read-write) are one URL
      // for postgres.js; the URL parser is given the first of them.
      new URL(value.replace(/@([^/?]*?),[^/?]*/, "@$1").replace(/^(postgres(?:ql)?:\/\/)([^@/?]*?),[^/?]*/, "$1$2"));
    } catch {
      return "DATABASE_URL is not a valid URL";
    }
    return { kind: "postgres", url: value };
  }
  return "DATABASE_URL must be unset (embedded, persisted in .data/), memory://, file://<dir> or postgres://user@host:port/db";
}

/** postgres://user@host1:5432,host2:5432/db: several hosts, tried in turn by postgres.js. */
export function hasSeveralHosts(url: string): boolean {
  return /^postgres(?:ql)?:\/\/(?:[^@/?]*@)?[^/?]*,/.test(url);
}

/** DATABASE_FAST_PATH: on (the default) or off; a message when it is neither. */
export function parseFastPath(raw: string | undefined): boolean | string {
  const value = raw?.trim().toLowerCase();
  if (!value || value === "on") return true;
  if (value === "off") return false;
  return `DATABASE_FAST_PATH must be on or off, got "${raw}"`;
}

function parseBoolean(name: string, raw: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (raw === undefined || raw === "") return fallback;
  if (["1", "true", "yes", "on"].includes(raw.toLowerCase())) return true;
  if (["0", "false", "no", "off"].includes(raw.toLowerCase())) return false;
  problems.push(`${name} must be 1/0 (or true/false), got "${raw}"`);
  return fallback;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];

  const portRaw = env.PORT ?? "4000";
  const port = Number(portRaw);
  if (!/^\d+$/.test(portRaw) || port < 0 || port > 65535) problems.push(`PORT must be a port number 0–65535, got "${portRaw}"`);

  const database = parseDatabaseUrl(env.DATABASE_URL);
  if (typeof database === "string") problems.push(database);

  let readDatabase: DatabaseTarget | null = null;
  if (env.READ_DATABASE_URL?.trim()) {
    const read = parseDatabaseUrl(env.READ_DATABASE_URL);
    if (typeof read === "string" || read.kind !== "postgres") problems.push("READ_DATABASE_URL must be a postgres:// URL of a replica");
    else readDatabase = read;
  }

  let queueDatabaseUrl: string | null = null;
  if (env.QUEUE_DATABASE_URL?.trim()) {
    const queue = parseDatabaseUrl(env.QUEUE_DATABASE_URL);
    if (typeof queue === "string" || queue.kind !== "postgres" || hasSeveralHosts(queue.url)) {
      problems.push("QUEUE_DATABASE_URL must be a postgres:// URL of one server (the primary, or a session-mode pooler)");
    } else if (typeof database === "string" || database.kind !== "postgres") {
      problems.push("QUEUE_DATABASE_URL is for a PostgreSQL DATABASE_URL (the embedded database has no job queue)");
    } else queueDatabaseUrl = queue.url;
  }

  const adminApiKey = env.ADMIN_API_KEY?.trim() || null;
  if (adminApiKey !== null && adminApiKey.length < 16) problems.push("ADMIN_API_KEY must be at least 16 characters");

  const production = env.NODE_ENV === "production";
  const embedded = typeof database !== "string" && database.kind !== "postgres";
  // Demo data carries public API keys: never in production, and on PostgreSQL only when asked for.
  const seedDemo = parseBoolean("SEED_DEMO", env.SEED_DEMO, embedded && !production, problems);
  if (seedDemo && production) problems.push("SEED_DEMO loads demo data with public API keys and is refused when NODE_ENV=production");

  const logLevel = (env.LOG_LEVEL ?? "info") as AppConfig["logLevel"];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${env.LOG_LEVEL}"`);
  const logFormat = (env.LOG_FORMAT?.trim() || "auto") as AppConfig["logFormat"];
  if (!["json", "pretty", "auto"].includes(logFormat)) problems.push(`LOG_FORMAT must be json or pretty (unset: pretty on a terminal, JSON otherwise), got "${env.LOG_FORMAT}"`);

  let piiKey: Buffer = DEVELOPMENT_PII_KEY;
  const piiRaw = env.PII_ENCRYPTION_KEY?.trim();
  if (piiRaw) {
    const parsed = parsePiiKey(piiRaw);
    if (parsed) piiKey = parsed;
    else problems.push("PII_ENCRYPTION_KEY must be 32 bytes: 64 hex characters or base64 (openssl rand -base64 32)");
  } else if (production) {
    problems.push("PII_ENCRYPTION_KEY is required when NODE_ENV=production (openssl rand -base64 32)");
  }

  const int = (name: string, fallback: number, min: number) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) problems.push(`${name} must be a whole number ≥ ${min}, got "${raw}"`);
    return value;
  };
  const rateLimitPerMinute = int("RATE_LIMIT_PER_MINUTE", 600, 0);
  const poolMax = int("DATABASE_POOL_MAX", 10, 1);
  const connectTimeoutSeconds = int("DATABASE_CONNECT_TIMEOUT_SECONDS", 5, 1);
  const databaseFastPath = parseFastPath(env.DATABASE_FAST_PATH);
  if (typeof databaseFastPath === "string") problems.push(databaseFastPath);
  const shutdownDeadlineMs = int("SHUTDOWN_TIMEOUT_MS", 10_000, 100);
  const redisUrl = env.REDIS_URL?.trim() || null;
  if (redisUrl !== null && !/^rediss?:\/\//.test(redisUrl)) problems.push(`REDIS_URL must be a redis:// or rediss:// URL, got "${redisUrl}"`);
  const trustedDocuments = {
    mode: (env.GRAPHQL_TRUSTED_DOCUMENTS?.trim() || "allow") as "off" | "allow" | "require",
    file: env.GRAPHQL_TRUSTED_DOCUMENTS_FILE?.trim() || null,
  };
  if (!["off", "allow", "require"].includes(trustedDocuments.mode)) {
    problems.push(`GRAPHQL_TRUSTED_DOCUMENTS must be off, allow or require, got "${env.GRAPHQL_TRUSTED_DOCUMENTS}"`);
  }
  if (trustedDocuments.file !== null && !existsSync(trustedDocuments.file)) problems.push(`GRAPHQL_TRUSTED_DOCUMENTS_FILE ${trustedDocuments.file} does not exist`);
  const rateLimit = { redisUrl, keyPrefix: env.RATE_LIMIT_REDIS_PREFIX?.trim() || "hsg:rate" };
  const authFailures = { perMinute: int("AUTH_FAILURES_PER_MINUTE", 20, 0), backoffSeconds: int("AUTH_BACKOFF_SECONDS", 900, 1) };
  const executor = (env.GRAPHQL_EXECUTOR?.trim() || "compiled") as AppConfig["executor"];
  if (!["compiled", "graphql-js"].includes(executor)) problems.push(`GRAPHQL_EXECUTOR must be compiled or graphql-js, got "${env.GRAPHQL_EXECUTOR}"`);
  const webhooks = {
    worker: parseBoolean("WEBHOOK_WORKER", env.WEBHOOK_WORKER, true, problems),
    timeoutMs: int("WEBHOOK_TIMEOUT_MS", 10_000, 100),
    maxAttempts: int("WEBHOOK_MAX_ATTEMPTS", 8, 1),
    slaSweepSeconds: int("SLA_SWEEP_SECONDS", 60, 0),
    // the demo (a development machine) sends to a receiver on this machine unless told otherwise
    allowedNetworks: (env.WEBHOOK_ALLOWED_NETWORKS ?? (seedDemo && !production ? "127.0.0.0/8,::1" : "")).split(",").map((n) => n.trim()).filter(Boolean),
  };
  const networks = targetPolicy(webhooks.allowedNetworks);
  if (typeof networks === "string") problems.push(networks);
  const guards = {
    maxDepth: int("GRAPHQL_MAX_DEPTH", 12, 2),
    maxAliases: int("GRAPHQL_MAX_ALIASES", 30, 1),
    maxTokens: int("GRAPHQL_MAX_TOKENS", 5000, 100),
    maxCost: int("GRAPHQL_MAX_COST", 20000, 10),
    introspection: (env.GRAPHQL_INTROSPECTION ?? "authenticated") as "authenticated" | "all" | "off",
    maxDocumentChars: int("GRAPHQL_MAX_DOCUMENT_CHARS", 50_000, 100),
    maxSelectionFields: int("GRAPHQL_MAX_SELECTION_FIELDS", 100, 10),
    maxFields: int("GRAPHQL_MAX_FIELDS", 1_000, 10),
  };
  if (!["authenticated", "all", "off"].includes(guards.introspection)) {
    problems.push(`GRAPHQL_INTROSPECTION must be authenticated, all or off, got "${env.GRAPHQL_INTROSPECTION}"`);
  }

  const jwt = {
    secret: env.AUTH_JWT_SECRET?.trim() || null,
    jwksFile: env.AUTH_JWKS_FILE?.trim() || null,
    issuer: env.AUTH_JWT_ISSUER?.trim() || null,
    audience: env.AUTH_JWT_AUDIENCE?.trim() || null,
    maxAgeSeconds: env.AUTH_JWT_MAX_AGE_SECONDS?.trim() ? int("AUTH_JWT_MAX_AGE_SECONDS", 0, 1) : null,
  };
  if (jwt.secret !== null && jwt.secret.length < 32) problems.push("AUTH_JWT_SECRET must be at least 32 characters");
  if (jwt.jwksFile !== null && !existsSync(jwt.jwksFile)) problems.push(`AUTH_JWKS_FILE ${jwt.jwksFile} does not exist`);

  const readReplica = { maxLagSeconds: int("READ_REPLICA_MAX_LAG_SECONDS", 30, 0), checkMs: int("READ_REPLICA_CHECK_MS", 5000, 100) };

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    // The demo data brings public keys (an ADMIN among them): without an explicit HOST they stay on this machine.
    host: env.HOST ?? (seedDemo ? "127.0.0.1" : "0.0.0.0"),
    database: database as DatabaseTarget,
    readDatabase,
    readReplica,
    queueDatabaseUrl,
    adminApiKey,
    seedDemo,
    production,
    logLevel,
    logFormat,
    piiKey,
    piiKeyIsDevelopment: !piiRaw,
    rateLimitPerMinute,
    rateLimit,
    authFailures,
    trustedDocuments,
    shutdownDeadlineMs,
    poolMax,
    connectTimeoutSeconds,
    databaseFastPath: databaseFastPath as boolean,
    executor,
    webhooks,
    guards,
    jwt,
  };
}
