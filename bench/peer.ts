// The peer for `npm run bench -- --peer`: PostGraphile 5, installed on first use into a cache folder
// outside the project (not a dependency of it), served by bench/peer-server.ts as its own process.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { startScript, type ServerProcess } from "./lib.js";

/** The PostGraphile release measured against (issue #19). */
export const PEER_VERSION = "5.1.5";

/** The cache folder (BENCH_PEER_DIR, else ~/.cache/hsg-bench-peer) with PostGraphile installed in it. */
export function ensurePeer(): string {
  const dir = process.env.BENCH_PEER_DIR ?? join(homedir(), ".cache", "hsg-bench-peer");
  const manifest = join(dir, "node_modules", "postgraphile", "package.json");
  const installed = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version : undefined;
  if (installed === PEER_VERSION) return dir;
  console.log(`installing PostGraphile ${PEER_VERSION} into ${dir} (once)…`);
  mkdirSync(dir, { recursive: true });
  const result = spawnSync("npm", ["install", "--prefix", dir, "--no-audit", "--no-fund", "--loglevel", "error", `postgraphile@${PEER_VERSION}`], { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`npm install postgraphile@${PEER_VERSION} into ${dir} failed`);
  return dir;
}

/** PostGraphile on the database, with the graph's pool size, in production mode; Promise.withResolvers preloaded for Node 20. */
export async function startPeer(databaseUrl: string, poolMax: number, nodeFlags: readonly string[] = []): Promise<ServerProcess> {
  const dir = ensurePeer();
  return startScript("bench/peer-server.ts", databaseUrl, poolMax, {
    nodeArgs: [...nodeFlags, "--import", "./bench/promise-with-resolvers.ts"],
    env: { PEER_DIR: dir, GRAPHILE_ENV: "production", NODE_ENV: "production" },
  });
}
