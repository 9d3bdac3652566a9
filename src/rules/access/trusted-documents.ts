// Which operations a caller may send (GRAPHQL_TRUSTED_DOCUMENTS): the first-party clients'
// published documents by id, or ad-hoc text. `require`: front ends (anonymous, INSURED and
// OPERATOR callers) run only published documents; partners, BI tools and administrators may keep
// ad-hoc queries within the cost limits.
import type { Role } from "./roles.js";

export const TRUSTED_DOCUMENT_MODES = ["off", "allow", "require"] as const;
export type TrustedDocumentMode = (typeof TRUSTED_DOCUMENT_MODES)[number];

const AD_HOC_ROLES: readonly Role[] = ["PARTNER", "ANALYST", "ADMIN"];

export interface DocumentRequest {
  /** A published document's id ("sha256:<hex>") sent in place of the text. */
  readonly documentId: string | null;
  /** Whether the request carries query text. */
  readonly hasText: boolean;
  /** The id names a published document, or the text is one of them word for word. */
  readonly published: boolean;
}

export type DocumentDecision =
  | { readonly kind: "RUN_PUBLISHED" }
  | { readonly kind: "RUN_TEXT" }
  | { readonly kind: "REFUSED"; readonly code: DocumentRefusal };

export type DocumentRefusal = "DOCUMENT_ID_WITH_QUERY" | "PERSISTED_DOCUMENTS_OFF" | "PERSISTED_DOCUMENT_NOT_FOUND" | "TRUSTED_DOCUMENT_REQUIRED";

export function decideDocument(mode: TrustedDocumentMode, role: Role | null, request: DocumentRequest): DocumentDecision {
  if (request.documentId !== null) {
    if (request.hasText) return { kind: "REFUSED", code: "DOCUMENT_ID_WITH_QUERY" };
    if (mode === "off") return { kind: "REFUSED", code: "PERSISTED_DOCUMENTS_OFF" };
    return request.published ? { kind: "RUN_PUBLISHED" } : { kind: "REFUSED", code: "PERSISTED_DOCUMENT_NOT_FOUND" };
  }
  if (mode !== "require" || request.published || (role !== null && AD_HOC_ROLES.includes(role))) return { kind: "RUN_TEXT" };
  return { kind: "REFUSED", code: "TRUSTED_DOCUMENT_REQUIRED" };
}
