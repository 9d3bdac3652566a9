import { describe, expect, it } from "vitest";
import { decideDocument, type DocumentRequest, type TrustedDocumentMode } from "./trusted-documents.js";
import type { Role } from "./roles.js";

const byId = (published: boolean): DocumentRequest => ({ documentId: "sha256:ab", hasText: false, published });
const text = (published: boolean): DocumentRequest => ({ documentId: null, hasText: true, published });
const both: DocumentRequest = { documentId: "sha256:ab", hasText: true, published: true };

describe("trusted documents", () => {
  it.each([
    // name, mode, role, request, decision
    ["published id, allow", "allow", "INSURED", byId(true), "RUN_PUBLISHED"],
    ["published id, require", "require", null, byId(true), "RUN_PUBLISHED"],
    ["unknown id", "allow", "ADMIN", byId(false), "PERSISTED_DOCUMENT_NOT_FOUND"],
    ["unknown id, require", "require", "PARTNER", byId(false), "PERSISTED_DOCUMENT_NOT_FOUND"],
    ["id while off", "off", "ADMIN", byId(true), "PERSISTED_DOCUMENTS_OFF"],
    ["id and text together", "allow", "ADMIN", both, "DOCUMENT_ID_WITH_QUERY"],
    ["ad-hoc text, off", "off", null, text(false), "RUN_TEXT"],
    ["ad-hoc text, allow", "allow", "INSURED", text(false), "RUN_TEXT"],
    ["ad-hoc text, require, anonymous", "require", null, text(false), "TRUSTED_DOCUMENT_REQUIRED"],
    ["ad-hoc text, require, insured", "require", "INSURED", text(false), "TRUSTED_DOCUMENT_REQUIRED"],
    ["ad-hoc text, require, operator (console)", "require", "OPERATOR", text(false), "TRUSTED_DOCUMENT_REQUIRED"],
    ["ad-hoc text, require, partner", "require", "PARTNER", text(false), "RUN_TEXT"],
    ["ad-hoc text, require, analyst (BI)", "require", "ANALYST", text(false), "RUN_TEXT"],
    ["ad-hoc text, require, admin", "require", "ADMIN", text(false), "RUN_TEXT"],
    ["published text word for word, require, insured", "require", "INSURED", text(true), "RUN_TEXT"],
  ] as const)("%s", (_name, mode, role, request, expected) => {
    const decision = decideDocument(mode as TrustedDocumentMode, role as Role | null, request);
    expect(decision.kind === "REFUSED" ? decision.code : decision.kind).toBe(expected);
  });
});
