// postgres.js 3.4.9 needs patches/postgres+3.4.9.patch: without it its connection queues grow
// without bound under load (docs/decisions/0012-postgres-queue-patch.md). An install that skipped
// the patch (--ignore-scripts, a package manager without postinstall) still runs, and slows down
// over hours, so the server checks at start-up and says so.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The line the patch adds to every copy of the queue. */
export const QUEUE_PATCH_MARKER = "live-part queue (patches/postgres+3.4.9.patch)";

/** Every build of the package (ESM, CommonJS, Cloudflare workers): any of them may be loaded. */
export const POSTGRES_QUEUE_FILES = ["src/queue.js", "cjs/src/queue.js", "cf/src/queue.js"] as const;

/** Where the installed postgres.js lives (its CommonJS entry is cjs/src/index.js). */
export function postgresPackageRoot(): string {
  return join(dirname(createRequire(import.meta.url).resolve("postgres")), "..", "..");
}

/** The copies of postgres.js's queue that lack the fix: none when the install applied the patch. */
export function unpatchedPostgresQueues(root = postgresPackageRoot()): string[] {
  return POSTGRES_QUEUE_FILES.map((file) => join(root, file)).filter((path) => !existsSync(path) || !readFileSync(path, "utf8").includes(QUEUE_PATCH_MARKER));
}
