// Synthetic but realistic data for the benchmarks: policies with entitlements and diagnoses, and
// cases walked through the real workflow rules (decideTransition) with their events and the metric
// columns the application would have written (computeSlaClocks, workingDaysBetween). Deterministic
// for a given seed, so two runs measure the same data.
import { randomUUID } from "node:crypto";
import { loadCalendar } from "../src/reference/calendar.js";
import { readCityNetwork } from "../src/reference/networks.js";
import { STANDARD_BENEFITS, benefitByCode, slasForBenefit } from "../src/rules/catalogue/catalogue.js";
import { DOCUMENT_KINDS, type BenefitCode, type ServiceCode } from "../src/rules/catalogue/codes.js";
import { workingDaysBetween } from "../src/rules/calendar/working-days.js";
import { isClosed, type CaseAction, type CaseStage, type CaseStatus, type QuotaEffect } from "../src/rules/case-workflow/codes.js";
import { decideTransition, stageOf, workflowOf } from "../src/rules/case-workflow/decide-transition.js";
import { caseTimeline, milestoneWrites } from "../src/services/case-milestones.js";
import { addDays } from "../src/rules/shared/dates.js";
import { computeSlaClocks } from "../src/rules/sla/compute-sla-clocks.js";

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const BENCH_PARTNERS = [
  { code: "BENCH-CARE", name: "基准测试健康服务", services: ["FAMILY_DOCTOR", "SECOND_OPINION", "MDT"] as ServiceCode[] },
  { code: "BENCH-MED", name: "基准测试就医服务", services: ["GREEN_CHANNEL", "INPATIENT_ADVANCE"] as ServiceCode[] },
  { code: "BENCH-LAB", name: "基准测试检测服务", services: ["GENE_TEST", "JAPAN_CARE"] as ServiceCode[] },
];

const BENEFIT_WEIGHTS: [BenefitCode, number][] = [
  ["FAMILY_DOCTOR", 30],
  ["GREEN_CHANNEL_OUTPATIENT", 14],
  ["GREEN_CHANNEL_INPATIENT_OR_SURGERY", 9],
  ["INPATIENT_ADVANCE_PAYMENT", 20],
  ["SECOND_OPINION", 11],
  ["MDT_CONSULTATION", 6],
  ["GENE_TEST", 7],
  ["JAPAN_TREATMENT", 3],
];
const WEIGHT_TOTAL = BENEFIT_WEIGHTS.reduce((n, [, w]) => n + w, 0);
const MDT_CITIES: [string, string][] = [["110000", "110000"], ["310000", "310000"], ["440000", "440100"], ["510000", "510100"]];

export interface PolicySeed {
  readonly id: string;
  readonly personId: string;
  readonly policyNo: string;
  readonly status: "ACTIVE" | "LAPSED";
  readonly effectiveFrom: string;
  readonly effectiveTo: string;
  readonly waitingPeriodEndsOn: string;
  readonly hasSocialInsurance: boolean;
  readonly benefits: readonly BenefitCode[];
  readonly diagnosis: { category: "CRITICAL_ILLNESS" | "MALIGNANT_TUMOR"; firstDiagnosedOn: string } | null;
}

export function generatePolicy(random: () => number, index: number, today: string): PolicySeed {
  const effectiveFrom = addDays(today, -(100 + Math.floor(random() * 260)));
  const hasDiagnosis = random() < 0.5;
  return {
    id: randomUUID(),
    personId: randomUUID(),
    policyNo: `BP${String(index + 1).padStart(8, "0")}`,
    status: random() < 0.96 ? "ACTIVE" : "LAPSED",
    effectiveFrom,
    effectiveTo: addDays(effectiveFrom, 364),
    waitingPeriodEndsOn: addDays(effectiveFrom, 89),
    hasSocialInsurance: random() < 0.85,
    benefits: random() < 0.1 ? [...STANDARD_BENEFITS, "JAPAN_TREATMENT"] : STANDARD_BENEFITS,
    diagnosis: hasDiagnosis
      ? { category: random() < 0.7 ? "CRITICAL_ILLNESS" : "MALIGNANT_TUMOR", firstDiagnosedOn: addDays(effectiveFrom, 90 + Math.floor(random() * 9)) }
      : null,
  };
}

/** Used and reserved counts per policy and benefit, kept so that no quota is overspent. */
export class QuotaBook {
  private readonly counts = new Map<string, { used: number; reserved: number }>();
  get(policyId: string, benefit: BenefitCode) {
    return this.counts.get(`${policyId}|${benefit}`) ?? { used: 0, reserved: 0 };
  }
  hasRoom(policyId: string, benefit: BenefitCode): boolean {
    const quota = benefitByCode(benefit).benefit.quota;
    const c = this.get(policyId, benefit);
    return quota === null || c.used + c.reserved < quota;
  }
  record(policyId: string, benefit: BenefitCode, effect: QuotaEffect): void {
    const c = { ...this.get(policyId, benefit) };
    if (effect === "RESERVED") c.reserved++;
    if (effect === "CONSUMED") c.used++;
    this.counts.set(`${policyId}|${benefit}`, c);
  }
}

export interface EventSeed {
  readonly at: Date;
  readonly action: string;
  readonly fromStatus: CaseStatus | null;
  readonly toStatus: CaseStatus;
  readonly quotaEffect: QuotaEffect;
  readonly version: number;
}

export interface CaseSeed {
  readonly id: string;
  readonly caseNo: string;
  readonly policyId: string;
  readonly service: ServiceCode;
  readonly benefit: BenefitCode;
  readonly status: CaseStatus;
  readonly stage: CaseStage;
  readonly step: number;
  /** The workflow's milestones (instants as ISO text), as the case's `milestones` column holds them. */
  readonly recorded: Partial<Record<string, string>>;
  readonly quotaEffect: QuotaEffect;
  readonly partnerCode: string | null;
  readonly provinceCode: string | null;
  readonly cityCode: string | null;
  readonly submittedAt: Date;
  readonly milestones: Partial<Record<"documentsCompletedAt" | "reviewStartedAt" | "investigationRequestedAt" | "decidedAt" | "approvedAt" | "scheduledAt" | "startedAt" | "completedAt" | "closedAt", Date>>;
  readonly scheduledFor: string | null;
  readonly slaStartedOn: string | null;
  readonly slaDueOn: string | null;
  readonly slaMetOn: string | null;
  readonly workingDaysToComplete: number | null;
  readonly events: readonly EventSeed[];
}

const PLACES = new Map<ServiceCode, [string, string][]>();
function placesFor(service: ServiceCode): [string, string][] {
  let places = PLACES.get(service);
  if (!places) {
    if (service === "GREEN_CHANNEL" || service === "INPATIENT_ADVANCE" || service === "GENE_TEST") {
      places = readCityNetwork(service)
        .filter((e) => e.duplicateOf === null)
        .map((e): [string, string] => [e.provinceCode, e.level === "COUNTY" ? `${e.code.slice(0, 4)}00` : e.code]);
    } else {
      places = service === "MDT" ? MDT_CITIES : [];
    }
    PLACES.set(service, places);
  }
  return places;
}

/** 09:00–18:00 Shanghai on a day, as an instant. */
function instantOn(day: string, random: () => number): Date {
  const minutes = 60 + Math.floor(random() * 540); // 01:00–10:00 UTC
  return new Date(Date.parse(`${day}T00:00:00Z`) + minutes * 60_000);
}

const shanghaiDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

function pickBenefit(random: () => number, policy: PolicySeed, quotas: QuotaBook): BenefitCode {
  let roll = random() * WEIGHT_TOTAL;
  for (const [benefit, weight] of BENEFIT_WEIGHTS) {
    roll -= weight;
    if (roll < 0) {
      return policy.benefits.includes(benefit) && quotas.hasRoom(policy.id, benefit) ? benefit : random() < 0.5 ? "FAMILY_DOCTOR" : "INPATIENT_ADVANCE_PAYMENT";
    }
  }
  return "FAMILY_DOCTOR";
}

/** One case for a policy, walked from its submission day as far as `today` allows. */
export function generateCase(random: () => number, index: number, policy: PolicySeed, quotas: QuotaBook, today: string): CaseSeed {
  const benefit = pickBenefit(random, policy, quotas);
  const service = benefitByCode(benefit).service.code;
  const places = placesFor(service);
  const [provinceCode, cityCode] = places.length ? places[Math.floor(random() * places.length)]! : [null, null];
  const partners = BENCH_PARTNERS.filter((p) => p.services.includes(service));
  const partnerCode = random() < 0.8 && partners.length ? partners[Math.floor(random() * partners.length)]!.code : null;
  const submittedAt = instantOn(addDays(today, -(1 + Math.floor(random() * 365))), random);
  const milestones: CaseSeed["milestones"] = {};
  const events: EventSeed[] = [];
  const awaiting = service !== "FAMILY_DOCTOR" && random() < 0.1;
  let status: CaseStatus = awaiting ? "AWAITING_DOCUMENTS" : "SUBMITTED";
  let stage: CaseStage = status;
  let stepOrder = stageOf(workflowOf(service), stage).step ?? 1;
  let recorded: Partial<Record<string, string>> = {};
  let quotaEffect: QuotaEffect = "RESERVED";
  let scheduledFor: string | null = null;
  events.push({ at: submittedAt, action: "SUBMIT", fromStatus: null, toStatus: status, quotaEffect, version: 1 });
  if (!awaiting) milestones.documentsCompletedAt = submittedAt;

  let at = submittedAt;
  const slow = random() < 0.12;
  const step = () => {
    const gap = slow && random() < 0.5 ? 3 + Math.floor(random() * 10) : Math.floor(random() * 3);
    at = instantOn(addDays(shanghaiDay(at), gap), random);
    return shanghaiDay(at) < today;
  };
  const apply = (action: CaseAction | "DOCUMENTS_COMPLETED"): boolean => {
    if (!step()) return false;
    if (action === "DOCUMENTS_COMPLETED") {
      const to: CaseStatus = "SUBMITTED";
      events.push({ at, action, fromStatus: status, toStatus: to, quotaEffect, version: events.length + 1 });
      status = stage = to;
      milestones.documentsCompletedAt = at;
      return true;
    }
    const occurredOn = shanghaiDay(at);
    if (action === "SCHEDULE") scheduledFor = addDays(occurredOn, 1 + Math.floor(random() * 5));
    const decision = decideTransition(
      { service, stage, step: stepOrder, quotaEffect, documents: DOCUMENT_KINDS, accompanimentHours: 0, scheduledFor: action === "SCHEDULE" ? null : (scheduledFor ?? null) },
      { action, occurredOn, scheduledFor, accompanimentHours: null },
    );
    if (!decision.ok) return false;
    events.push({ at, action, fromStatus: status, toStatus: decision.status, quotaEffect: decision.quotaEffect, version: events.length + 1 });
    status = decision.status;
    stage = decision.stage;
    stepOrder = decision.step;
    quotaEffect = decision.quotaEffect;
    const { milestones: next, ...reporting } = milestoneWrites(recorded, decision.records, at);
    recorded = next;
    Object.assign(milestones, reporting);
    if (isClosed(status)) milestones.closedAt = at;
    return true;
  };

  const path: CaseAction[] =
    service === "FAMILY_DOCTOR"
      ? ["START", "COMPLETE"]
      : service === "INPATIENT_ADVANCE" && random() < 0.2
        ? ["START_REVIEW", "REQUEST_INVESTIGATION", "APPROVE", "SCHEDULE", "START", "COMPLETE"]
        : ["START_REVIEW", "APPROVE", "SCHEDULE", "START", "COMPLETE"];
  const exit = random();
  walk: {
    if (awaiting && !apply("DOCUMENTS_COMPLETED")) break walk;
    for (const action of path) {
      if (action === "APPROVE" && exit < 0.06) {
        apply("REJECT");
        break walk;
      }
      if (action === "START" && exit > 0.97 && service === "GREEN_CHANNEL") {
        apply("RECORD_NO_SHOW");
        break walk;
      }
      if (exit > 0.06 && exit < 0.1 && random() < 0.3) {
        if (apply("CANCEL")) break walk;
      }
      if (!apply(action)) break walk;
    }
  }
  quotas.record(policy.id, benefit, quotaEffect);

  const calendar = loadCalendar();
  const timeline = caseTimeline({ milestones: recorded, documentsCompletedAt: milestones.documentsCompletedAt ?? null, closedAt: milestones.closedAt ?? null });
  const [clock] = computeSlaClocks(slasForBenefit(benefit), timeline, today, calendar);
  return {
    id: randomUUID(),
    caseNo: `SB${String(index + 1).padStart(9, "0")}`,
    policyId: policy.id,
    service,
    benefit,
    status,
    stage,
    step: stepOrder,
    recorded,
    quotaEffect,
    partnerCode,
    provinceCode,
    cityCode,
    submittedAt,
    milestones,
    scheduledFor,
    slaStartedOn: clock?.startedOn ?? null,
    slaDueOn: clock?.dueOn ?? null,
    slaMetOn: clock?.metOn ?? null,
    workingDaysToComplete: milestones.completedAt ? workingDaysBetween(calendar, shanghaiDay(submittedAt), shanghaiDay(milestones.completedAt)).days : null,
    events,
  };
}
