import { describe, expect, it } from "vitest";
import { caseEventWebhook, eventOfWireType, WEBHOOK_EVENTS, wireType, type LoggedCaseEvent, type WebhookEvent } from "./event-types.js";

describe("caseEventWebhook", () => {
  it.each<[LoggedCaseEvent, WebhookEvent]>([
    [{ action: "SUBMIT", fromStatus: null, toStatus: "SUBMITTED" }, "CASE_SUBMITTED"],
    [{ action: "SUBMIT", fromStatus: null, toStatus: "AWAITING_DOCUMENTS" }, "CASE_SUBMITTED"],
    [{ action: "ADD_DOCUMENTS", fromStatus: "AWAITING_DOCUMENTS", toStatus: "AWAITING_DOCUMENTS" }, "CASE_DOCUMENTS_ADDED"],
    // Documents that complete the set move the case on, and still raise the documents event.
    [{ action: "DOCUMENTS_COMPLETED", fromStatus: "AWAITING_DOCUMENTS", toStatus: "SUBMITTED" }, "CASE_DOCUMENTS_ADDED"],
    [{ action: "START_REVIEW", fromStatus: "SUBMITTED", toStatus: "UNDER_REVIEW" }, "CASE_STATUS_CHANGED"],
    [{ action: "APPROVE", fromStatus: "UNDER_REVIEW", toStatus: "APPROVED" }, "CASE_STATUS_CHANGED"],
    [{ action: "CANCEL", fromStatus: "SUBMITTED", toStatus: "CANCELLED" }, "CASE_STATUS_CHANGED"],
    [{ action: "RECORD_ACCOMPANIMENT", fromStatus: "IN_PROGRESS", toStatus: "IN_PROGRESS" }, "CASE_UPDATED"],
  ])("%o raises %s", (event, expected) => {
    expect(caseEventWebhook(event)).toBe(expected);
  });

  it("raises no SLA event: those come from the clock sweep", () => {
    const raised = new Set(
      (["SUBMIT", "ADD_DOCUMENTS", "APPROVE", "RECORD_ACCOMPANIMENT"] as const).flatMap((action) =>
        [caseEventWebhook({ action, fromStatus: "SUBMITTED", toStatus: "SUBMITTED" }), caseEventWebhook({ action, fromStatus: "SUBMITTED", toStatus: "APPROVED" })],
      ),
    );
    expect([...raised].filter((e) => e.startsWith("CASE_SLA"))).toEqual([]);
  });
});

describe("wire types", () => {
  it("go both ways for every event", () => {
    for (const event of WEBHOOK_EVENTS) expect(eventOfWireType(wireType(event))).toBe(event);
    expect(wireType("CASE_SLA_DUE_SOON")).toBe("case.sla_due_soon");
    expect(eventOfWireType("case.unknown")).toBeNull();
  });
});
