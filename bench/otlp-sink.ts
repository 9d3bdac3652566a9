// `tsx bench/otlp-sink.ts [port]`: a collector stand-in for measuring traces (bench/RESULTS.md):
// accepts OTLP/HTTP exports on /v1/traces, counts the spans, answers 200 and keeps nothing.
import { createServer } from "node:http";

const port = Number(process.argv[2] ?? "4318");
let spans = 0;
createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    if (req.url === "/v1/traces") {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { resourceSpans?: { scopeSpans?: { spans?: unknown[] }[] }[] };
        for (const rs of body.resourceSpans ?? []) for (const ss of rs.scopeSpans ?? []) spans += ss.spans?.length ?? 0;
      } catch {
        // not JSON (protobuf): counted as received, not parsed
      }
    }
    res.setHeader("content-type", "application/json");
    res.end("{}");
  });
}).listen(port, "127.0.0.1", () => process.stdout.write(`OTLP sink on http://127.0.0.1:${port}\n`));
process.on("SIGTERM", () => {
  process.stdout.write(`spans received: ${spans}\n`);
  process.exit(0);
});
