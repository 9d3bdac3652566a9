// Writing an answer: JSON, the refusal of an oversized body, the not-found answer.
import type { IncomingMessage, ServerResponse } from "node:http";

export function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(payload));
}

/** The whole answer at once; the response (and with it the connection) ends once the refused body is read. */
export function sendRefusal(res: ServerResponse, status: number, payload: unknown, bodyDiscarded: Promise<void>): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), connection: "close" });
  res.write(text);
  void bodyDiscarded.then(() => res.end());
}

export function sendNotFound(res: ServerResponse, url: URL): void {
  sendJson(res, 404, { error: `no route for ${url.pathname}; the graph is at /graphql` });
}

export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
