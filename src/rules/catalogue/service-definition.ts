// The shape of the service catalogue: what the handbook says of each service, as plain data.
import type { LocalizedText } from "../shared/localized-text.js";
import type { CaseMilestone } from "../case-workflow/codes.js";
import type { BenefitCode, DocumentKind, ServiceCode } from "./codes.js";

/** Where a service may be used (handbook 服务覆盖网络). */
export type NetworkKind =
  | "ONLINE" // family doctor: 7×24 online, no place
  | "CITY_LIST" // green channel, advance payment, gene test: listed cities
  | "NATIONWIDE" // second opinion: experts of 3A hospitals anywhere in the mainland
  | "HOSPITAL_LIST"; // MDT and Japan: named hospitals

/** The diagnosis a benefit requires (handbook 服务条件). */
export type RequiredDiagnosis = "NONE" | "CRITICAL_ILLNESS" | "MALIGNANT_TUMOR";

/** Why a clock is not running (handbook: the conditions its sentence names). */
export const SLA_PAUSE_REASONS = [
  "DOCUMENTS_INCOMPLETE", // 服务时效自收到完整资料开始计算
  "LIABILITY_REVIEW", // ADVANCE.提示.1: the service only once liability is determined
  "INVESTIGATION", // 住院垫付 服务流程 4: 如需查勘
  "AWAITING_HOSPITAL_ACCEPTANCE", // 赴日就医 服务标准 3: 符合医院接收条件
  "AWAITING_VISA", // 赴日就医 服务标准 3: 医疗签证顺利签署
] as const;
export type SlaPauseReason = (typeof SLA_PAUSE_REASONS)[number];

/** The clock stops from milestone `from` until the first of `until` is reached. */
export interface SlaPause {
  readonly reason: Exclude<SlaPauseReason, "DOCUMENTS_INCOMPLETE">;
  readonly from: CaseMilestone;
  readonly until: readonly CaseMilestone[];
}

export interface BenefitDefinition {
  readonly code: BenefitCode;
  readonly name: LocalizedText;
  /** Times per policy; null when unlimited. */
  readonly quota: number | null;
  /** On the product's standard set; false when the policy must list it (JAPAN_TREATMENT). */
  readonly standard: boolean;
  readonly requiredDiagnosis: RequiredDiagnosis;
  /** Documents that must be on a case before its SLA clocks can start. */
  readonly requiredDocuments: readonly DocumentKind[];
}

export interface StepDefinition {
  readonly order: number;
  readonly name: LocalizedText;
  readonly description: LocalizedText;
}

export interface SlaDefinition {
  /** Stable machine name, e.g. APPOINTMENT_ARRANGED. */
  readonly milestone: string;
  /** The benefits the clock applies to; all of the service's benefits when omitted. */
  readonly benefits?: readonly BenefitCode[];
  /** The milestone that starts it (never before the documents are complete). */
  readonly startsAt: CaseMilestone;
  /** The milestones that meet it (the first reached). */
  readonly metBy: readonly CaseMilestone[];
  /** The clock exists only once this milestone is reached (an investigation's clock). */
  readonly appliesWhen?: CaseMilestone;
  readonly pausedWhile?: readonly SlaPause[];
  readonly startsWhen: LocalizedText;
  /** Working days allowed (the lower bound of a range such as 10–15). */
  readonly workingDays: number;
  /** The upper bound when the handbook gives a range (10–15 → 15). */
  readonly upToWorkingDays?: number;
  /** The handbook's words it comes from, looked up from its clause (src/rules/handbook/clauses.ts), and the clause ids (docs/handbook-trace.md). */
  readonly source: string;
  readonly clause: string;
}

export interface ServiceDefinition {
  readonly code: ServiceCode;
  readonly name: LocalizedText;
  readonly description: LocalizedText;
  readonly network: NetworkKind;
  /** A hospital-list service held in named mainland cities (GB/T 2260 codes), and what travelling there costs the insured; none: held at the listed hospitals themselves. */
  readonly heldIn?: { readonly cityCodes: readonly string[]; readonly travel: LocalizedText };
  readonly benefits: readonly BenefitDefinition[];
  readonly steps: readonly StepDefinition[];
  readonly slas: readonly SlaDefinition[];
  /** Documents the handbook asks for when applying (服务条件 / 服务流程), as DocumentKind. */
  readonly requiredDocuments: readonly DocumentKind[];
  /** The handbook's 温馨提示, in order. */
  readonly notes: readonly LocalizedText[];
}
