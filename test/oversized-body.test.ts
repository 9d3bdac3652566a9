// 413 for a body over the limit, read by a client that is still sending: never a reset.
import { request } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./support/test-server.js";

const SIX_MB = 6 * 1024 * 1024;

/** Sends `total` bytes in 64 KiB pieces, yielding between them; answers the status and whether the client saw an error. */
function send(url: string, total: number, chunked: boolean): Promise<{ status: number | null; statusBeforeSent: boolean; error: string | null; body: string }> {
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = { "content-type": "application/json" };
    if (!chunked) headers["content-length"] = total;
    const req = request(url, { method: "POST", headers });
    let sent = 0;
    let status: number | null = null;
    let statusBeforeSent = false;
    let body = "";
    let error: string | null = null;
    req.on("response", (res) => {
      status = res.statusCode ?? null;
      statusBeforeSent = sent < total;
      res.on("data", (d) => (body += String(d)));
      res.on("end", () => resolve({ status, statusBeforeSent, error, body }));
      res.on("error", (e) => resolve({ status, statusBeforeSent, error: e.message, body }));
    });
    req.on("error", (e) => {
      error = (e as NodeJS.ErrnoException).code ?? e.message;
      resolve({ status, statusBeforeSent, error, body });
    });
    const piece = Buffer.alloc(64 * 1024, 0x20);
    piece[0] = 0x7b; // "{": a JSON body, too long
    const pump = () => {
      while (sent < total) {
        const n = Math.min(piece.length, total - sent);
        sent += n;
        if (!req.write(piece.subarray(0, n))) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

describe("a body over the limit", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("pglite");
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.each([
    ["with a Content-Length of 6 MB", false],
    ["chunked, 6 MB", true],
  ])("%s: 413 with its JSON error, no reset", async (_name, chunked) => {
    const outcome = await send(server.url, SIX_MB, chunked);
    expect({ status: outcome.status, error: outcome.error }).toEqual({ status: 413, error: null });
    expect(JSON.parse(outcome.body)).toMatchObject({ errors: [{ extensions: { code: "BAD_REQUEST" } }] });
  });

  it("a Content-Length over the limit is answered before the body is sent", async () => {
    const outcome = await send(server.url, SIX_MB, false);
    expect(outcome.status).toBe(413);
    expect(outcome.statusBeforeSent).toBe(true);
  });

  it("the server still serves after them", async () => {
    expect((await server.post(JSON.stringify({ query: "{ services { code } }" }))).status).toBe(200);
  });
});

describe("a body over the limit, sent by fetch", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("pglite");
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("a 6 MB body with its Content-Length: 413, ten times over", async () => {
    const body = `{"query":"{ services { code } }","pad":"${"x".repeat(SIX_MB)}"}`;
    for (let i = 0; i < 10; i++) {
      const response = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body });
      expect(response.status).toBe(413);
      await response.text();
    }
  });
});

/** A client that writes the whole request at once and only then reads: the status line, or the socket's error. */
function rawPost(url: string, total: number): Promise<{ head: string; error: string | null }> {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let head = "";
    socket.on("data", (d) => (head += String(d)));
    socket.on("error", (e) => resolve({ head: head.split("\r\n")[0] ?? "", error: (e as NodeJS.ErrnoException).code ?? e.message }));
    socket.on("close", () => resolve({ head: head.split("\r\n")[0] ?? "", error: null }));
    socket.write(`POST ${pathname} HTTP/1.1\r\nhost: ${hostname}\r\ncontent-type: application/json\r\ncontent-length: ${total}\r\nconnection: close\r\n\r\n`);
    socket.end(Buffer.alloc(total, 0x20));
  });
}

describe("a body over the limit, written at once by a raw client", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("pglite");
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("reads 413, not a reset", async () => {
    for (let i = 0; i < 5; i++) expect(await rawPost(server.url, SIX_MB)).toEqual({ head: "HTTP/1.1 413 Payload Too Large", error: null });
  });
});
