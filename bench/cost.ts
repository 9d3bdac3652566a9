// `npm run bench:cost -- [--op a|b] [--n 400]`: the graph's own CPU for one operation, in process and
// one request at a time, so that a change to the execution path (loaders, presenters, scalars,
// serialisation) can be weighed on a machine too busy for throughput numbers. Runs the operation
// compiled by graphql-jit, as the server does, on BENCH_DATABASE_URL (seeded by `npm run bench`), and
// prints CPU µs per request for execution and for serialisation, medians of 5 batches. With --heap,
// it also samples every allocation (kept or collected) and prints the bytes per request by site.
import "reflect-metadata";
import { Session } from "node:inspector/promises";
import { parse, validate } from "graphql";
import { compileQuery, isCompiledQuery } from "graphql-jit";
import { authenticate } from "../src/context/authenticate.js";
import { systemClock } from "../src/context/clock.js";
import { createContext } from "../src/context/context.js";
import { openDatabase } from "../src/db/client.js";
import { createLogger } from "../src/logging/logger.js";
import { getSchema } from "../src/graph/build-schema.js";
import { createPiiProtector } from "../src/security/pii-protector.js";
import { BENCH_ADMIN_KEY, BENCH_PII_KEY, benchDatabaseUrl, benchPolicyNos, option } from "./lib.js";
import { CONSOLE_PAGE, ENTITLEMENTS } from "./operations.js";

const url = benchDatabaseUrl();
const op = option("op", "b");
const n = Number(option("n", "400"));

const sample = await benchPolicyNos(url, 2000);
const prefixes = Array.from({ length: 100 }, (_, i) => `BP${String(i).padStart(5, "0")}`);
let k = 0;
const variables = () => (op === "a" ? { policyNo: sample[k++ % sample.length] } : { prefix: prefixes[k++ % prefixes.length] });

const schema = await getSchema();
const database = await openDatabase({ kind: "postgres", url }, { maxConnections: 4 });
const deps = { db: database.db, clock: systemClock, logger: createLogger("warn"), pii: createPiiProtector(Buffer.from(BENCH_PII_KEY, "hex")), production: true };
const document = parse(op === "a" ? ENTITLEMENTS : CONSOLE_PAGE);
if (validate(schema, document).length) throw new Error("the operation does not validate");
const compiledOrErrors = compileQuery(schema, document, undefined, { disablingCapturingStackErrors: true });
if (!isCompiledQuery(compiledOrErrors)) throw new Error("graphql-jit could not compile the operation");
const compiled = compiledOrErrors;
const caller = await authenticate(`Bearer ${BENCH_ADMIN_KEY}`, { adminApiKey: BENCH_ADMIN_KEY, jwt: null }, database.db);
if (caller.kind !== "authenticated") throw new Error("the bench key was not accepted");

const micros = (u: NodeJS.CpuUsage) => u.user + u.system;
async function batch(size: number): Promise<{ execute: number; serialise: number; bytes: number }> {
  let execute = 0;
  let serialise = 0;
  let bytes = 0;
  for (let i = 0; i < size; i++) {
    const context = createContext(deps, String(i), caller.kind === "authenticated" ? caller.principal : null, null);
    const start = process.cpuUsage();
    const result = await compiled.query(undefined, context, variables());
    const mid = process.cpuUsage();
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors[0]));
    bytes += JSON.stringify(result).length;
    execute += micros(process.cpuUsage(start)) - micros(process.cpuUsage(mid));
    serialise += micros(process.cpuUsage(mid));
  }
  return { execute: execute / size, serialise: serialise / size, bytes: bytes / size };
}
await batch(Math.min(200, n));
const heap = option("heap", "") !== "" || process.argv.includes("--heap") ? new Session() : null;
if (heap) {
  heap.connect();
  await heap.post("HeapProfiler.enable");
  await heap.post("HeapProfiler.startSampling", { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
}
const batches = [];
for (let b = 0; b < 5; b++) batches.push(await batch(n));
await database.close();
if (heap) {
  interface HeapNode { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: HeapNode[] }
  const { profile } = (await heap.post("HeapProfiler.stopSampling")) as { profile: { head: HeapNode } };
  if (process.env.HEAP_PROFILE_OUT) (await import("node:fs")).writeFileSync(process.env.HEAP_PROFILE_OUT, JSON.stringify(profile));
  const bySite = new Map<string, number>();
  let total = 0;
  const walk = (node: HeapNode) => {
    const { functionName, url: file, lineNumber } = node.callFrame;
    const site = `${functionName || "(anonymous)"} ${file.replace(/.*node_modules\//, "").replace(/^.*?\/(src|bench)\//, "$1/")}:${lineNumber + 1}`;
    bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
    total += node.selfSize;
    node.children.forEach(walk);
  };
  walk(profile.head);
  const perRequest = (bytes: number) => `${(bytes / (5 * n) / 1024).toFixed(1).padStart(7)} KB`;
  console.log(`allocated per request (sampled): ${perRequest(total)}`);
  for (const [site, bytes] of [...bySite].sort((x, y) => y[1] - x[1]).slice(0, Number(option("top", "30")))) console.log(`${perRequest(bytes)}  ${site}`);
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[2]!;
console.log(
  `(${op}) CPU µs per request, median of 5 × ${n}: execution ${median(batches.map((b) => b.execute)).toFixed(0)}, ` +
    `execution + JSON ${median(batches.map((b) => b.execute + b.serialise)).toFixed(0)} (batches: ${batches.map((b) => (b.execute + b.serialise).toFixed(0)).join(" ")}); ${median(batches.map((b) => b.bytes)).toFixed(0)} bytes`,
);
