// A partner's webhook receiver: checks X-HSG-Signature, drops duplicates by eventId, answers 2xx.
// Self-contained on purpose (node:http and node:crypto only): copy it into your own service.
// Usage: WEBHOOK_SECRET=whsec_… npx tsx examples/webhook-receiver.ts [port]
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import { pathToFileURL } from "node:url";

const TOLERANCE_SECONDS = 300;

/** HMAC-SHA256 over "<t>.<raw body>" with the endpoint's secret, header "t=<unix seconds>,v1=<hex>". */
export function isAuthentic(secret: string, rawBody: string, header: string | undefined, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  const fields = new Map((header ?? "").split(",").map((part) => part.split("=", 2) as [string, string]));
  const t = Number(fields.get("t"));
  const v1 = fields.get("v1") ?? "";
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > TOLERANCE_SECONDS) return false; // stale: maybe a replay
  const expected = Buffer.from(createHmac("sha256", secret).update(`${t}.${rawBody}`).digest("hex"));
  return v1.length === expected.length && timingSafeEqual(Buffer.from(v1), expected);
}

export interface CaseEvent {
  eventId: string;
  type: string;
  occurredAt: string;
  caseNo: string;
  service: string;
  benefit: string;
  statusFrom?: string | null;
  statusTo?: string;
  version?: number;
  slaDueOn?: string;
}

/** A receiver that hands each new event to `onEvent` once; a real one would keep seen ids in its database. */
export function createReceiver(secret: string, onEvent: (event: CaseEvent) => void): Server {
  const seen = new Set<string>();
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8"); // verify the bytes as received, before parsing
      if (!isAuthentic(secret, raw, req.headers["x-hsg-signature"] as string | undefined)) {
        res.statusCode = 401;
        res.end("bad signature");
        return;
      }
      const event = JSON.parse(raw) as CaseEvent;
      if (!seen.has(event.eventId)) {
        seen.add(event.eventId);
        onEvent(event);
      }
      res.statusCode = 204; // answer fast; do slow work after
      res.end();
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const secret = process.env.WEBHOOK_SECRET;
  if (!secret) throw new Error("set WEBHOOK_SECRET to the secret registerWebhook returned");
  const port = Number(process.argv[2] ?? 8787);
  createReceiver(secret, (e) => console.log(`${e.occurredAt} ${e.type} ${e.caseNo} ${e.statusFrom ?? ""}→${e.statusTo ?? ""}`)).listen(port, () =>
    console.log(`listening on http://127.0.0.1:${port}/`),
  );
}
