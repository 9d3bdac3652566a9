// What a person watching an import sees: on a terminal, one line redrawn (bar, share of the file,
// records a second, time left); otherwise a log line at most every few seconds.
import type { ImportSummary } from "./import-policies.js";

interface Output {
  readonly isTTY?: boolean;
  write(text: string): boolean;
}

export function progressReporter(out: Output, totalBytes: number, now: () => number = Date.now, logEveryMs = 5000) {
  const started = now();
  let lastLog = 0;
  let startRead = 0;
  return {
    /** A resumed run: the records read before it do not count towards the rate. */
    begin(readSoFar: number) {
      startRead = readSoFar;
    },
    update(s: ImportSummary, bytesRead: number) {
      const elapsed = Math.max(1, now() - started) / 1000;
      const rate = (s.read - startRead) / elapsed;
      const share = totalBytes > 0 ? Math.min(1, bytesRead / totalBytes) : 0;
      const left = share > 0 ? (elapsed * (1 - share)) / share : Number.NaN;
      const figures = `${(share * 100).toFixed(1)}% ${s.read.toLocaleString("en")} read, ${Math.round(rate).toLocaleString("en")}/s, ${formatSeconds(left)} left, ${s.rejected} rejected`;
      if (out.isTTY) {
        const width = 30;
        const filled = Math.round(share * width);
        out.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${figures}\x1b[K`);
      } else if (now() - lastLog >= logEveryMs) {
        lastLog = now();
        out.write(`policies:import ${figures}\n`);
      }
    },
    done(s: ImportSummary) {
      const seconds = Math.max(1, now() - started) / 1000;
      if (out.isTTY) out.write("\n");
      out.write(`policies:import done in ${formatSeconds(seconds)}: ${Math.round((s.read - startRead) / seconds).toLocaleString("en")} records/s\n`);
    },
  };
}

export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return "--";
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s` : `${s}s`;
}
