// Issue #28, rows 5 and 6: a partner reads and moves only the cases in its own hands, and a dry run
// tells it whether it may submit without the diagnosis facts behind the answer. Over HTTP, as a
// second partner of the same service would try it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreatePartnerDocument, IssueApiKeyDocument, RecordDiagnosisDocument, UpsertPolicyDocument } from "./generated/graphql.js";
import { testTargets } from "./support/databases.js";
import { idNumber, policyWithDiagnosis } from "./support/fixtures.js";
import { ADMIN_KEY, startTestServer, type TestServer } from "./support/test-server.js";

describe.each(testTargets())("partners kept to their own cases and facts (%s)", (kind) => {
  let server: TestServer;
  const keys: Record<string, string> = {};
  let caseNo = "";
  let caseId = "";

  const gql = async (token: string, query: string, variables: Record<string, unknown> = {}) => {
    const answer = await server.post(JSON.stringify({ query, variables }), { authorization: `Bearer ${token}` });
    return answer.json as { data?: Record<string, any> | null; errors?: { message: string; extensions?: { code?: string } }[] };
  };
  const SUBMIT = `mutation ($input: SubmitCaseInput!) { submitCase(input: $input) {
    serviceCase { id caseNo partner { code } }
    eligibility { eligible eligibleFrom reasons { code date message { en } } warnings { code } }
    userErrors { code field message { zh en } } } }`;

  beforeAll(async () => {
    server = await startTestServer(kind);
    const admin = { token: ADMIN_KEY };
    await policyWithDiagnosis(server, "PS-1");
    // a policy the partners have no case on, its illness first diagnosed inside the waiting period
    const upsert = await server.request(
      UpsertPolicyDocument,
      {
        input: {
          policyNo: "PS-2",
          status: "ACTIVE",
          effectiveFrom: "2025-07-01",
          effectiveTo: "2026-06-30",
          waitingPeriodEndsOn: "2025-09-28",
          hasSocialInsurance: true,
          insured: { name: "等待期", idNumber: idNumber("19800102") },
        },
      },
      admin,
    );
    expect(upsert.data?.upsertPolicy.userErrors).toEqual([]);
    await server.request(RecordDiagnosisDocument, { input: { policyNo: "PS-2", category: "MALIGNANT_TUMOR", firstDiagnosedOn: "2025-08-03" } }, admin);
    for (const code of ["TPA-A", "TPA-B"]) {
      await server.request(CreatePartnerDocument, { input: { code, name: `服务商 ${code}`, services: ["GREEN_CHANNEL"] } }, admin);
      const issued = await server.request(IssueApiKeyDocument, { input: { label: code, role: "PARTNER", partnerCode: code } }, admin);
      keys[code] = issued.data!.issueApiKey.apiKey!;
    }
    const operator = await server.request(IssueApiKeyDocument, { input: { label: "operator", role: "OPERATOR" } }, admin);
    keys.OPERATOR = operator.data!.issueApiKey.apiKey!;
    const submitted = await gql(keys["TPA-A"]!, SUBMIT, { input: { idempotencyKey: "ps-a-1", policyNo: "PS-1", benefit: "GREEN_CHANNEL_OUTPATIENT", applicant: "INSURED", place: "上海" } });
    expect(submitted.data?.submitCase.userErrors).toEqual([]);
    caseNo = submitted.data!.submitCase.serviceCase.caseNo;
    caseId = submitted.data!.submitCase.serviceCase.id;
    // the answer names the partner that holds the case
    expect(submitted.data!.submitCase.serviceCase.partner).toEqual({ code: "TPA-A" });
    // a case of the same service, submitted by operations: in no partner's hands
    const byOperator = await gql(keys.OPERATOR!, SUBMIT, { input: { idempotencyKey: "ps-op-1", policyNo: "PS-1", benefit: "GREEN_CHANNEL_INPATIENT_OR_SURGERY", applicant: "INSURED", place: "上海", careKind: "INPATIENT" } });
    expect(byOperator.data?.submitCase.userErrors ?? byOperator.errors, JSON.stringify(byOperator)).toEqual([]);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("row 6: the other partner of the service can neither read, add to nor move the case", async () => {
    const read = await gql(keys["TPA-B"]!, `query ($no: String!) { serviceCase(caseNo: $no) { caseNo } }`, { no: caseNo });
    expect(read.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const byNode = await gql(keys["TPA-B"]!, `query ($id: ID!) { node(id: $id) { id } }`, { id: caseId });
    expect(byNode.data?.node ?? null).toBeNull();
    const listed = await gql(keys["TPA-B"]!, `{ serviceCases(first: 50) { edges { node { caseNo } } totalCount } }`);
    expect(listed.data?.serviceCases.edges).toEqual([]);
    expect(listed.data?.serviceCases.totalCount).toBe(0);
    const added = await gql(keys["TPA-B"]!, `mutation ($input: AddCaseDocumentsInput!) { addCaseDocuments(input: $input) { serviceCase { caseNo } userErrors { code } } }`, {
      input: { caseId, documents: [{ kind: "ADMISSION_NOTICE", reference: "b-1" }] },
    });
    expect(added.data?.addCaseDocuments?.serviceCase ?? null).toBeNull();
    expect(added.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const moved = await gql(keys["TPA-B"]!, `mutation ($input: TransitionCaseInput!) { transitionCase(input: $input) { serviceCase { status } userErrors { code } } }`, {
      input: { caseId, action: "CANCEL", expectedVersion: 1 },
    });
    expect(moved.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    // the case is as the first partner left it
    const own = await gql(keys["TPA-A"]!, `query ($no: String!) { serviceCase(caseNo: $no) { caseNo status partner { code name services } documents { reference } } }`, { no: caseNo });
    expect(own.data?.serviceCase).toMatchObject({ caseNo, partner: { code: "TPA-A", name: "服务商 TPA-A", services: ["GREEN_CHANNEL"] }, documents: [] });
    expect(own.data?.serviceCase.status).not.toBe("CANCELLED");
  });

  it("row 6: a partner lists only its own cases, also through the policy its case reaches", async () => {
    const listed = await gql(keys["TPA-A"]!, `{ serviceCases(first: 50) { edges { node { caseNo partner { code } policy { cases(first: 10) { totalCount edges { node { caseNo } } } } } } } }`);
    const edges = listed.data?.serviceCases.edges;
    expect(edges.map((e: any) => e.node.caseNo)).toEqual([caseNo]);
    expect(edges[0].node.partner).toEqual({ code: "TPA-A" });
    // the operator's case of the same service on the same policy is not shown
    expect(edges[0].node.policy.cases.edges.map((e: any) => e.node.caseNo)).toEqual([caseNo]);
    expect(edges[0].node.policy.cases.totalCount).toBe(1);
    const operator = await gql(keys.OPERATOR!, `{ serviceCases(first: 50) { edges { node { caseNo partner { code } } } } }`);
    expect(operator.data?.serviceCases.edges).toHaveLength(2);
  });

  it("row 5: a partner's dry run tells no diagnosis facts of a policy it has no case on", async () => {
    const input = { idempotencyKey: "ps-b-dry", policyNo: "PS-2", benefit: "GREEN_CHANNEL_OUTPATIENT", applicant: "INSURED", place: "上海", dryRun: true };
    const partner = await gql(keys["TPA-B"]!, SUBMIT, { input });
    const text = JSON.stringify(partner);
    expect(partner.data?.submitCase.serviceCase).toBeNull();
    expect(partner.data?.submitCase.eligibility?.eligible).toBe(false);
    expect(partner.data?.submitCase.userErrors.map((e: any) => e.code)).toEqual(["INSURER_MUST_DECIDE"]);
    for (const fact of ["DIAGNOSED_IN_WAITING_PERIOD", "NOT_MALIGNANT_TUMOR", "NO_COVERED_DIAGNOSIS", "PATHOLOGY", "2025-08-03", "malignant", "diagnosed", "恶性", "确诊"]) {
      expect(text).not.toContain(fact);
    }
    // operations are told the reason in full
    const operator = await gql(keys.OPERATOR!, SUBMIT, { input: { ...input, idempotencyKey: "ps-op-dry" } });
    expect(operator.data?.submitCase.userErrors.map((e: any) => e.code)).toContain("DIAGNOSED_IN_WAITING_PERIOD");
    expect(JSON.stringify(operator)).toContain("2025-08-03");
  });

  it("row 6: an operator hands the case to the other partner, which then reads and moves it while the first no longer does", async () => {
    const ASSIGN = `mutation ($input: AssignCaseInput!) { assignCaseToPartner(input: $input) { serviceCase { caseNo version partner { code } events { action actor note } } userErrors { code field } } }`;
    const version = (await gql(keys.OPERATOR!, `query ($no: String!) { serviceCase(caseNo: $no) { version } }`, { no: caseNo })).data!.serviceCase.version as number;
    // partners may not hand cases around, and the new holder must be contracted for the service
    const byPartner = await gql(keys["TPA-A"]!, ASSIGN, { input: { caseId, partnerCode: "TPA-B", expectedVersion: version } });
    expect(byPartner.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    await server.request(CreatePartnerDocument, { input: { code: "TPA-GENE", name: "基因检测", services: ["GENE_TEST"] } }, { token: ADMIN_KEY });
    for (const [partnerCode, code] of [["TPA-NONE", "UNKNOWN_PARTNER"], ["TPA-GENE", "PARTNER_NOT_FOR_SERVICE"]] as const) {
      const refused = await gql(keys.OPERATOR!, ASSIGN, { input: { caseId, partnerCode, expectedVersion: version } });
      expect(refused.data?.assignCaseToPartner.userErrors).toEqual([{ code, field: ["input", "partnerCode"] }]);
    }
    const stale = await gql(keys.OPERATOR!, ASSIGN, { input: { caseId, partnerCode: "TPA-B", expectedVersion: version - 1 } });
    expect(stale.data?.assignCaseToPartner.userErrors.map((e: any) => e.code)).toEqual(["STALE_VERSION"]);

    const assigned = await gql(keys.OPERATOR!, ASSIGN, { input: { caseId, partnerCode: "TPA-B", expectedVersion: version } });
    expect(assigned.data?.assignCaseToPartner.userErrors).toEqual([]);
    expect(assigned.data?.assignCaseToPartner.serviceCase).toMatchObject({ version: version + 1, partner: { code: "TPA-B" } });
    expect(assigned.data?.assignCaseToPartner.serviceCase.events.at(-1)).toMatchObject({ action: "ASSIGN_PARTNER", note: "partner: TPA-A → TPA-B" });

    const first = await gql(keys["TPA-A"]!, `query ($no: String!) { serviceCase(caseNo: $no) { caseNo } }`, { no: caseNo });
    expect(first.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const moved = await gql(keys["TPA-B"]!, `mutation ($input: TransitionCaseInput!) { transitionCase(input: $input) { serviceCase { status partner { code } } userErrors { code } } }`, {
      input: { caseId, action: "CANCEL", expectedVersion: version + 1 },
    });
    expect(moved.data?.transitionCase).toMatchObject({ userErrors: [], serviceCase: { status: "CANCELLED", partner: { code: "TPA-B" } } });
  });
});
