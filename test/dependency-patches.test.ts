// patches/postgres+3.4.9.patch is applied to every build of postgres.js, and the real queue stays
// bounded: the array inside each queue is read through the inspector (it is a closure variable),
// after driving the queue module, and the pool itself on PostgreSQL, through thousands of moves.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POSTGRES_QUEUE_FILES, postgresPackageRoot, QUEUE_PATCH_MARKER, unpatchedPostgresQueues } from "../src/db/driver/queue-check.js";
import { openTestDatabase, postgresAvailable } from "./support/databases.js";

interface Queue<T> {
  readonly length: number;
  remove(x: T): T | null;
  push(x: T): T;
  shift(): T | undefined;
}

/** A queue of the patch holds at most this many slots for a handful of live entries. */
const BOUND = 200;

const session = new Session();
beforeAll(() => session.connect());
afterAll(() => session.disconnect());

/** The variables a function closes over, as inspector handles. */
async function closureOf(fn: unknown): Promise<Map<string, { objectId?: string; value?: unknown }>> {
  const slot = globalThis as { __closureProbe?: unknown };
  slot.__closureProbe = fn;
  const { result } = await session.post("Runtime.evaluate", { expression: "globalThis.__closureProbe" });
  delete slot.__closureProbe;
  const { internalProperties = [] } = await session.post("Runtime.getProperties", { objectId: result.objectId!, ownProperties: true });
  const scopes = internalProperties.find((p) => p.name === "[[Scopes]]")!.value!.objectId!;
  const { result: chain } = await session.post("Runtime.getProperties", { objectId: scopes, ownProperties: true });
  const variables = new Map<string, { objectId?: string; value?: unknown }>();
  for (const scope of chain) {
    // A function's own captured variables show as a "Closure" or "Block" scope; skip the global ones.
    if (!scope.value?.objectId || ["Global", "Script", "Module"].includes(scope.value.description ?? "")) continue;
    const { result: names } = await session.post("Runtime.getProperties", { objectId: scope.value.objectId!, ownProperties: true });
    for (const v of names) if (!variables.has(v.name) && v.value) variables.set(v.name, { objectId: v.value.objectId, value: v.value.value });
  }
  return variables;
}

/** The value behind an inspector handle, back in this process. */
async function valueOf<T>(handle: { objectId?: string; value?: unknown }): Promise<T> {
  if (!handle.objectId) return handle.value as T;
  const { result } = await session.post("Runtime.callFunctionOn", { objectId: handle.objectId, functionDeclaration: "function () { globalThis.__closureValue = this; }" });
  void result;
  const slot = globalThis as { __closureValue?: unknown };
  const value = slot.__closureValue as T;
  delete slot.__closureValue;
  return value;
}

/** How many slots the queue's internal array holds, live and shifted-out alike. */
async function slotsOf(queue: Queue<unknown>): Promise<number> {
  const xs = (await closureOf(queue.shift)).get("xs");
  expect(xs, "the queue keeps its entries in `xs`").toBeDefined();
  return (await valueOf<unknown[]>(xs!)).length;
}

/** The pool's pattern under steady load: take an idle connection or pipeline onto a busy one, now and then let one go idle. */
function churn(Queue: <T>(initial?: T[]) => Queue<T>, moves: number): { open: Queue<string>; busy: Queue<string> } {
  const open = Queue<string>();
  const busy = Queue<string>();
  const where = new Map<string, Queue<string>>();
  for (const c of ["c1", "c2", "c3", "c4"]) {
    open.push(c);
    where.set(c, open);
  }
  const move = (c: string, to: Queue<string>) => {
    where.get(c)!.remove(c);
    to.push(c);
    where.set(c, to);
  };
  for (let i = 0; i < moves; i++) {
    const c = open.length ? open.shift()! : busy.shift()!;
    move(c, busy);
    if (i % 3 === 0 && busy.length > 1) move(busy.shift()!, open);
    expect(open.length + busy.length).toBe(4);
  }
  return { open, busy };
}

describe("postgres.js connection queue", () => {
  it("carries the patch in every build of the package", () => {
    expect(unpatchedPostgresQueues()).toEqual([]);
  });

  it("is reported by the start-up check when a copy lacks the patch", () => {
    const root = mkdtempSync(join(tmpdir(), "hsg-postgres-"));
    for (const file of POSTGRES_QUEUE_FILES) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), file.startsWith("cf/") ? "export default function Queue() {}\n" : `// ${QUEUE_PATCH_MARKER}\n`);
    }
    expect(unpatchedPostgresQueues(root)).toEqual([join(root, "cf/src/queue.js")]);
  });

  it.each(POSTGRES_QUEUE_FILES)("%s stays bounded through 20,000 moves and keeps its entries", async (file) => {
    const path = join(postgresPackageRoot(), file);
    const Queue = (
      file.startsWith("cjs/") ? createRequire(import.meta.url)(path) : ((await import(/* @vite-ignore */ pathToFileURL(path).href)) as { default: unknown }).default
    ) as <T>(initial?: T[]) => Queue<T>;
    const { open, busy } = churn(Queue, 20_000);
    expect(await slotsOf(open)).toBeLessThan(BOUND);
    expect(await slotsOf(busy)).toBeLessThan(BOUND);
    expect(busy.remove("nope")).toBeNull();
    const all = [...Array.from({ length: open.length }, () => open.shift()), ...Array.from({ length: busy.length }, () => busy.shift())];
    expect(all.sort()).toEqual(["c1", "c2", "c3", "c4"]);
  });
});

describe.runIf(postgresAvailable())("postgres.js pool on PostgreSQL", () => {
  it("keeps every queue of the pool bounded through thousands of queries", async () => {
    const database = await openTestDatabase("postgres");
    const sql = postgres(database.url!, { max: 4, onnotice: () => {} });
    try {
      // 16 callers on 4 connections: the connections stay busy, so the queues never empty.
      await Promise.all(
        Array.from({ length: 16 }, async (_, caller) => {
          for (let i = 0; i < 250; i++) await sql`select ${caller}::int + ${i}::int as n`;
        }),
      );
      // The pool's queues are variables of postgres.js's Postgres(): `begin` closes over them.
      const pool = await closureOf(sql.begin);
      const names = ["queries", "connecting", "reserved", "closed", "ended", "open", "busy", "full"].filter((name) => pool.has(name));
      expect(names).toEqual(expect.arrayContaining(["open", "busy", "full"]));
      for (const name of names) {
        const queue = await valueOf<Queue<unknown>>(pool.get(name)!);
        expect(await slotsOf(queue), `slots of the ${name} queue`).toBeLessThan(BOUND);
      }
    } finally {
      await sql.end();
      await database.close();
    }
  });
});
