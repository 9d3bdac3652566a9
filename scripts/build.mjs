// `npm run build` and `npm start`: compile only when a source changed since the last build
// (tsc --incremental then recompiles only what those changes reach), and remake the embedded
// database template only when its migrations, reference data or seed code changed (a hash of
// their contents). A restart with nothing changed costs a directory walk and a hash.
// `--force` compiles whatever the timestamps say.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const STAMP = join(root, "dist/.build-stamp");
/** What the compiled output depends on, besides src/. */
const INPUT_FILES = ["tsconfig.json", "tsconfig.build.json", "package-lock.json"].map((f) => join(root, f));

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted or renamed file changes its directory
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const started = performance.now();
const stampTime = existsSync(STAMP) ? statSync(STAMP).mtimeMs : -1;
const sourcesTime = Math.max(newestMtime(join(root, "src")), ...INPUT_FILES.map(newestMtime));
if (process.argv.includes("--force") || !existsSync(join(root, "dist/server.js")) || sourcesTime > stampTime) {
  const tsc = join(root, "node_modules/typescript/bin/tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
  // The stamp is written after a good compile: a failed one is retried next time.
  writeFileSync(STAMP, "");
  const now = new Date();
  utimesSync(STAMP, now, now);
  process.stdout.write(`compiled in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
await import(join(root, "dist/db/embedded-template-cli.js"));
