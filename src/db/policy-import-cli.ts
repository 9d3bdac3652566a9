// npm run policies:import -- <file> [--format jsonl|csv] [--rejects <file>] [--batch <n>] [--rate <records/s>]
// Streams a JSON Lines or CSV file of policies into the database (src/db/policy-feed/). Rejected
// lines go to <file>.rejects.csv (line, field, code, zh, en; never the rejected values). A
// progress bar on a terminal, log lines otherwise. Re-running an interrupted file resumes it.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, statSync } from "node:fs";
import { basename } from "node:path";
import { ConfigError, loadConfig } from "../config/config.js";
import { createPiiProtector } from "../security/pii-protector.js";
import { openDatabase } from "./client.js";
import { transaction } from "./driver/database.js";
import { migrate } from "./migrate.js";
import { seedReference } from "./seed/seed-reference.js";
import { FeedFormatError, importPolicies, type FeedFormat, type ImportReject } from "./policy-feed/import-policies.js";
import { linesOf } from "./policy-feed/lines.js";
import { progressReporter } from "./policy-feed/progress.js";
import { enterIdleClass, IDLE_CLASS_NICE } from "./policy-feed/idle-class.js";
import { workerNice } from "./policy-feed/reader.js";

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const formatArg = option("format");
const rejectsArg = option("rejects");
const batchArg = option("batch");
const rateArg = option("rate");
const [file] = args;
if (!file || (formatArg && !/^(jsonl|csv)$/i.test(formatArg)) || (batchArg && !/^\d+$/.test(batchArg)) || (rateArg && !/^[1-9]\d*$/.test(rateArg))) {
  process.stderr.write("usage: npm run policies:import -- <file.jsonl|file.csv> [--format jsonl|csv] [--rejects <file>] [--batch <n>] [--rate <records/s>]\n");
  process.exit(2);
}
const format: FeedFormat = (formatArg ?? (/\.csv$/i.test(file) ? "csv" : "jsonl")).toUpperCase() as FeedFormat;
let size: number;
try {
  size = statSync(file).size;
} catch (error) {
  process.stderr.write(`cannot read ${file}: ${(error as Error).message}\n`);
  process.exit(2);
}

/** The file's digest, streamed: an interrupted run of the same bytes resumes. */
async function digestOf(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

function shanghaiToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

const csvCell = (v: string | number) => (typeof v === "number" || !/[",\n\r]/.test(v) ? String(v) : `"${v.replace(/"/g, '""')}"`);

try {
  // At the feed's lowest priority (FEED_WORKER_NICE 19, the default) the whole command, its reader
  // thread and the runtime's own threads (the collector's among them), runs in the idle class: the
  // graph's processes on the same machine take any CPU they want from it (idle-class.ts).
  if (workerNice() === IDLE_CLASS_NICE) enterIdleClass("process");
  const config = loadConfig();
  const handle = await openDatabase(config.database, { fastPath: true });
  try {
    await migrate(handle.db);
    await transaction(handle.db, (tx) => seedReference(tx)); // the benefits entitlements refer to
    const digest = await digestOf(file);
    const rejectsPath = rejectsArg ?? `${file}.rejects.csv`;
    let rejects: ReturnType<typeof createWriteStream> | null = null;
    let resumedAfter = 0;
    const progress = progressReporter(process.stderr, size);

    const summary = await importPolicies(handle.db, {
      source: basename(file),
      format,
      digest,
      lines: linesOf(createReadStream(file)),
      pii: createPiiProtector(config.piiKey),
      today: shanghaiToday(),
      batchSize: batchArg ? Number(batchArg) : undefined,
      maxRate: rateArg ? Number(rateArg) : undefined,
      onStart: (id, after, readSoFar) => {
        resumedAfter = after;
        progress.begin(readSoFar);
        rejects = createWriteStream(rejectsPath, { flags: after > 0 ? "a" : "w" });
        if (after === 0) rejects.write("line,field,code,zh,en\n");
        process.stderr.write(`import ${id}: ${after > 0 ? `resuming after line ${after}` : "started"}\n`);
      },
      onReject: (r: ImportReject) => {
        if (!rejects!.write(`${[r.line, r.field, r.code, r.zh, r.en].map(csvCell).join(",")}\n`)) return new Promise<void>((resolve) => rejects!.once("drain", () => resolve()));
      },
      onProgress: (s, bytes) => progress.update(s, bytes),
    });
    progress.done(summary);
    await new Promise<void>((resolve) => (rejects ? rejects.end(resolve) : resolve()));
    process.stdout.write(
      `import ${summary.id}: read ${summary.read}, inserted ${summary.inserted}, updated ${summary.updated}, unchanged ${summary.unchanged}, rejected ${summary.rejected}` +
        `${resumedAfter > 0 ? ` (resumed after line ${resumedAfter})` : ""}${summary.rejected > 0 ? `; rejects in ${rejectsPath}` : ""}\n`,
    );
    process.exitCode = summary.rejected > 0 ? 1 : 0;
  } finally {
    await handle.close();
  }
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError || error instanceof FeedFormatError ? (error as Error).message : `import failed: ${String(error)}`}\n`);
  process.exit(1);
}
