// The fixes scripts/patch-dependencies.mjs makes after every install are in place and keep the
// fixed code's behaviour.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const postgresRoot = require.resolve("postgres").replace(/cjs\/src\/index\.js$/, "");

interface Queue<T> {
  readonly length: number;
  remove(x: T): T | null;
  push(x: T): T;
  shift(): T | undefined;
}

describe("postgres.js connection queue", () => {
  it("is the patched queue in every build of the package", () => {
    for (const file of ["src/queue.js", "cjs/src/queue.js"]) {
      expect(readFileSync(`${postgresRoot}${file}`, "utf8")).toContain("health-services-graph: live-part queue");
    }
  });

  it("moves connections the way the pool does, for as long as the load lasts", () => {
    const Queue = require(`${postgresRoot}cjs/src/queue.js`) as <T>(initial?: T[]) => Queue<T>;
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
    // The pool's pattern under steady load: take the first idle connection or pipeline onto the
    // first busy one, and now and then let one go idle.
    for (let i = 0; i < 100_000; i++) {
      const c = open.length ? open.shift()! : busy.shift()!;
      move(c, busy);
      if (i % 3 === 0 && busy.length > 1) move(busy.shift()!, open);
      expect(open.length + busy.length).toBe(4);
    }
    expect(busy.remove("nope")).toBeNull();
    const all = [...Array.from({ length: open.length }, () => open.shift()), ...Array.from({ length: busy.length }, () => busy.shift())];
    expect(all.sort()).toEqual(["c1", "c2", "c3", "c4"]);
  });
});
