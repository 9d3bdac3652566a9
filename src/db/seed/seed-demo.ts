// Demo policies laid out around "today", one for each situation a front end must render.
// Written only when SEED_DEMO is on and only once (existing policy numbers are left alone).
import { inArray } from "drizzle-orm";
import { STANDARD_BENEFITS, benefitByCode } from "../../rules/catalogue/catalogue.js";
import type { BenefitCode, ServiceCode } from "../../rules/catalogue/codes.js";
import { addDays } from "../../rules/shared/dates.js";
import type { DiagnosisCategory, PolicyStatus } from "../../rules/policy/codes.js";
import { maskPhone } from "../../rules/policy/phone.js";
import { checkDigit, maskResidentId } from "../../rules/policy/resident-id.js";
import type { PiiProtector } from "../../security/pii-protector.js";
import { hashSecret } from "../../security/secrets.js";
import type { Executor } from "../client.js";
import { insertPartner, revokeApiKeysByHash, upsertActiveApiKey } from "../queries/api-keys.js";
import { insertDiagnosis, insertPerson, insertPolicy, syncEntitlements } from "../queries/policy-writes.js";
import { policies } from "../schema/index.js";

interface DemoPolicy {
  readonly policyNo: string;
  readonly story: string;
  readonly name: string;
  readonly birth: string;
  readonly startsInDays: number;
  readonly status?: PolicyStatus;
  readonly hasSocialInsurance?: boolean;
  readonly benefits?: readonly BenefitCode[];
  readonly diagnosis?: { category: DiagnosisCategory; daysAfterStart: number; icd10: string; description: string };
}

/** 90-day waiting period (the waiting period ends on day 90), one-year policies. */
export const DEMO_POLICIES: readonly DemoPolicy[] = [
  {
    policyNo: "DEMO-0001",
    story: "eligible: critical illness diagnosed after the waiting period",
    name: "演示甲",
    birth: "19800312",
    startsInDays: -200,
    diagnosis: { category: "CRITICAL_ILLNESS", daysAfterStart: 150, icd10: "I21.9", description: "急性心肌梗死（演示）" },
  },
  {
    policyNo: "DEMO-0002",
    story: "in the waiting period: only the family doctor is open",
    name: "演示乙",
    birth: "19920704",
    startsInDays: -20,
  },
  {
    policyNo: "DEMO-0003",
    story: "malignant tumour with the Japan benefit listed",
    name: "演示丙",
    birth: "19751120",
    startsInDays: -300,
    benefits: [...STANDARD_BENEFITS, "JAPAN_TREATMENT"],
    diagnosis: { category: "MALIGNANT_TUMOR", daysAfterStart: 120, icd10: "C34.1", description: "肺恶性肿瘤（演示）" },
  },
  {
    policyNo: "DEMO-0004",
    story: "lapsed policy",
    name: "演示丁",
    birth: "19880101",
    startsInDays: -150,
    status: "LAPSED",
  },
  {
    policyNo: "DEMO-0005",
    story: "diagnosed in the waiting period: not covered",
    name: "演示戊",
    birth: "19690918",
    startsInDays: -120,
    diagnosis: { category: "CRITICAL_ILLNESS", daysAfterStart: 30, icd10: "I63.9", description: "脑梗死（演示）" },
  },
  {
    policyNo: "DEMO-0006",
    story: "starts in ten days: eligibleFrom says when",
    name: "演示己",
    birth: "20010505",
    startsInDays: 10,
    hasSocialInsurance: false,
  },
];

function demoIdNumber(birth: string, index: number): string {
  const first17 = `110105${birth}${String(100 + index * 7).padStart(3, "0")}`;
  return `${first17}${checkDigit(first17)}`;
}

/** The demo partner: contracted for the services the partner examples use. */
export const DEMO_PARTNER = {
  code: "DEMO-TPA",
  name: "演示服务商（demo）",
  services: ["GREEN_CHANNEL", "INPATIENT_ADVANCE", "SECOND_OPINION"] as ServiceCode[],
} as const;

export interface DemoKey {
  readonly key: string;
  readonly role: "INSURED" | "PARTNER" | "ANALYST" | "OPERATOR" | "ADMIN";
  readonly label: string;
  /** What the key may do, for the start-up line and the README. */
  readonly may: string;
  readonly partnerCode?: string;
  readonly policyNos?: readonly string[];
}

/**
 * Public keys, one per role the GraphiQL examples use. They exist only where demo data is loaded
 * (never in production: the configuration refuses SEED_DEMO there), and say so in their names.
 */
export const DEMO_KEYS: readonly DemoKey[] = [
  { key: "demo-insured-key-0001", role: "INSURED", label: "demo insured (DEMO-0001, DEMO-0003)", may: "read DEMO-0001 and DEMO-0003, their entitlements and cases", policyNos: ["DEMO-0001", "DEMO-0003"] },
  { key: "demo-partner-key-0001", role: "PARTNER", label: "demo partner DEMO-TPA", may: `submit and move cases of ${DEMO_PARTNER.services.join(", ")} as partner ${DEMO_PARTNER.code}`, partnerCode: DEMO_PARTNER.code },
  { key: "demo-analyst-key-0001", role: "ANALYST", label: "demo analyst", may: "catalogue, networks and caseMetrics; no people, policies or cases" },
  { key: "demo-operator-key-0001", role: "OPERATOR", label: "demo operator", may: "everything but partners, keys and webhooks: policies, diagnoses, cases" },
  { key: "demo-admin-key-0001", role: "ADMIN", label: "demo admin", may: "everything, including partners, keys and webhooks" },
];

/**
 * With demo data off, the public demo keys a database may hold from an earlier start with it on
 * are revoked: a key anyone can read never opens a database that is not a demo.
 */
export async function revokeDemoKeys(executor: Executor): Promise<number> {
  return revokeApiKeysByHash(executor, DEMO_KEYS.map((k) => hashSecret(k.key)));
}

/** A public demo key for the insured of DEMO-0001 and DEMO-0003; it exists only with SEED_DEMO on. */
export const DEMO_INSURED_KEY = DEMO_KEYS[0]!.key;

export async function seedDemo(executor: Executor, today: string, pii: PiiProtector): Promise<number> {
  const existing = await executor
    .select({ policyNo: policies.policyNo })
    .from(policies)
    .where(inArray(policies.policyNo, DEMO_POLICIES.map((p) => p.policyNo)));
  const have = new Set(existing.map((e) => e.policyNo));
  let written = 0;
  for (const [index, demo] of DEMO_POLICIES.entries()) {
    if (have.has(demo.policyNo)) continue;
    const idNumber = demoIdNumber(demo.birth, index);
    const phone = `1380013${String(1000 + index).slice(-4)}`;
    const personId = await insertPerson(executor, {
      name: demo.name,
      birthDate: `${demo.birth.slice(0, 4)}-${demo.birth.slice(4, 6)}-${demo.birth.slice(6, 8)}`,
      idNumberCipher: pii.encrypt(idNumber),
      idNumberHash: pii.hash(idNumber),
      idNumberMasked: maskResidentId(idNumber),
      phoneCipher: pii.encrypt(phone),
      phoneHash: pii.hash(phone),
      phoneMasked: maskPhone(phone),
    });
    const effectiveFrom = addDays(today, demo.startsInDays);
    const policy = await insertPolicy(executor, {
      policyNo: demo.policyNo,
      status: demo.status ?? "ACTIVE",
      effectiveFrom,
      effectiveTo: addDays(addDays(effectiveFrom, 365), -1),
      waitingPeriodEndsOn: addDays(effectiveFrom, 89),
      insuredId: personId,
      policyholderId: personId,
      hasSocialInsurance: demo.hasSocialInsurance ?? true,
    });
    await syncEntitlements(
      executor,
      policy.id,
      (demo.benefits ?? STANDARD_BENEFITS).map((code) => ({ benefitCode: code, quotaTotal: benefitByCode(code).benefit.quota })),
    );
    if (demo.diagnosis) {
      await insertDiagnosis(executor, {
        policyId: policy.id,
        category: demo.diagnosis.category,
        firstDiagnosedOn: addDays(effectiveFrom, demo.diagnosis.daysAfterStart),
        icd10: demo.diagnosis.icd10,
        description: demo.diagnosis.description,
      });
    }
    written++;
  }
  await insertPartner(executor, { code: DEMO_PARTNER.code, name: DEMO_PARTNER.name, services: [...DEMO_PARTNER.services] });
  for (const demoKey of DEMO_KEYS) {
    await upsertActiveApiKey(executor, {
      label: demoKey.label,
      role: demoKey.role,
      secretHash: hashSecret(demoKey.key),
      partnerCode: demoKey.partnerCode ?? null,
      policyNos: [...(demoKey.policyNos ?? [])],
    });
  }
  return written;
}
