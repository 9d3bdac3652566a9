// The feed at the lowest priority Linux has: the idle scheduling class (SCHED_IDLE). A task in it
// runs only on a CPU nothing else wants, and any other task that wakes takes the CPU from it at
// once; a nice value of 19 alone still lets the feed finish its time slice first, a few
// milliseconds that every read waiting behind it pays (docs/decisions/0102-the-feed-in-the-idle-class.md).
// Set with util-linux's chrt (Node has no call for it); a task may always lower its own class.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, readlinkSync } from "node:fs";

/** The feed's lowest priority (`FEED_WORKER_NICE` 19, the default): the nice value at which it also enters the idle class. */
export const IDLE_CLASS_NICE = 19;

/**
 * Puts the calling thread ("thread": the feed's reader in an API process), or every thread of this
 * process and those it starts later ("process": the importing command), in the idle class. False
 * where the system does not allow it (not Linux, no chrt): the caller's nice value then stands.
 */
export function enterIdleClass(scope: "thread" | "process"): boolean {
  try {
    const target = scope === "process" ? ["--all-tasks", "--idle", "--pid", "0", String(process.pid)] : ["--idle", "--pid", "0", readlinkSync("/proc/thread-self").split("/").pop()!];
    execFileSync("chrt", target, { stdio: "ignore", timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

/** SCHED_IDLE's number in /proc/<pid>/task/<tid>/stat (the 41st field, `policy`). */
const SCHED_IDLE = 5;

/** The threads of process `pid` by whether they are in the idle class (Linux; for tests and diagnostics). */
export function threadsInIdleClass(pid: number = process.pid): { readonly idle: number[]; readonly other: number[] } {
  const idle: number[] = [];
  const other: number[] = [];
  for (const tid of readdirSync(`/proc/${pid}/task`).map(Number)) {
    try {
      const fields = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8").split(") ")[1]!.split(" ");
      (Number(fields[38]) === SCHED_IDLE ? idle : other).push(tid);
    } catch {
      // ended meanwhile
    }
  }
  return { idle, other };
}
