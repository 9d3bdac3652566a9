// Service cases, their documents and their append-only event log.
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgSequence,
  smallint,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { benefits, services } from "./catalogue.js";
import { policies } from "./policy.js";

export const caseNoSequence = pgSequence("service_case_no_seq", { startWith: 1 });

/**
 * A case that reached admission for an illness (ADVANCE.提示.2.1's earlier advances): the predicate
 * of `service_case_admitted_idx`, which the read of a policy's admitted advances writes as it is so
 * that PostgreSQL uses the index (constants, not parameters: a generic plan can prove it).
 */
export const reachedAdmissionForIllness = (t: { readonly diagnosisId: AnyPgColumn; readonly milestones: AnyPgColumn }) =>
  sql`${t.diagnosisId} is not null and ${t.milestones} ? 'ADMITTED'`;

export const serviceCases = pgTable(
  "service_case",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseNo: text("case_no").notNull().unique(),
    policyId: uuid("policy_id")
      .notNull()
      .references(() => policies.id),
    serviceCode: text("service_code")
      .notNull()
      .references(() => services.code),
    benefitCode: text("benefit_code")
      .notNull()
      .references(() => benefits.code),
    status: text("status").notNull(),
    /** Where the case stands in its service's workflow (src/rules/case-workflow/workflows) and the 服务流程 row. */
    stage: text("stage").notNull(),
    step: integer("step").notNull(),
    /** The Shanghai-time instants the workflow's milestones were first reached (the SLA clocks read them). */
    milestones: jsonb("milestones").$type<Partial<Record<string, string>>>().notNull().default({}),
    /** The illness the case is for (住院垫付 温馨提示 2: 相同疾病). */
    diagnosisId: uuid("diagnosis_id"),
    /** Green channel 服务流程 2: inpatient or surgery, the hospital and the department asked for. */
    careKind: text("care_kind"),
    hospitalName: text("hospital_name"),
    department: text("department"),
    applicant: text("applicant").notNull(),
    partnerCode: text("partner_code"),
    /** The place as the caller typed it; placeCode once it resolves to a GB/T 2260 division. */
    placeQuery: text("place_query"),
    placeCode: text("place_code"),
    /** For metrics: the province and the prefecture (or municipality) of the place. */
    provinceCode: text("province_code"),
    cityCode: text("city_code"),
    hospitalId: text("hospital_id"),
    plannedAdmissionDate: date("planned_admission_date", { mode: "string" }),
    usesSocialInsuranceSettlement: boolean("uses_social_insurance_settlement"),
    /** ADVANCE.提示.4: treated outside the insured's social-insurance area (异地就医); the share advanced, in percent. */
    outOfArea: boolean("out_of_area"),
    advanceSharePercent: smallint("advance_share_percent"),
    /** MDT.介绍.1: the departments on the consultation panel (三个或三个以上相关科室). */
    panelDepartments: text("panel_departments").array(),
    scheduledFor: date("scheduled_for", { mode: "string" }),
    accompanimentHours: numeric("accompaniment_hours", { precision: 5, scale: 2, mode: "number" }).notNull().default(0),
    quotaEffect: text("quota_effect").notNull(),
    /** Who submitted (principal subject) and the key they sent: one case per pair. */
    submittedBy: text("submitted_by").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    requestHash: text("request_hash").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    documentsCompletedAt: timestamp("documents_completed_at", { withTimezone: true }),
    reviewStartedAt: timestamp("review_started_at", { withTimezone: true }),
    investigationRequestedAt: timestamp("investigation_requested_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    lastEventAt: timestamp("last_event_at", { withTimezone: true }).notNull(),
    /** The first SLA clock of the benefit (its arrangement promise), kept for metrics. */
    slaStartedOn: date("sla_started_on", { mode: "string" }),
    slaDueOn: date("sla_due_on", { mode: "string" }),
    slaMetOn: date("sla_met_on", { mode: "string" }),
    /** Working days from the submission date to the completion date, fixed when the case completes. */
    workingDaysToComplete: integer("working_days_to_complete"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("service_case_idempotency_idx").on(t.submittedBy, t.idempotencyKey),
    // A policy's cases newest first (Policy.cases' pages: keyset on the case number) without a sort, and every lookup by policy.
    index("service_case_policy_case_no_idx").on(t.policyId, t.caseNo),
    // The advances that reached admission for an illness, by policy (eligibility's earlier advances): few rows, read by every entitlement screen.
    index("service_case_admitted_idx").on(t.policyId).where(reachedAdmissionForIllness(t)),
    index("service_case_status_idx").on(t.status),
    index("service_case_submitted_idx").on(t.submittedAt),
    index("service_case_metrics_idx").on(t.serviceCode, t.submittedAt),
    check(
      "service_case_status_known",
      sql`${t.status} in ('SUBMITTED','AWAITING_DOCUMENTS','UNDER_REVIEW','INVESTIGATING','APPROVED','SCHEDULED','IN_PROGRESS','COMPLETED','REJECTED','CANCELLED','NO_SHOW')`,
    ),
    check("service_case_care_kind_known", sql`${t.careKind} is null or ${t.careKind} in ('INPATIENT','SURGERY')`),
    check("service_case_quota_effect_known", sql`${t.quotaEffect} in ('NONE','RESERVED','CONSUMED','RELEASED')`),
    check("service_case_applicant_known", sql`${t.applicant} in ('INSURED','POLICYHOLDER','FAMILY_MEMBER')`),
    check("service_case_advance_share_range", sql`${t.advanceSharePercent} is null or (${t.advanceSharePercent} between 0 and 100)`),
    check("service_case_accompaniment_cap", sql`${t.accompanimentHours} >= 0 and ${t.accompanimentHours} <= 40`),
  ],
);

export const caseDocuments = pgTable(
  "case_document",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => serviceCases.id),
    kind: text("kind").notNull(),
    reference: text("reference").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    addedBy: text("added_by").notNull(),
  },
  (t) => [index("case_document_case_idx").on(t.caseId, t.receivedAt)],
);

/** Append-only (a trigger refuses UPDATE and DELETE): the audit trail and the source of metrics. */
export const caseEvents = pgTable(
  "case_event",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => serviceCases.id),
    at: timestamp("at", { withTimezone: true }).notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    quotaEffect: text("quota_effect").notNull(),
    version: integer("version").notNull(),
    note: text("note"),
  },
  (t) => [index("case_event_case_idx").on(t.caseId, t.id)],
);

/** MDT.提示.1.4 疫情期间…暂不支持此代诊服务: a feature of a service an operator suspends for a period. */
export const serviceSuspensions = pgTable(
  "service_suspension",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    feature: text("feature").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    reason: text("reason").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    liftedAt: timestamp("lifted_at", { withTimezone: true }),
  },
  (t) => [
    index("service_suspension_feature_idx").on(t.feature, t.endsOn),
    check("service_suspension_feature_known", sql`${t.feature} in ('MDT_PROXY_ATTENDANCE')`),
    check("service_suspension_dates_ordered", sql`${t.startsOn} <= ${t.endsOn}`),
  ],
);
