import { describe, expect, it } from "vitest";
import { MAX_DOCUMENTS_PER_CASE } from "../shared/list-bounds.js";
import { decideAddedDocuments, type AddedDocumentsFacts } from "./decide-added-documents.js";
import { workflowOf } from "./decide-transition.js";

const now = new Date("2026-03-02T02:00:00Z");
const earlier = new Date("2026-03-01T02:00:00Z");
// GREEN_CHANNEL.标准.2.4: the admission notice with the records; a case opened without it waits for it.
const base: AddedDocumentsFacts = {
  case: { benefit: "GREEN_CHANNEL_INPATIENT_OR_SURGERY", stage: "AWAITING_DOCUMENTS", status: "AWAITING_DOCUMENTS", version: 3, careKind: "INPATIENT", documentsCompletedAt: null },
  workflow: workflowOf("GREEN_CHANNEL"),
  expectedVersion: 3,
  onCase: [{ kind: "OUTPATIENT_RECORD", receivedAt: earlier }],
  sent: [{ kind: "ADMISSION_NOTICE", reference: " dms://notice-1 ", receivedAt: null }],
  hasMalignantTumor: false,
  now,
};

describe("decideAddedDocuments", () => {
  it.each<[string, Partial<AddedDocumentsFacts>, string]>([
    ["the last document needed completes the case: it waits for review from now", {}, "DOCUMENTS_COMPLETED SUBMITTED 2026-03-02T02:00:00.000Z"],
    ["the wrong notice for the care kind asked leaves it waiting", { sent: [{ kind: "SURGERY_NOTICE", reference: "n", receivedAt: null }] }, "ADD_DOCUMENTS AWAITING_DOCUMENTS null"],
    ["a document received earlier dates the completion", { sent: [{ kind: "ADMISSION_NOTICE", reference: "n", receivedAt: earlier }] }, "DOCUMENTS_COMPLETED SUBMITTED 2026-03-01T02:00:00.000Z"],
    ["no expected version: not checked", { expectedVersion: null }, "DOCUMENTS_COMPLETED SUBMITTED 2026-03-02T02:00:00.000Z"],
  ])("%s", (_, change, expected) => {
    const d = decideAddedDocuments({ ...base, ...change });
    expect(d.ok && `${d.event.action} ${d.stage} ${d.documentsCompletedAt?.toISOString() ?? null}`).toBe(expected);
  });

  it("writes the documents sent, trimmed, received now unless said, and notes what is still missing", () => {
    const d = decideAddedDocuments({ ...base, sent: [{ kind: "BLOOD_TEST", reference: " r ", receivedAt: null }] });
    expect(d.ok && d.documents).toEqual([{ kind: "BLOOD_TEST", reference: "r", receivedAt: now }]);
    expect(d.ok && d.event).toEqual({ action: "ADD_DOCUMENTS", fromStatus: "AWAITING_DOCUMENTS", toStatus: "AWAITING_DOCUMENTS", note: "BLOOD_TEST; missing: ADMISSION_NOTICE" });
  });

  it.each<[string, Partial<AddedDocumentsFacts>, string]>([
    ["a stale version", { expectedVersion: 2 }, "STALE_VERSION"],
    ["a closed case", { case: { ...base.case, stage: "CANCELLED", status: "CANCELLED" } }, "CASE_CLOSED"],
    ["past the documents a case may hold", { onCase: Array.from({ length: MAX_DOCUMENTS_PER_CASE }, () => ({ kind: "OTHER" as const, receivedAt: earlier })) }, "TOO_MANY_DOCUMENTS"],
  ])("refuses %s and writes nothing", (_, change, code) => {
    const d = decideAddedDocuments({ ...base, ...change });
    expect(!d.ok && d.problems.map((p) => p.code)).toEqual([code]);
  });
});
