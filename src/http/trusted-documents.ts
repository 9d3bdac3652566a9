// The published (trusted) documents: clients/sdk/persisted-documents.json, written by the codegen
// client preset from clients/operations (id "sha256:<hex of the text>" → text). Each is parsed and
// validated against the schema once, when the server starts: a store the schema no longer accepts
// stops the start-up instead of failing clients later.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { parse, validate, type GraphQLSchema } from "graphql";

export interface TrustedDocuments {
  /** The text of a published document, by its id. */
  byId(documentId: string): string | undefined;
  /** Whether this text is a published document word for word. */
  isPublished(text: string): boolean;
  readonly size: number;
}

export const DEFAULT_TRUSTED_DOCUMENTS_FILE = new URL("../../clients/sdk/persisted-documents.json", import.meta.url);

export function loadTrustedDocuments(schema: GraphQLSchema, file: string | URL = DEFAULT_TRUSTED_DOCUMENTS_FILE): TrustedDocuments {
  const entries = Object.entries(JSON.parse(readFileSync(file, "utf8")) as Record<string, string>);
  const documents = new Map<string, string>();
  for (const [id, text] of entries) {
    if (id !== documentIdOf(text)) throw new Error(`trusted document ${id}: its id is not the sha256 of its text`);
    const errors = validate(schema, parse(text));
    if (errors.length > 0) throw new Error(`trusted document ${id} does not validate: ${errors[0]!.message}`);
    documents.set(id, text);
  }
  return {
    byId: (documentId) => documents.get(documentId),
    isPublished: (text) => documents.has(documentIdOf(text)),
    size: documents.size,
  };
}

export function documentIdOf(text: string): string {
  return `sha256:${createHash("sha256").update(text).digest("hex")}`;
}
