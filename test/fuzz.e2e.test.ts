// Random and invalid inputs at every mutation: never a 500, never a stack trace, and nothing
// written when the answer is a userError or a rejected request. Seeded, so a failure replays.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/driver/rows.js";
import { policyWithDiagnosis } from "./support/fixtures.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

function prng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const MUTATIONS: Record<string, { query: string; fields: string[] }> = {
  upsertPolicy: {
    query: "mutation($input: UpsertPolicyInput!) { upsertPolicy(input: $input) { policy { policyNo } userErrors { code field } } }",
    fields: ["policyNo", "status", "effectiveFrom", "effectiveTo", "waitingPeriodEndsOn", "insured", "policyholder", "hasSocialInsurance", "benefits"],
  },
  recordDiagnosis: {
    query: "mutation($input: RecordDiagnosisInput!) { recordDiagnosis(input: $input) { policy { policyNo } userErrors { code field } } }",
    fields: ["policyNo", "category", "firstDiagnosedOn", "icd10", "description"],
  },
  submitCase: {
    query: "mutation($input: SubmitCaseInput!) { submitCase(input: $input) { serviceCase { caseNo } userErrors { code field } } }",
    fields: ["idempotencyKey", "policyNo", "benefit", "applicant", "place", "hospitalId", "plannedAdmissionDate", "usesSocialInsuranceSettlement", "documents", "dryRun"],
  },
  addCaseDocuments: {
    query: "mutation($input: AddCaseDocumentsInput!) { addCaseDocuments(input: $input) { serviceCase { caseNo } userErrors { code field } } }",
    fields: ["caseId", "documents", "expectedVersion"],
  },
  transitionCase: {
    query: "mutation($input: TransitionCaseInput!) { transitionCase(input: $input) { serviceCase { caseNo } userErrors { code field } } }",
    fields: ["caseId", "action", "expectedVersion", "occurredAt", "scheduledFor", "accompanimentHours", "note"],
  },
  createPartner: {
    query: "mutation($input: CreatePartnerInput!) { createPartner(input: $input) { partner { code } userErrors { code field } } }",
    fields: ["code", "name", "services"],
  },
  issueApiKey: {
    query: "mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) { apiKey userErrors { code field } } }",
    fields: ["label", "role", "partnerCode", "policyNos"],
  },
};

const NASTY: unknown[] = [
  null, "", " ", "x".repeat(100_000), "💥🏥\u0000\u202e", "'; drop table policy; --", -1, 0, 2 ** 53, -0.5, 1e308, true, [], {}, [null],
  "2026-02-30", "1899-12-31", "9999-12-31", "2026-03-02T02:00:00Z", "2099-01-01T00:00:00Z", "SUBMITTED", "GREEN_CHANNEL_OUTPATIENT",
  "INSURED", "ACTIVE", "FUZZ-1", "SC2026-0000001", "U0MyMDI2LTAwMDAwMDE", "11010519491231002X", "13800138000", "襄樊",
  [{ kind: "OTHER", reference: "" }], [{ kind: "NOPE", reference: "r" }], { name: "" }, { name: "x", idNumber: "123" },
];

describe("fuzzing every mutation", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("pglite");
    await policyWithDiagnosis(server, "FUZZ-1");
  });
  afterAll(async () => {
    await server?.stop();
  });

  const snapshot = async () =>
    JSON.stringify(
      await queryRows(
        server.database.db,
        sql`select (select count(*) from policy) p, (select count(*) from person) pe, (select count(*) from diagnosis) d, (select count(*) from service_case) c,
                   (select count(*) from case_event) e, (select count(*) from case_document) cd, (select coalesce(sum(used + reserved), 0) from entitlement) q,
                   (select count(*) from partner) pa, (select count(*) from api_key) k`,
      ),
    );

  it.each(Object.keys(MUTATIONS))("%s: 60 random inputs", async (name) => {
    const random = prng(name.length * 7919);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const { query, fields } = MUTATIONS[name]!;
    for (let i = 0; i < 60; i++) {
      const input: Record<string, unknown> = {};
      for (const field of fields) if (random() < 0.8) input[field] = pick(NASTY);
      const before = await snapshot();
      const response = await server.post(JSON.stringify({ query, variables: { input } }), { authorization: `Bearer ${ADMIN_KEY}` });
      const text = JSON.stringify(response.json);
      expect(response.status, text.slice(0, 300)).toBeLessThan(500);
      expect(text).not.toContain("stacktrace");
      expect(text).not.toContain("INTERNAL_SERVER_ERROR");
      const payload = (response.json as { data?: Record<string, { userErrors?: unknown[] } | null> }).data?.[name];
      if (!payload || (payload.userErrors?.length ?? 0) > 0) expect(await snapshot(), `${name} ${JSON.stringify(input).slice(0, 200)}`).toBe(before);
    }
  });
});
