// Policies the case tests stand on, loaded through the graph like operations would.
import { checkDigit } from "../../src/rules/policy/resident-id.js";
import { RecordDiagnosisDocument, UpsertPolicyDocument, type BenefitCode, type DiagnosisCategory, type UpsertPolicyInput } from "../generated/graphql.js";
import { ADMIN_KEY, type TestServer } from "./test-server.js";

export const idNumber = (birth: string, seq = "123") => `310104${birth}${seq}${checkDigit(`310104${birth}${seq}`)}`;

/** A valid upsertPolicy input (and policy feed record): in force 2025-07-01 – 2026-06-30, waiting period to 2025-09-28. */
export function policyInput(policyNo: string, overrides: Partial<UpsertPolicyInput> = {}): UpsertPolicyInput {
  return {
    policyNo,
    status: "ACTIVE",
    effectiveFrom: "2025-07-01",
    effectiveTo: "2026-06-30",
    waitingPeriodEndsOn: "2025-09-28",
    hasSocialInsurance: true,
    insured: { name: "测试甲", idNumber: idNumber("19850615"), phone: "+86 139 0000 1234" },
    ...overrides,
  };
}

/** An in-force policy (2025-07-01 – 2026-06-30, waiting period to 2025-09-28) with a diagnosis after it. */
export async function policyWithDiagnosis(
  server: TestServer,
  policyNo: string,
  category: DiagnosisCategory = "CRITICAL_ILLNESS",
  options: { benefits?: BenefitCode[]; hasSocialInsurance?: boolean; insured?: { name: string; idNumber: string; phone?: string } } = {},
): Promise<void> {
  const admin = { token: ADMIN_KEY };
  const upsert = await server.request(
    UpsertPolicyDocument,
    {
      input: {
        policyNo,
        status: "ACTIVE",
        effectiveFrom: "2025-07-01",
        effectiveTo: "2026-06-30",
        waitingPeriodEndsOn: "2025-09-28",
        hasSocialInsurance: options.hasSocialInsurance ?? true,
        insured: options.insured ?? { name: "案件测试", idNumber: idNumber("19800101") },
        benefits: options.benefits,
      },
    },
    admin,
  );
  if (upsert.data?.upsertPolicy.userErrors.length) throw new Error(JSON.stringify(upsert.data.upsertPolicy.userErrors));
  await server.request(RecordDiagnosisDocument, { input: { policyNo, category, firstDiagnosedOn: "2025-12-01" } }, admin);
}
