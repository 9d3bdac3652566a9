import { describe, expect, it } from "vitest";
import type { DocumentKind, ServiceCode } from "../catalogue/codes.js";
import { SERVICE_CODES } from "../catalogue/codes.js";
import { CASE_ACTIONS, type CaseAction, type CaseStage, type QuotaEffect } from "./codes.js";
import { defineWorkflow, workflowProblems } from "./check-workflow.js";
import { decideTransition, workflowOf } from "./decide-transition.js";

type Row = [
  name: string,
  service: ServiceCode,
  stage: CaseStage,
  quota: QuotaEffect,
  action: CaseAction,
  extra: { documents?: DocumentKind[]; scheduledFor?: string; hours?: number; used?: number; proxy?: boolean; appointment?: string; policyEndsOn?: string },
  expected: { stage: CaseStage; quota: QuotaEffect; change: string } | string,
];

// Each row names the handbook clause it follows and quotes it (docs/handbook-trace.md).
const rows: Row[] = [
  ["review starts from SUBMITTED", "GREEN_CHANNEL", "SUBMITTED", "RESERVED", "START_REVIEW", {}, { stage: "UNDER_REVIEW", quota: "RESERVED", change: "NONE" }],
  ["no review while documents are missing", "GREEN_CHANNEL", "AWAITING_DOCUMENTS", "RESERVED", "START_REVIEW", {}, "ACTION_NOT_ALLOWED"],
  ["approve after review", "MDT", "UNDER_REVIEW", "RESERVED", "APPROVE", {}, { stage: "APPROVED", quota: "RESERVED", change: "NONE" }],
  ["reject releases the quota", "SECOND_OPINION", "UNDER_REVIEW", "RESERVED", "REJECT", {}, { stage: "REJECTED", quota: "RELEASED", change: "RELEASE" }],
  ["no reject once approved", "SECOND_OPINION", "APPROVED", "RESERVED", "REJECT", {}, "ACTION_NOT_ALLOWED"],
  ["no investigation for MDT", "MDT", "UNDER_REVIEW", "RESERVED", "REQUEST_INVESTIGATION", {}, "ACTION_NOT_FOR_SERVICE"],
  ["scheduling needs a date", "GREEN_CHANNEL", "APPROVED", "RESERVED", "SCHEDULE", {}, "SCHEDULED_FOR_REQUIRED"],
  ["scheduling in the past", "GREEN_CHANNEL", "APPROVED", "RESERVED", "SCHEDULE", { scheduledFor: "2026-03-01" }, "SCHEDULED_IN_PAST"],
  // 就医绿色通道
  ["GREEN_CHANNEL.流程.3 【专家门诊预约】启动服务后 5 个工作日内完成安排: arranging keeps the reservation", "GREEN_CHANNEL", "APPROVED", "RESERVED", "SCHEDULE", { scheduledFor: "2026-03-05" }, { stage: "SCHEDULED", quota: "RESERVED", change: "NONE" }],
  ["GREEN_CHANNEL.流程.4 被保险人在预约医院、预约时间内就医，服务完成: the visit uses it", "GREEN_CHANNEL", "SCHEDULED", "RESERVED", "COMPLETE", {}, { stage: "COMPLETED", quota: "CONSUMED", change: "CONSUME" }],
  ["GREEN_CHANNEL.提示.1 本项服务申请成功后不接受改期或取消: cancel while still being arranged", "GREEN_CHANNEL", "APPROVED", "RESERVED", "CANCEL", {}, { stage: "CANCELLED", quota: "RELEASED", change: "RELEASE" }],
  ["GREEN_CHANNEL.提示.1 本项服务申请成功后不接受改期或取消: no cancellation once booked", "GREEN_CHANNEL", "SCHEDULED", "RESERVED", "CANCEL", {}, "CANCELLATION_NOT_ALLOWED"],
  ["GREEN_CHANNEL.提示.1 本项服务申请成功后不接受改期或取消: no rescheduling", "GREEN_CHANNEL", "SCHEDULED", "RESERVED", "SCHEDULE", { scheduledFor: "2026-03-09" }, "CHANGE_NOT_ALLOWED"],
  ["GREEN_CHANNEL.提示.2 …最终未能在预定时间就医，亦视为本项服务已完成，计入服务次数", "GREEN_CHANNEL", "SCHEDULED", "RESERVED", "RECORD_NO_SHOW", {}, { stage: "NO_SHOW", quota: "CONSUMED", change: "CONSUME" }],
  // 住院垫付
  ["ADVANCE.提示.1 …责任认定完成后，方可为被保险人提供本服务: a liability review", "INPATIENT_ADVANCE", "UNDER_REVIEW", "RESERVED", "REQUEST_LIABILITY_REVIEW", {}, { stage: "LIABILITY_REVIEW", quota: "RESERVED", change: "NONE" }],
  ["ADVANCE.流程.4 如需查勘，15个工作日内通知查勘结果: investigation during the liability review", "INPATIENT_ADVANCE", "LIABILITY_REVIEW", "RESERVED", "REQUEST_INVESTIGATION", {}, { stage: "INVESTIGATING", quota: "RESERVED", change: "NONE" }],
  ["ADVANCE.流程.4 如需查勘，15个工作日内通知查勘结果: the result is recorded", "INPATIENT_ADVANCE", "INVESTIGATING", "RESERVED", "RECORD_INVESTIGATION_RESULT", {}, { stage: "LIABILITY_REVIEW", quota: "RESERVED", change: "NONE" }],
  ["ADVANCE.流程.4 如审核通过后告知垫付服务执行时间与细则: approve after the investigation", "INPATIENT_ADVANCE", "INVESTIGATING", "RESERVED", "APPROVE", {}, { stage: "APPROVED", quota: "RESERVED", change: "NONE" }],
  ["ADVANCE.提示.3.1 提供垫付服务时，被保险人须签署医疗垫付知情同意书和理赔授权书: not without both", "INPATIENT_ADVANCE", "SCHEDULED", "RESERVED", "START", { documents: ["ADVANCE_CONSENT"] }, "DOCUMENTS_REQUIRED"],
  ["ADVANCE.流程.5 我司服务人员协助被保险人在预约日期至医院办理住院，签署授权书 — ADVANCE.提示.3.1 提供垫付服务时，被保险人须签署医疗垫付知情同意书和理赔授权书: admitted", "INPATIENT_ADVANCE", "SCHEDULED", "RESERVED", "START", { documents: ["ADVANCE_CONSENT", "CLAIM_AUTHORIZATION"] }, { stage: "IN_PROGRESS", quota: "RESERVED", change: "NONE" }],
  ["ADVANCE.流程.6 …被保险人须提交住院发票、出院小结等资料，垫付服务完成: not without both", "INPATIENT_ADVANCE", "IN_PROGRESS", "RESERVED", "COMPLETE", { documents: ["HOSPITAL_INVOICE"] }, "DOCUMENTS_REQUIRED"],
  ["ADVANCE.流程.6 …被保险人须提交住院发票、出院小结等资料，垫付服务完成 — ADVANCE.提示.3.2 垫付服务完成后，被保险人须交付住院发票、出院小结等理赔资料", "INPATIENT_ADVANCE", "IN_PROGRESS", "RESERVED", "COMPLETE", { documents: ["HOSPITAL_INVOICE", "DISCHARGE_SUMMARY"] }, { stage: "COMPLETED", quota: "CONSUMED", change: "CONSUME" }],
  ["ADVANCE.提示.5.2 …但被保险人未在预定时间办理住院…亦视为本项服务已完成", "INPATIENT_ADVANCE", "SCHEDULED", "RESERVED", "RECORD_NO_SHOW", {}, { stage: "NO_SHOW", quota: "CONSUMED", change: "CONSUME" }],
  ["ADVANCE.提示.5.2 …或拒绝签署医疗垫付知情同意书和理赔授权书，亦视为本项服务已完成", "INPATIENT_ADVANCE", "SCHEDULED", "RESERVED", "RECORD_REFUSAL_TO_SIGN", {}, { stage: "REFUSED_TO_SIGN", quota: "CONSUMED", change: "CONSUME" }],
  // 国内第二诊疗意见
  ["SECOND_OPINION.提示.3 收到资料且开始病历整理环节后，本服务不可取消: before it, released", "SECOND_OPINION", "SUBMITTED", "RESERVED", "CANCEL", {}, { stage: "CANCELLED", quota: "RELEASED", change: "RELEASE" }],
  ["SECOND_OPINION.提示.3 …如需取消亦视为本项服务已完成", "SECOND_OPINION", "UNDER_REVIEW", "RESERVED", "CANCEL", {}, { stage: "CANCELLED", quota: "CONSUMED", change: "CONSUME" }],
  ["SECOND_OPINION.流程.5 专家出具诊疗意见报告给被保险人，服务完成", "SECOND_OPINION", "IN_PROGRESS", "RESERVED", "COMPLETE", {}, { stage: "COMPLETED", quota: "CONSUMED", change: "CONSUME" }],
  // MDT
  ["MDT.提示.1.3 …需被保险人或家属签署多学科会诊委托书: not without it", "MDT", "SCHEDULED", "RESERVED", "START", { proxy: true }, "DOCUMENTS_REQUIRED"],
  ["MDT.提示.1.3 …需被保险人或家属签署多学科会诊委托书 — MDT.提示.1.2 可选择由我司特约服务商的服务人员代为前往获取此服务: with it", "MDT", "SCHEDULED", "RESERVED", "START", { proxy: true, documents: ["MDT_PROXY_AUTHORIZATION"] }, { stage: "IN_PROGRESS", quota: "RESERVED", change: "NONE" }],
  ["MDT attended in person needs no authorisation", "MDT", "SCHEDULED", "RESERVED", "START", {}, { stage: "IN_PROGRESS", quota: "RESERVED", change: "NONE" }],
  ["proxy attendance is MDT's only", "GENE_TEST", "SCHEDULED", "RESERVED", "START", { proxy: true }, "ACTION_NOT_FOR_SERVICE"],
  ["MDT.提示.3 …但被保险人未在预定时间参加，亦视为本项服务已完成，须计入有效服务次数", "MDT", "SCHEDULED", "RESERVED", "RECORD_NO_SHOW", {}, { stage: "NO_SHOW", quota: "CONSUMED", change: "CONSUME" }],
  ["no no-show before scheduling", "MDT", "APPROVED", "RESERVED", "RECORD_NO_SHOW", {}, "ACTION_NOT_ALLOWED"],
  // 靶向药基因检测
  ["GENE_TEST.提示.4 本服务自启动样本采集开始，不可取消: a booked collection can still be cancelled", "GENE_TEST", "SCHEDULED", "RESERVED", "CANCEL", {}, { stage: "CANCELLED", quota: "RELEASED", change: "RELEASE" }],
  ["GENE_TEST.流程.4 依据检测项目不同，服务人员指导被保人提供组织切片、血液等检测样本", "GENE_TEST", "APPROVED", "RESERVED", "START_SAMPLE_COLLECTION", {}, { stage: "SAMPLE_COLLECTION", quota: "RESERVED", change: "NONE" }],
  ["GENE_TEST.提示.4 本服务自启动样本采集开始，不可取消: collection started", "GENE_TEST", "SAMPLE_COLLECTION", "RESERVED", "CANCEL", {}, "CANCELLATION_NOT_ALLOWED"],
  ["GENE_TEST.提示.4 本服务自启动样本采集开始，不可取消: sample at the lab", "GENE_TEST", "IN_PROGRESS", "RESERVED", "CANCEL", {}, "CANCELLATION_NOT_ALLOWED"],
  ["GENE_TEST.流程.6 实验室收到样本后15个工作日内，出具电子版及纸质版报告", "GENE_TEST", "IN_PROGRESS", "RESERVED", "COMPLETE", {}, { stage: "COMPLETED", quota: "CONSUMED", change: "CONSUME" }],
  // 赴日就医
  ["JAPAN.流程.4 服务商收到我司审核结果后，在1个工作日内通知被保险人是否启动日本医疗综合服务", "JAPAN_CARE", "APPROVED", "RESERVED", "NOTIFY_START", {}, { stage: "SERVICE_STARTED", quota: "RESERVED", change: "NONE" }],
  ["JAPAN.流程.5 2个工作日内安排专员协助被保险人收集资料、翻译、与医院沟通等", "JAPAN_CARE", "SERVICE_STARTED", "RESERVED", "ASSIGN_SPECIALIST", {}, { stage: "SPECIALIST_ASSIGNED", quota: "RESERVED", change: "NONE" }],
  ["JAPAN.流程.6 须有日本医院接收函方可办理医疗签证: not without the letter", "JAPAN_CARE", "AWAITING_HOSPITAL_ACCEPTANCE", "RESERVED", "RECORD_HOSPITAL_ACCEPTANCE", {}, "DOCUMENTS_REQUIRED"],
  ["JAPAN.流程.6 须有日本医院接收函方可办理医疗签证: with it", "JAPAN_CARE", "AWAITING_HOSPITAL_ACCEPTANCE", "RESERVED", "RECORD_HOSPITAL_ACCEPTANCE", { documents: ["HOSPITAL_ACCEPTANCE_LETTER"] }, { stage: "AWAITING_VISA", quota: "RESERVED", change: "NONE" }],
  ["JAPAN.流程.6 须有日本医院接收函方可办理医疗签证: scheduling the trip needs it too", "JAPAN_CARE", "APPROVED", "RESERVED", "SCHEDULE", { scheduledFor: "2026-04-01" }, "DOCUMENTS_REQUIRED"],
  ["JAPAN.流程.8 被保险人须配合签署直付和理赔授权书: not without both", "JAPAN_CARE", "VISA_ISSUED", "RESERVED", "SET_UP_DIRECT_BILLING", { documents: ["CLAIM_AUTHORIZATION"] }, "DOCUMENTS_REQUIRED"],
  ["JAPAN.流程.8 被保险人须配合签署直付和理赔授权书: with both", "JAPAN_CARE", "VISA_ISSUED", "RESERVED", "SET_UP_DIRECT_BILLING", { documents: ["CLAIM_AUTHORIZATION", "DIRECT_BILLING_AUTHORIZATION"] }, { stage: "DIRECT_BILLING_SET_UP", quota: "RESERVED", change: "NONE" }],
  ["JAPAN.流程.9 赴日行前工作安排完毕，被保险人前往日本", "JAPAN_CARE", "DIRECT_BILLING_SET_UP", "RESERVED", "SCHEDULE", { scheduledFor: "2026-04-01", documents: ["HOSPITAL_ACCEPTANCE_LETTER"] }, { stage: "SCHEDULED", quota: "RESERVED", change: "NONE" }],
  ["JAPAN.流程.8 被保险人须配合签署直付和理赔授权书 — before the treatment step (arrival)", "JAPAN_CARE", "SCHEDULED", "RESERVED", "START", {}, "DOCUMENTS_REQUIRED"],
  ["JAPAN.流程.11 根据医院安排，陪诊人员协调被保险人入院进行治疗", "JAPAN_CARE", "IN_PROGRESS", "RESERVED", "RECORD_ADMISSION", {}, { stage: "ADMITTED", quota: "RESERVED", change: "NONE" }],
  ["JAPAN.流程.12 日本医院邮寄完整医疗资料与账单至服务商: not without them", "JAPAN_CARE", "ADMITTED", "RESERVED", "COMPLETE", {}, "DOCUMENTS_REQUIRED"],
  ["JAPAN.流程.12 日本医院邮寄完整医疗资料与账单至服务商: completed", "JAPAN_CARE", "ADMITTED", "RESERVED", "COMPLETE", { documents: ["DISCHARGE_SUMMARY", "HOSPITAL_INVOICE"] }, { stage: "COMPLETED", quota: "CONSUMED", change: "CONSUME" }],
  ["JAPAN.提示.2 …医疗签证无法办理、不符合医院接收条件等被保险人个人自身原因导致无法赴日就医，亦视为本项服务已完成", "JAPAN_CARE", "AWAITING_VISA", "RESERVED", "RECORD_INSURED_FAILURE", {}, { stage: "INSURED_FAILURE", quota: "CONSUMED", change: "CONSUME" }],
  ["JAPAN.提示.2 …亦视为本项服务已完成: a withdrawal once started counts too", "JAPAN_CARE", "SPECIALIST_ASSIGNED", "RESERVED", "CANCEL", {}, { stage: "CANCELLED", quota: "CONSUMED", change: "CONSUME" }],
  ["Japan: before the start notice a cancellation gives the use back", "JAPAN_CARE", "APPROVED", "RESERVED", "CANCEL", {}, { stage: "CANCELLED", quota: "RELEASED", change: "RELEASE" }],
  ["Japan: no own-failure ending before the service started", "JAPAN_CARE", "APPROVED", "RESERVED", "RECORD_INSURED_FAILURE", {}, "ACTION_NOT_ALLOWED"],
  ["JAPAN.流程.9 当地就医陪诊累计总时长不得超过40小时: 40 in total is the cap", "JAPAN_CARE", "IN_PROGRESS", "RESERVED", "RECORD_ACCOMPANIMENT", { hours: 8, used: 32 }, { stage: "IN_PROGRESS", quota: "RESERVED", change: "NONE" }],
  ["JAPAN.流程.9 当地就医陪诊累计总时长不得超过40小时: one hour over", "JAPAN_CARE", "ADMITTED", "RESERVED", "RECORD_ACCOMPANIMENT", { hours: 9, used: 32 }, "ACCOMPANIMENT_LIMIT_EXCEEDED"],
  ["Japan: hours must be positive", "JAPAN_CARE", "IN_PROGRESS", "RESERVED", "RECORD_ACCOMPANIMENT", { hours: 0 }, "ACCOMPANIMENT_HOURS_REQUIRED"],
  ["accompaniment is Japan's only", "MDT", "IN_PROGRESS", "RESERVED", "RECORD_ACCOMPANIMENT", { hours: 2 }, "ACTION_NOT_FOR_SERVICE"],
  // 家庭医生
  ["FAMILY_DOCTOR.流程.2 开始咨询 点击家庭医生按钮，一键开始咨询", "FAMILY_DOCTOR", "SUBMITTED", "RESERVED", "START", {}, { stage: "IN_PROGRESS", quota: "CONSUMED", change: "CONSUME" }],
  ["no cancelling a closed case", "MDT", "COMPLETED", "CONSUMED", "CANCEL", {}, "ACTION_NOT_ALLOWED"],
  // The appointment day (the case's scheduledFor; every row acts on 2026-03-02).
  ["GREEN_CHANNEL.提示.2 …最终未能在预定时间就医 — a no-show is not recorded before the appointment day", "GREEN_CHANNEL", "SCHEDULED", "RESERVED", "RECORD_NO_SHOW", { appointment: "2026-03-20" }, "BEFORE_APPOINTMENT_DAY"],
  ["GREEN_CHANNEL.提示.2 …最终未能在预定时间就医 — on the appointment day it is", "GREEN_CHANNEL", "SCHEDULED", "RESERVED", "RECORD_NO_SHOW", { appointment: "2026-03-02" }, { stage: "NO_SHOW", quota: "CONSUMED", change: "CONSUME" }],
  ["GREEN_CHANNEL.流程.4 被保险人在预约医院、预约时间内就医 — no visit before the appointment day", "GREEN_CHANNEL", "SCHEDULED", "RESERVED", "COMPLETE", { appointment: "2026-03-03" }, "BEFORE_APPOINTMENT_DAY"],
  ["ADVANCE.流程.5 我司服务人员协助被保险人在预约日期至医院办理住院 — no admission before the day", "INPATIENT_ADVANCE", "SCHEDULED", "RESERVED", "START", { appointment: "2026-03-20", documents: ["ADVANCE_CONSENT", "CLAIM_AUTHORIZATION"] }, "BEFORE_APPOINTMENT_DAY"],
  ["ADVANCE.提示.5.2 …未在预定时间办理住院 — no no-show before the day", "INPATIENT_ADVANCE", "SCHEDULED", "RESERVED", "RECORD_NO_SHOW", { appointment: "2026-03-20" }, "BEFORE_APPOINTMENT_DAY"],
  ["ADVANCE.提示.5.2 …若我司已为被保险人完成服务安排，但被保险人未在预定时间办理住院 — a cancellation before the day gives the use back", "INPATIENT_ADVANCE", "SCHEDULED", "RESERVED", "CANCEL", { appointment: "2026-03-20" }, { stage: "CANCELLED", quota: "RELEASED", change: "RELEASE" }],
  ["ADVANCE.提示.5.2 …亦视为本项服务已完成 — a cancellation on the day counts as used", "INPATIENT_ADVANCE", "SCHEDULED", "RESERVED", "CANCEL", { appointment: "2026-03-02" }, { stage: "CANCELLED", quota: "CONSUMED", change: "CONSUME" }],
  ["ADVANCE.提示.5.2 …亦视为本项服务已完成 — a cancellation after admission counts as used", "INPATIENT_ADVANCE", "IN_PROGRESS", "RESERVED", "CANCEL", { appointment: "2026-02-20" }, { stage: "CANCELLED", quota: "CONSUMED", change: "CONSUME" }],
  ["MDT.提示.3 …但被保险人未在预定时间参加 — no no-show before the consultation day", "MDT", "SCHEDULED", "RESERVED", "RECORD_NO_SHOW", { appointment: "2026-03-10" }, "BEFORE_APPOINTMENT_DAY"],
  ["MDT.流程.4 …通知被保险人或家属准时出席 MDT 专家会诊 — no attendance before the day", "MDT", "SCHEDULED", "RESERVED", "START", { appointment: "2026-03-10" }, "BEFORE_APPOINTMENT_DAY"],
  ["MDT.提示.3 …未在预定时间参加，亦视为本项服务已完成 — a cancellation before the day gives the use back", "MDT", "SCHEDULED", "RESERVED", "CANCEL", { appointment: "2026-03-10" }, { stage: "CANCELLED", quota: "RELEASED", change: "RELEASE" }],
  ["MDT.提示.3 …未在预定时间参加，亦视为本项服务已完成 — on or after the day it counts as not attending", "MDT", "SCHEDULED", "RESERVED", "CANCEL", { appointment: "2026-03-01" }, { stage: "CANCELLED", quota: "CONSUMED", change: "CONSUME" }],
  ["GREEN_CHANNEL.提示.1 本项服务申请成功后不接受改期或取消 — the cut-off stays whatever the day", "GREEN_CHANNEL", "SCHEDULED", "RESERVED", "CANCEL", { appointment: "2026-03-20" }, "CANCELLATION_NOT_ALLOWED"],
  // GENE_TEST.提示.1: no sample, the service ends with the policy.
  ["GENE_TEST.提示.1 若被保险人…无法提供检测样本 — recorded during collection, the case waits", "GENE_TEST", "SAMPLE_COLLECTION", "RESERVED", "RECORD_NO_SAMPLE", {}, { stage: "AWAITING_SAMPLE", quota: "RESERVED", change: "NONE" }],
  ["GENE_TEST.提示.1 …则本服务随保单有效期到期终止 — not ended while the policy is in force", "GENE_TEST", "AWAITING_SAMPLE", "RESERVED", "END_WITH_POLICY", {}, "POLICY_STILL_IN_FORCE"],
  ["GENE_TEST.提示.1 …则本服务随保单有效期到期终止 — ended the day after the policy, the use given back", "GENE_TEST", "AWAITING_SAMPLE", "RESERVED", "END_WITH_POLICY", { policyEndsOn: "2026-03-01" }, { stage: "ENDED_WITH_POLICY", quota: "RELEASED", change: "RELEASE" }],
  ["GENE_TEST.提示.1 …则本服务随保单有效期到期终止 — the policy's last day is still in force", "GENE_TEST", "AWAITING_SAMPLE", "RESERVED", "END_WITH_POLICY", { policyEndsOn: "2026-03-02" }, "POLICY_STILL_IN_FORCE"],
  ["a sample that comes late still goes to the laboratory", "GENE_TEST", "AWAITING_SAMPLE", "RESERVED", "START", {}, { stage: "IN_PROGRESS", quota: "RESERVED", change: "NONE" }],
  ["GENE_TEST.提示.4 本服务自启动样本采集开始，不可取消 — waiting for a sample is past the cut-off", "GENE_TEST", "AWAITING_SAMPLE", "RESERVED", "CANCEL", {}, "CANCELLATION_NOT_ALLOWED"],
  // Steps whose only rule is the move itself: each service's review and its own named steps.
  ["ADVANCE.流程.3 资料审核 我司服务人员进行服务资料审核", "INPATIENT_ADVANCE", "SUBMITTED", "RESERVED", "START_REVIEW", {}, { stage: "UNDER_REVIEW", quota: "RESERVED", change: "NONE" }],
  ["SECOND_OPINION.流程.3 病情评估 *被保险人须配合提供收集病历资料，以供专家做出第二诊疗意见", "SECOND_OPINION", "SUBMITTED", "RESERVED", "START_REVIEW", {}, { stage: "UNDER_REVIEW", quota: "RESERVED", change: "NONE" }],
  ["MDT.流程.3 病情评估 *被保险人须根据专家要求配合提供和完善病历资料，以供专家做出多学科会诊意见。", "MDT", "SUBMITTED", "RESERVED", "START_REVIEW", {}, { stage: "UNDER_REVIEW", quota: "RESERVED", change: "NONE" }],
  ["GENE_TEST.流程.2 确认保单权益 我司服务人员确认被保险人的保单身份、保障及服务内容", "GENE_TEST", "SUBMITTED", "RESERVED", "START_REVIEW", {}, { stage: "UNDER_REVIEW", quota: "RESERVED", change: "NONE" }],
  ["GENE_TEST.流程.3 资料提供、确认需求 我司服务人员协助被保险人提供病历资料，确认病情及检测项目", "GENE_TEST", "UNDER_REVIEW", "RESERVED", "APPROVE", {}, { stage: "APPROVED", quota: "RESERVED", change: "NONE" }],
  ["GENE_TEST.流程.5 样本送检 采集样本送至指定实验室", "GENE_TEST", "SAMPLE_COLLECTION", "RESERVED", "START", {}, { stage: "IN_PROGRESS", quota: "RESERVED", change: "NONE" }],
  ["JAPAN.流程.7 医疗签证办理完毕，服务商协助安排赴日机票、住宿及行程", "JAPAN_CARE", "AWAITING_VISA", "RESERVED", "RECORD_VISA_ISSUED", { documents: ["HOSPITAL_ACCEPTANCE_LETTER"] }, { stage: "VISA_ISSUED", quota: "RESERVED", change: "NONE" }],
  ["JAPAN.流程.10 被保险人抵达日本医院就诊", "JAPAN_CARE", "SCHEDULED", "RESERVED", "START", { documents: ["DIRECT_BILLING_AUTHORIZATION", "CLAIM_AUTHORIZATION"] }, { stage: "IN_PROGRESS", quota: "RESERVED", change: "NONE" }],
  ["a consumed case is not consumed twice", "INPATIENT_ADVANCE", "SCHEDULED", "CONSUMED", "RECORD_NO_SHOW", {}, { stage: "NO_SHOW", quota: "CONSUMED", change: "NONE" }],
];

describe("decideTransition", () => {
  it.each(rows)("%s", (_name, service, stage, quota, action, extra, expected) => {
    const decision = decideTransition(
      { service, stage, step: 3, quotaEffect: quota, documents: extra.documents ?? [], accompanimentHours: extra.used ?? 0, scheduledFor: extra.appointment ?? null, policy: { status: "ACTIVE", effectiveFrom: "2025-07-01", effectiveTo: extra.policyEndsOn ?? "2026-06-30", waitingPeriodEndsOn: "2025-09-28" } },
      { action, occurredOn: "2026-03-02", scheduledFor: extra.scheduledFor ?? null, accompanimentHours: extra.hours ?? null, byProxy: extra.proxy },
    );
    if (typeof expected === "string") {
      expect(decision.ok).toBe(false);
      if (!decision.ok) expect(decision.problems[0]?.code).toBe(expected);
    } else {
      expect(decision).toMatchObject({ ok: true, stage: expected.stage, quotaEffect: expected.quota, quotaChange: expected.change });
    }
  });

  it("an ending stays at the handbook row the case closed from; other stages show their own", () => {
    const closing = decideTransition(
      { service: "JAPAN_CARE", stage: "AWAITING_VISA", step: 6, quotaEffect: "RESERVED", documents: [], accompanimentHours: 0, scheduledFor: null },
      { action: "RECORD_INSURED_FAILURE", occurredOn: "2026-03-02", scheduledFor: null, accompanimentHours: null },
    );
    expect(closing).toMatchObject({ ok: true, status: "NO_SHOW", step: 6 });
    const moving = decideTransition(
      { service: "JAPAN_CARE", stage: "APPROVED", step: 4, quotaEffect: "RESERVED", documents: [], accompanimentHours: 0, scheduledFor: null },
      { action: "NOTIFY_START", occurredOn: "2026-03-02", scheduledFor: null, accompanimentHours: null },
    );
    expect(moving).toMatchObject({ ok: true, status: "APPROVED", step: 5, records: ["START_NOTICE"] });
  });
});

describe("the workflow definitions", () => {
  it.each(SERVICE_CODES.map((s) => [s]))("%s: every stage is reached (or kept for older cases), and an ending is reachable from every open stage", (service) => {
    expect(workflowProblems(workflowOf(service))).toEqual([]);
  });

  it("a definition with an orphan stage, a dead end or an unknown stage does not load", () => {
    const base = workflowOf("SECOND_OPINION");
    const orphan = { ...base, stages: [...base.stages, { stage: "VISA_ISSUED" as const, status: "APPROVED" as const, step: 4, name: { zh: "孤立", en: "orphan" } }] };
    expect(() => defineWorkflow(orphan)).toThrow(/VISA_ISSUED is reached by no action/);
    const deadEnd = { ...base, actions: base.actions.filter((a) => a.action !== "COMPLETE" && a.action !== "CANCEL") };
    expect(workflowProblems(deadEnd)).toContain("no ending can be reached from SCHEDULED");
    const unknown = { ...base, actions: [...base.actions, { action: "START" as const, from: ["ADMITTED" as const], to: "IN_PROGRESS" as const, clause: "x" }] };
    expect(workflowProblems(unknown)).toContain("START names ADMITTED, which is not a stage");
    const stale = { ...base, stages: base.stages.map((s) => (s.stage === "REJECTED" ? { ...s, legacy: true as const } : s)) };
    expect(workflowProblems(stale)).toContain("REJECTED is marked legacy but an action reaches it");
  });

  it.each(SERVICE_CODES.map((s) => [s]))("%s: one rule per action and stage (the first match would hide another)", (service) => {
    const seen = new Set<string>();
    for (const rule of workflowOf(service).actions) {
      for (const from of rule.from) {
        // A rule without a day condition holds on every day, so it collides with either.
        for (const day of rule.when ? [rule.when] : ["BEFORE_APPOINTMENT_DAY", "ON_OR_AFTER_APPOINTMENT_DAY"]) {
          const key = `${rule.action}@${from}@${day}`;
          expect(seen.has(key), key).toBe(false);
          seen.add(key);
        }
      }
    }
  });

  it("every action of the contract's enum is some service's step", () => {
    const used = new Set(SERVICE_CODES.flatMap((s) => workflowOf(s).actions.map((r) => r.action)));
    expect(CASE_ACTIONS.filter((a) => !used.has(a))).toEqual([]);
  });
});
