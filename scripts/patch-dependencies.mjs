// Runs after every install (package.json "postinstall"): fixes in installed dependencies that their
// released versions lack. Each fix names the text it replaces; when that text is gone (a newer
// release changed it), the fix is skipped with a warning instead of guessing.
//
// postgres.js 3.4.9, src/queue.js: its connection queues leave a hole for every element shifted
// out and only drop them when the queue empties, while every query moves a connection between two
// queues with `indexOf` over the whole array, holes included. Under steady load the queues never
// empty: the arrays grow without bound and the scan grows with them (measured: 7 % of the server's
// CPU after 10 s of load, 19 % after 40 s; bench/RESULTS.md). The fix scans only the live part
// and drops the holes once they are the larger part.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const MARKER = "/* health-services-graph: live-part queue */";

const original = `    remove: (x) => {
      const index = xs.indexOf(x)
      return index === -1
        ? null
        : (xs.splice(index, 1), x)
    },
    push: (x) => (xs.push(x), x),
    shift: () => {
      const out = xs[index++]

      if (index === xs.length) {
        index = 0
        xs = []
      } else {
        xs[index - 1] = undefined
      }

      return out
    }`;

const patched = `    ${MARKER}
    remove: (x) => {
      const at = xs.indexOf(x, index)
      return at === -1
        ? null
        : (xs.splice(at, 1), x)
    },
    push: (x) => (xs.push(x), x),
    shift: () => {
      const out = xs[index++]

      if (index === xs.length) {
        index = 0
        xs = []
      } else if (index > 64 && index * 2 > xs.length) {
        xs = xs.slice(index)
        index = 0
      } else {
        xs[index - 1] = undefined
      }

      return out
    }`;

const files = ["src/queue.js", "cjs/src/queue.js", "cf/src/queue.js"].map((f) => join(root, "node_modules/postgres", f)).filter(existsSync);
let problems = 0;
for (const file of files) {
  const text = readFileSync(file, "utf8");
  if (text.includes(MARKER)) continue;
  if (!text.includes(original)) {
    console.warn(`patch-dependencies: ${file} is not the postgres.js 3.4.9 queue; its fix was not applied`);
    problems++;
    continue;
  }
  writeFileSync(file, text.replace(original, patched));
  console.log(`patch-dependencies: fixed the connection queue in ${file.slice(root.length + 1)}`);
}
process.exitCode = 0;
if (problems > 0) console.warn("patch-dependencies: see scripts/patch-dependencies.mjs");
