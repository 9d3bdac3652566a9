// npm run bench:policy-feed -- <postgres-url> [--policies 1000000] [--existing 100000] [--batch 10000]
//   [--rate <records/s>] [--read-rate 100] [--window 10]
// #31's measurement in one command. The database at <url> is DROPPED and made again; `existing`
// policies (generator seed 7) are imported into it, then the graph server (the production build) is
// started on it, and (a), the front end's entitlements request, is sent through the graph at
// `read-rate` a second in an open loop (each read timed from when it was due) over windows of
// `window` seconds: two idle before, back to back for as long as the import of `policies` records
// (seed 1, so the existing ones come again as updates) runs, two idle after. The feed files are
// made once with bench/generate-policy-feed.ts in the system's temporary folder.
//
// Prints the import's rate (records over its wall time, the command's start to its end), its CPU
// and peak memory, every window's p50 and p99, and each import window's p99 as a multiple of the
// idle p99 (the reads of the four idle windows taken together): #31 asks ≥ 10,000 records a second
// and at most 2 ×.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { BENCH_PII_KEY, openLoop, option, percentile, processMeters, readEntitlements, ROOT, startServer, table } from "./lib.js";

const url = process.argv.slice(2).find((arg, i, all) => !arg.startsWith("--") && !all[i - 1]?.startsWith("--"));
if (!url) {
  process.stderr.write("usage: npm run bench:policy-feed -- <postgres-url, dropped and made again> [--policies n] [--existing n] [--batch n] [--rate n] [--read-rate n] [--window s]\n");
  process.exit(2);
}
const policies = Number(option("policies", "1000000"));
const existing = Number(option("existing", "100000"));
const batch = option("batch", "10000");
const rate = option("rate", "");
const readRate = Number(option("read-rate", "100"));
const windowSeconds = Number(option("window", "10"));

/** Starts `node <args>`; `exited` settles when it ends (at `endedAt`), rejecting with the end of its stderr unless it succeeded. */
function startNode(args: readonly string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-2000)));
  const run = {
    pid: child.pid!,
    endedAt: undefined as number | undefined,
    exited: new Promise<void>((resolve, reject) =>
      child.once("exit", (code) => {
        run.endedAt = performance.now();
        if (code === 0) resolve();
        else reject(new Error(`${args.join(" ")} exited with ${code}: ${stderr}`));
      }),
    ),
  };
  return run;
}
const run = (args: readonly string[], env: Record<string, string> = {}) => startNode(args, env).exited;

/** The feed file of `count` records of `seed`, made once. */
async function feedFile(count: number, seed: number): Promise<string> {
  const dir = join(tmpdir(), "hsg-policy-feed");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${count}-seed${seed}.jsonl`);
  if (!existsSync(file)) await run(["--import", "tsx", "bench/generate-policy-feed.ts", file, String(count), "--seed", String(seed)]);
  return file;
}

const importArgs = (file: string) => ["--import", "tsx", "src/db/policy-import-cli.ts", "--batch", batch, ...(rate ? ["--rate", rate] : []), file];
const importEnv = { DATABASE_URL: url, PII_ENCRYPTION_KEY: BENCH_PII_KEY };

const [existingFile, feed] = [await feedFile(existing, 7), await feedFile(policies, 1)];
const database = new URL(url).pathname.slice(1);
const admin = postgres(Object.assign(new URL(url), { pathname: "/postgres" }).toString(), { max: 1, onnotice: () => {} });
await admin.unsafe(`drop database if exists "${database}" with (force)`);
await admin.unsafe(`create database "${database}"`);
await admin.end();
process.stderr.write(`loading ${existing.toLocaleString("en")} existing policies…\n`);
await run(importArgs(existingFile), importEnv);
const sql = postgres(url, { max: 1, onnotice: () => {} });
await sql`vacuum analyze`;
// The existing policies, which the import updates, in an order that is not their numbers'.
const policyNos = (await sql<{ policy_no: string }[]>`select policy_no from policy order by md5(policy_no) limit 2000`).map((r) => r.policy_no);
await sql.end();

const server = await startServer(url, { LOG_LEVEL: "warn" });
const read = (i: number) => readEntitlements(server.url, policyNos[i % policyNos.length]!);
interface Window {
  readonly phase: "idle before" | "import" | "idle after";
  readonly at: number;
  readonly timings: number[];
}
const windows: Window[] = [];
const started = performance.now();
const measure = async (phase: Window["phase"]) => {
  const at = (performance.now() - started) / 1000;
  windows.push({ phase, at, timings: await openLoop(readRate, windowSeconds, read) });
};

try {
  for (let i = 0; i < 100; i++) await read(i); // connections opened, code compiled
  await measure("idle before");
  await measure("idle before");

  process.stderr.write(`importing ${policies.toLocaleString("en")} policies while (a) is read…\n`);
  const importStart = performance.now();
  const importing = startNode(importArgs(feed), importEnv);
  importing.exited.catch(() => {}); // awaited below
  // Its CPU and peak memory, read from /proc while it runs (the last reading before it exits).
  const meters = processMeters(importing.pid);
  let usage = { cpuS: 0, peakMb: 0 };
  const sample = setInterval(() => {
    try {
      usage = { cpuS: meters.cpuMs() / 1000, peakMb: meters.peakMb() };
    } catch {
      // exited meanwhile
    }
  }, 250);
  // The import's time ends when it exits, not with the window it exits in.
  while (importing.endedAt === undefined) await measure("import");
  clearInterval(sample);
  await importing.exited;
  const importSeconds = (importing.endedAt - importStart) / 1000;

  await measure("idle after");
  await measure("idle after");

  const idle = windows.filter((w) => w.phase !== "import").flatMap((w) => w.timings).sort((a, b) => a - b);
  const idleP99 = percentile(idle, 0.99);
  const rows = windows.map((w) => [
    w.phase,
    `+${w.at.toFixed(0)} s`,
    w.timings.length,
    percentile(w.timings, 0.5).toFixed(1),
    percentile(w.timings, 0.99).toFixed(1),
    w.phase === "import" ? `${(percentile(w.timings, 0.99) / idleP99).toFixed(2)} ×` : "",
  ]);
  const during = windows.filter((w) => w.phase === "import");
  const within = during.filter((w) => percentile(w.timings, 0.99) <= 2 * idleP99).length;
  const duringP99 = percentile(during.flatMap((w) => w.timings).sort((a, b) => a - b), 0.99);
  process.stdout.write(
    [
      `import: ${policies.toLocaleString("en")} records in ${importSeconds.toFixed(1)} s = **${Math.round(policies / importSeconds).toLocaleString("en")} records/s** ` +
        `(--batch ${batch}${rate ? `, --rate ${rate}` : ""}; ${usage.cpuS.toFixed(1)} s of CPU, peak memory ${usage.peakMb.toFixed(0)} MB)`,
      `(a) through the graph at ${readRate}/s, ${windowSeconds} s windows; idle p99 (four idle windows together) ${idleP99.toFixed(1)} ms:`,
      "",
      table(["window", "from", "reads", "p50 ms", "p99 ms", "p99 ÷ idle p99"], rows),
      "",
      `import windows within 2 × the idle p99: ${within} of ${during.length}; all the import's reads together: p99 ${duringP99.toFixed(1)} ms, ${(duringP99 / idleP99).toFixed(2)} × idle`,
    ].join("\n") + "\n",
  );
} finally {
  await server.stop();
}
