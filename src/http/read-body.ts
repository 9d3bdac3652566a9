// The body of a POST /graphql, within a size limit. A body over the limit is refused with 413
// without being kept: a Content-Length over it before any byte is read, a chunked body as soon as
// it passes it. Either way the rest of the body is read and thrown away (up to DISCARD_LIMIT_BYTES)
// while the 413 is sent, and the response ends only then: closing a socket with unread data resets
// it, and a client still sending would see the reset instead of the 413.
import type { IncomingMessage } from "node:http";

export const MAX_BODY_BYTES = 1_000_000;
const DISCARD_LIMIT_BYTES = 64 * 1024 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** A refused body: settles once the rest of it is read (or its socket gone); end the response then. */
    readonly bodyDiscarded: Promise<void> | null = null,
  ) {
    super(message);
  }
}

const tooLarge = (discarded: Promise<void>) => new HttpError(413, `request body over ${MAX_BODY_BYTES} bytes`, discarded);

/** Reads the rest of a refused body into the void; a body past the discard limit loses its socket. */
function discardRest(req: IncomingMessage, alreadyRead: number): Promise<void> {
  let discarded = alreadyRead;
  req.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_LIMIT_BYTES) req.socket.destroy();
  });
  req.on("error", () => undefined);
  req.resume();
  return new Promise((resolve) => {
    if (req.readableEnded) return resolve();
    req.once("end", resolve);
    req.once("close", resolve);
  });
}

function readRaw(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? Number.NaN);
  if (declared > MAX_BODY_BYTES) {
    return Promise.reject(tooLarge(discardRest(req, 0)));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      req.off("data", onData);
      req.off("end", onEnd);
      chunks.length = 0;
      reject(tooLarge(discardRest(req, size)));
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    req.on("data", onData);
    req.on("end", onEnd);
    req.once("error", reject);
  });
}

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  const text = (await readRaw(req)).toString("utf8");
  if (type !== "application/json" && type !== "application/graphql-response+json") {
    throw new HttpError(415, "POST /graphql needs Content-Type: application/json");
  }
  if (text.trim() === "") throw new HttpError(400, "request body is empty: send {\"query\": \"…\"}");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, "request body is not valid JSON");
  }
}
