// The shape of the service catalogue: what the handbook says of each service, as plain data.
import type { LocalizedText } from "../shared/localized-text.js";
import type { BenefitCode, DocumentKind, ServiceCode } from "./codes.js";

/** Where a service may be used (handbook 服务覆盖网络). */
export type NetworkKind =
  | "ONLINE" // family doctor: 7×24 online, no place
  | "CITY_LIST" // green channel, advance payment, gene test: listed cities
  | "NATIONWIDE" // second opinion: experts of 3A hospitals anywhere in the mainland
  | "HOSPITAL_LIST"; // MDT and Japan: named hospitals

/** The diagnosis a benefit requires (handbook 服务条件). */
export type RequiredDiagnosis = "NONE" | "CRITICAL_ILLNESS" | "MALIGNANT_TUMOR";

/** The event in a case that starts an SLA clock (handbook 服务标准 / 服务时效). */
export type SlaStart =
  | "DOCUMENTS_COMPLETE" // complete documents received
  | "APPROVED" // review passed (and, for inpatient/surgery, the admission or surgery notice issued)
  | "SAMPLE_RECEIVED" // the laboratory received the gene sample
  | "CONSULTATION_HELD" // the MDT consultation took place
  | "REVIEW_RESULT" // the insurer's review result reached the vendor (Japan)
  | "SERVICE_STARTED"; // the vendor told the insured the service starts (Japan)

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
  readonly starts: SlaStart;
  readonly startsWhen: LocalizedText;
  /** Working days allowed (the lower bound of a range such as 10–15). */
  readonly workingDays: number;
  /** The upper bound when the handbook gives a range (10–15 → 15). */
  readonly upToWorkingDays?: number;
  /** The handbook sentence it comes from, verbatim. */
  readonly source: string;
}

export interface ServiceDefinition {
  readonly code: ServiceCode;
  readonly name: LocalizedText;
  readonly description: LocalizedText;
  readonly network: NetworkKind;
  readonly benefits: readonly BenefitDefinition[];
  readonly steps: readonly StepDefinition[];
  readonly slas: readonly SlaDefinition[];
  /** Documents the handbook asks for when applying (服务条件 / 服务流程), as DocumentKind. */
  readonly requiredDocuments: readonly DocumentKind[];
  /** The handbook's 温馨提示, in order. */
  readonly notes: readonly LocalizedText[];
}
