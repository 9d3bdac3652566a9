// A minimal typed client over fetch: send a generated document, get typed data or an error.
// A published document (clients/sdk carries each one's id in `__meta__.hash`) goes by its id, as a
// server with GRAPHQL_TRUSTED_DOCUMENTS=require expects of front ends; any other goes as text.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

export class GraphQLRequestError extends Error {
  constructor(
    readonly status: number,
    readonly errors: readonly { message: string; extensions?: Record<string, unknown> }[],
  ) {
    super(errors.map((e) => `${String(e.extensions?.code ?? status)}: ${e.message}`).join("; ") || `HTTP ${status}`);
  }
}

export interface ClientOptions {
  /** Send published documents by id (default true); false sends every document as text. */
  readonly documentIds?: boolean;
}

export function createClient(url: string, token?: string, options: ClientOptions = {}) {
  return async function request<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables?: TVariables): Promise<TResult> {
    const documentId = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
    const operation = documentId && options.documentIds !== false ? { documentId } : { query: print(document) };
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ ...operation, variables }),
    });
    const body = (await response.json()) as { data?: TResult; errors?: { message: string; extensions?: Record<string, unknown> }[] };
    if (body.errors?.length || !body.data) throw new GraphQLRequestError(response.status, body.errors ?? []);
    return body.data;
  };
}
