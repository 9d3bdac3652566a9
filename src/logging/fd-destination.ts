// Where log lines go: written synchronously to a file descriptor (stdout), so that every line
// survives a kill and a slow reader slows the writer. A line the descriptor refuses is dropped and
// counted, never retried in a loop: once the reader is gone (EPIPE) nothing more is written, so a
// closed log pipe can neither spin the process nor keep it from stopping.
import { writeSync } from "node:fs";

/** How long a full pipe (EAGAIN) is waited for, in all, before a line is dropped. */
const FULL_PIPE_WAIT_MS = 1000;
const pause = new Int32Array(new SharedArrayBuffer(4));

let dropped = 0;

/** Log lines this process could not write, for /metrics. */
export function logLinesDropped(): number {
  return dropped;
}

export interface FdDestination {
  write(line: string): void;
}

export function fdDestination(fd: number): FdDestination {
  let closed = false;
  return {
    write(line: string): void {
      if (closed) {
        dropped++;
        return;
      }
      let rest = Buffer.from(line);
      let waited = 0;
      while (rest.length > 0) {
        try {
          rest = rest.subarray(writeSync(fd, rest));
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if ((code === "EAGAIN" || code === "EBUSY") && waited < FULL_PIPE_WAIT_MS) {
            Atomics.wait(pause, 0, 0, 5);
            waited += 5;
            continue;
          }
          if (code === "EPIPE" || code === "EBADF") closed = true;
          dropped++;
          return;
        }
      }
    },
  };
}
