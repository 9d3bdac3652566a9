// A fresh embedded database starts from a template made at build time (migrated, reference data
// loaded) instead of running every migration: the first start then takes about as long as a
// restart. The template is used only while it matches the migrations and data it was made from;
// migrations still run at start-up, so a missing or stale template only costs time.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const TEMPLATE_FILE = join(ROOT, ".build/pglite-template.tar.gz");
export const TEMPLATE_STAMP = join(ROOT, ".build/pglite-template.stamp");

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

/** What a template depends on: the migrations, the reference data and the code that seeds it. */
export function templateStamp(): string {
  const hash = createHash("sha256");
  for (const file of [...files(join(ROOT, "migrations")), ...files(join(ROOT, "data")), ...files(fileURLToPath(new URL("./seed", import.meta.url)))]) {
    hash.update(file.slice(ROOT.length)).update(readFileSync(file));
  }
  return hash.digest("hex");
}

/** The template as a blob for PGlite's loadDataDir, or null when there is none or it is stale. */
export function currentTemplate(): Blob | null {
  if (!existsSync(TEMPLATE_FILE) || !existsSync(TEMPLATE_STAMP)) return null;
  if (readFileSync(TEMPLATE_STAMP, "utf8").trim() !== templateStamp()) return null;
  return new Blob([readFileSync(TEMPLATE_FILE)]);
}

/** A data directory PGlite has not initialised yet. */
export function isFreshDataDir(dataDir: string): boolean {
  return !existsSync(join(dataDir, "PG_VERSION")) || statSync(join(dataDir, "PG_VERSION")).size === 0;
}
