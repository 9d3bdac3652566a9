// POST and GET /graphql: the body read within its limits, a published document resolved by id
// (rules/access/trusted-documents.ts), then Apollo with this request's context.
import { HeaderMap, type ApolloServer } from "@apollo/server";
import { createContext, type Context, type ContextDeps } from "../../context/context.js";
import { decideDocument, type DocumentRefusal, type TrustedDocumentMode } from "../../rules/access/trusted-documents.js";
import type { Role } from "../../rules/access/roles.js";
import { inChildSpan } from "../../logging/tracing.js";
import { refuseDocument, type DocumentRefusal as ShapeRefusal, type GuardSettings } from "../guards.js";
import { HttpError, readJsonBody } from "../read-body.js";
import { sendJson, sendRefusal } from "../respond.js";
import type { Route } from "../route.js";
import type { TrustedDocuments } from "../trusted-documents.js";

export interface GraphqlRouteDeps {
  readonly apollo: ApolloServer<Context>;
  /** What each request's context is made from. */
  readonly context: ContextDeps;
  readonly documentMode: TrustedDocumentMode;
  /** The published documents; null when the mode is "off". */
  readonly published: TrustedDocuments | null;
  /** The limits an ad-hoc document is held to before it is validated. */
  readonly guards: GuardSettings;
}

/** Ad-hoc texts that passed the checks lately (a client repeats its few documents). */
const PASSED_MEMORY = 500;

export function graphqlRoute({ apollo, context, documentMode, published, guards }: GraphqlRouteDeps): Route {
  const passed = new Set<string>();
  /** The first ad-hoc text of the request (one, or each of a batch) that breaks a limit. */
  function refuseText(method: string, url: URL, body: unknown): ShapeRefusal | null {
    const texts: unknown[] = method === "POST" ? (Array.isArray(body) ? body : [body]).map((b) => (b as Record<string, unknown> | null)?.query) : [url.searchParams.get("query")];
    for (const text of texts) {
      if (typeof text !== "string" || passed.has(text)) continue;
      const refusal = refuseDocument(text, guards);
      if (refusal) return refusal;
      if (passed.size >= PASSED_MEMORY) passed.clear();
      passed.add(text);
    }
    return null;
  }

  /**
   * A published document sent by id becomes its text; ad-hoc text goes on where the mode and the
   * caller's role allow it.
   */
  function publishedDocument(method: string, url: URL, body: unknown, role: Role | null): { body: unknown; search: string } | { refused: DocumentRefusal } | { shape: ShapeRefusal } {
    const fields = method === "POST" ? ((body ?? {}) as Record<string, unknown>) : Object.fromEntries(url.searchParams);
    const documentId = typeof fields.documentId === "string" ? fields.documentId : null;
    const text = typeof fields.query === "string" ? fields.query : null;
    const stored = documentId !== null ? published?.byId(documentId) : undefined;
    const decision = decideDocument(documentMode, role, {
      documentId,
      hasText: text !== null,
      published: documentId !== null ? stored !== undefined : text !== null && documentMode === "require" && (published?.isPublished(text) ?? false),
    });
    switch (decision.kind) {
      case "REFUSED":
        return { refused: decision.code };
      case "RUN_TEXT": {
        const shape = refuseText(method, url, body);
        if (shape) return { shape };
        return { body, search: url.search };
      }
      case "RUN_PUBLISHED": {
        if (method === "POST") {
          const { documentId: _id, ...rest } = fields;
          return { body: { ...rest, query: stored }, search: url.search };
        }
        const search = new URLSearchParams(url.searchParams);
        search.delete("documentId");
        search.set("query", stored!);
        return { body, search: `?${search.toString()}` };
      }
    }
  }

  return {
    path: "/graphql",
    access: "graphql",
    async handle({ req, res, url, requestId, principal, trace }) {
      let body: unknown;
      try {
        body = req.method === "POST" ? await readJsonBody(req) : undefined;
      } catch (error) {
        if (error instanceof HttpError) {
          const payload = { errors: [{ message: error.message, extensions: { code: "BAD_REQUEST" } }] };
          if (error.bodyDiscarded) return sendRefusal(res, error.status, payload, error.bodyDiscarded);
          return sendJson(res, error.status, payload);
        }
        throw error;
      }
      if (!wellFormedRequest(req.method ?? "GET", url, body)) {
        return sendJson(res, 400, { errors: [{ message: "text may not contain NUL characters or unpaired surrogates", extensions: { code: "BAD_USER_INPUT" } }] });
      }
      const document = publishedDocument(req.method ?? "GET", url, body, principal?.role ?? null);
      if ("shape" in document) {
        return sendJson(res, 400, { errors: [{ message: document.shape.message, extensions: { code: document.shape.code, ...document.shape.extensions } }] });
      }
      if ("refused" in document) {
        return sendJson(res, 400, { errors: [{ message: REFUSAL_MESSAGES[document.refused], extensions: { code: document.refused } }] });
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
      }
      // The operation's span: tracing-plugin.ts names it once Apollo knows the operation.
      const response = await inChildSpan(trace, "graphql operation", {}, (operation) =>
        apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: req.method ?? "GET", headers, search: document.search, body: document.body },
          context: async () => createContext(context, requestId, principal, req.socket.remoteAddress ?? null, operation),
        }),
      );
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === "complete") {
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    },
  };
}

/**
 * Strings the databases cannot store (PostgreSQL refuses NUL in text; an unpaired surrogate is no
 * UTF-8 at all) are refused for the whole request, before any resolver: a 400, not a 500 halfway.
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function wellFormed(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return !UNSTORABLE.test(value);
  if (depth > 64 || value === null || typeof value !== "object") return true;
  for (const item of Array.isArray(value) ? value : Object.values(value)) if (!wellFormed(item, depth + 1)) return false;
  return true;
}

function wellFormedRequest(method: string, url: URL, body: unknown): boolean {
  if (method === "POST") return wellFormed(body);
  for (const [name, text] of url.searchParams) {
    if (!wellFormed(text)) return false;
    if (name === "variables" || name === "extensions") {
      try {
        if (!wellFormed(JSON.parse(text))) return false;
      } catch {
        // not JSON: the server reports it
      }
    }
  }
  return true;
}

const REFUSAL_MESSAGES: Record<DocumentRefusal, string> = {
  DOCUMENT_ID_WITH_QUERY: "send a documentId or a query, not both",
  PERSISTED_DOCUMENTS_OFF: "documents by id are not accepted here (GRAPHQL_TRUSTED_DOCUMENTS=off)",
  PERSISTED_DOCUMENT_NOT_FOUND: "no published document has this id",
  TRUSTED_DOCUMENT_REQUIRED: "this caller may run published documents only: send their documentId",
};
