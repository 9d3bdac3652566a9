// Handbook 2022 §家庭医生: 服务介绍, 服务标准, 服务流程, 温馨提示.
// Its workflow, 服务流程: 1 访问路径, 2 开始咨询. Unlimited, 7×24, no review and no clock; a
// consultation is a case only so that its use is recorded.
import type { ServiceDefinition } from "../catalogue/service-definition.js";
import { t } from "../catalogue/text.js";
import { clauseText, stepRemark, stepTitle } from "../handbook/clauses.js";
import type { Workflow } from "../case-workflow/workflow-definition.js";
import { defineWorkflow } from "../case-workflow/check-workflow.js";
import { CANCELLED, legacy, NO_SHOW, openingStages, REJECTED } from "./builders.js";
import type { HandbookService } from "./service.js";

const catalogue: ServiceDefinition = {
  code: "FAMILY_DOCTOR",
  name: t("家庭医生", "Online family doctor"),
  description: t(
    clauseText("FAMILY_DOCTOR.介绍.1"),
    "A dedicated family-doctor team, online 7×24, gives the insured and family unlimited professional answers by picture, text and other means, safeguarding their health in every respect.",
  ),
  network: "ONLINE",
  benefits: [
    {
      code: "FAMILY_DOCTOR",
      name: t("家庭医生咨询", "Family-doctor consultations"),
      quota: null,
      standard: true,
      requiredDiagnosis: "NONE", // no 服务条件: open to the insured and family (服务介绍)
      requiredDocuments: [],
    },
  ],
  steps: [
    {
      order: 1,
      name: t(stepTitle("FAMILY_DOCTOR.流程.1"), "Open the service"),
      description: t(
        stepRemark("FAMILY_DOCTOR.流程.1"),
        "The insured opens the “AXA Health Online” (安盛健康在线) mini-program from the service menu of the “AXA Tianping Insurance” WeChat official account and logs in after authorising their information.",
      ),
    },
    {
      order: 2,
      name: t(stepTitle("FAMILY_DOCTOR.流程.2"), "Start a consultation"),
      description: t(stepRemark("FAMILY_DOCTOR.流程.2"), "Tap the family-doctor button to start a consultation."),
    },
  ],
  // The section gives no working-day time limit (its 服务标准 is only the hours) and asks for no documents.
  slas: [],
  requiredDocuments: [],
  notes: [
    t(
      clauseText("FAMILY_DOCTOR.提示.1"),
      "The health and medical advice and answers given in this service are personal advice and experience; they cannot replace a face-to-face diagnosis by a licensed physician. Please refer to them with care.",
    ),
    t(
      clauseText("FAMILY_DOCTOR.提示.2"),
      "In certain situations, to protect your lawful rights, you must follow our prompts and provide information including but not limited to your real name and a valid ID for real-name verification. Without it, some core family-doctor functions such as online consultation and drug recommendations may not work normally, but basic browsing and search are not affected.",
    ),
    t(
      clauseText("FAMILY_DOCTOR.提示.3"),
      "Internet medical services on the platform follow the Internet Hospital Administration Measures (Trial) and other laws and regulations: they are follow-up consultations for patients already clearly diagnosed in a physical medical institution with one or more common or chronic diseases. The internet hospital's doctors may decline to consult or prescribe for: (1) first-visit patients; (2) acute, critical or severe cases; (3) infants, pregnant and postpartum women and other patients whose condition changes fast or whose history is hard to take; (4) young children (under 6) without a guardian and a professional physician; (5) other conditions outside the scope of the platform's internet-hospital outpatient service.",
    ),
    t(
      clauseText("FAMILY_DOCTOR.提示.4"),
      "First-visit patients should go to a physical medical institution. The platform's internet-hospital outpatient service does not provide treatment, laboratory tests, radiology or other in-person services; please seek treatment at a physical medical institution.",
    ),
  ],
};

const consult = { clause: "FAMILY_DOCTOR.流程.2" };

const workflow: Workflow = defineWorkflow({
  service: "FAMILY_DOCTOR",
  stages: [
    ...openingStages(1),
    legacy({ stage: "SCHEDULED", status: "SCHEDULED", step: 1, name: t("已预约", "Booked") }),
    { stage: "IN_PROGRESS", status: "IN_PROGRESS", step: 2, name: t("咨询中", "Consultation in progress") },
    { stage: "COMPLETED", status: "COMPLETED", step: 2, name: t("咨询结束", "Consultation over") },
    legacy(REJECTED), CANCELLED, legacy(NO_SHOW),
  ],
  actions: [
    { action: "START", from: ["SUBMITTED", "SCHEDULED"], to: "IN_PROGRESS", records: ["STARTED"], quota: "CONSUME", ...consult },
    { action: "COMPLETE", from: ["IN_PROGRESS"], to: "COMPLETED", records: ["COMPLETED"], ...consult },
    { action: "CANCEL", from: ["SUBMITTED", "AWAITING_DOCUMENTS", "SCHEDULED"], to: "CANCELLED", quota: "RELEASE", ...consult },
  ],
  readings: [
    {
      clause: "FAMILY_DOCTOR.流程.2",
      sentence: stepRemark("FAMILY_DOCTOR.流程.2"),
      reading: "A consultation is a case only so that its use is recorded (START); the handbook gives no review, documents or clock.",
    },
  ],
});

// FAMILY_DOCTOR.介绍.1: for the insured and the insured's family.
export const familyDoctorService: HandbookService = { code: "FAMILY_DOCTOR", catalogue, workflow, submission: { familyMayApply: true } };
