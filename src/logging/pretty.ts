// Log lines for a person at a terminal: time, level, message, then the fields. It reads the JSON
// pino has already written (and redacted), so nothing reaches it that the JSON would not carry.
import type { DestinationStream } from "pino";

const LEVELS: Record<number, { name: string; colour: number }> = {
  10: { name: "TRACE", colour: 90 },
  20: { name: "DEBUG", colour: 90 },
  30: { name: "INFO", colour: 32 },
  40: { name: "WARN", colour: 33 },
  50: { name: "ERROR", colour: 31 },
  60: { name: "FATAL", colour: 35 },
};

/** Fields every line has, or that the first part of the line already shows. */
const SHOWN = new Set(["level", "time", "msg", "service", "pid", "hostname"]);

function paint(colours: boolean, code: number, text: string): string {
  return colours ? `\u001b[${code}m${text}\u001b[0m` : text;
}

function value(v: unknown): string {
  return typeof v === "string" && /^[^\s"=]+$/.test(v) ? v : JSON.stringify(v);
}

/** One JSON log line as text for a person; a line that is not JSON is passed on as it is. */
export function formatLine(line: string, colours = false): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line.endsWith("\n") ? line : `${line}\n`;
  }
  const level = LEVELS[Number(entry.level)] ?? { name: String(entry.level), colour: 0 };
  const time = typeof entry.time === "string" ? entry.time.slice(11, 23) : "";
  const head = `${paint(colours, 90, time)} ${paint(colours, level.colour, level.name.padEnd(5))} ${String(entry.msg ?? "")}`;
  const inline: string[] = [];
  const blocks: string[] = [];
  for (const [key, v] of Object.entries(entry)) {
    if (SHOWN.has(key) || v === undefined) continue;
    // A list of lines (the demo keys at start-up) reads best one per line.
    if (Array.isArray(v) && v.length > 0 && v.every((item) => typeof item === "string")) {
      blocks.push(`    ${paint(colours, 36, key)}:\n${v.map((item) => `      ${item}`).join("\n")}`);
    } else {
      inline.push(`${paint(colours, 36, key)}=${value(v)}`);
    }
  }
  return [head + (inline.length ? `  ${inline.join(" ")}` : ""), ...blocks].join("\n") + "\n";
}

/** A pino destination that writes each line formatted for a person to `out`. */
export function prettyDestination(out: { write(text: string): unknown }, colours: boolean): DestinationStream {
  return {
    write(chunk: string) {
      for (const line of chunk.split("\n")) if (line) out.write(formatLine(line, colours));
    },
  };
}
