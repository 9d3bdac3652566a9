// Every service's workflow, by service code.
import type { ServiceCode } from "../../catalogue/codes.js";
import type { Workflow } from "../workflow-definition.js";
import { familyDoctorWorkflow } from "./family-doctor.js";
import { geneTestWorkflow } from "./gene-test.js";
import { greenChannelWorkflow } from "./green-channel.js";
import { inpatientAdvanceWorkflow } from "./inpatient-advance.js";
import { japanCareWorkflow } from "./japan-care.js";
import { mdtWorkflow } from "./mdt.js";
import { secondOpinionWorkflow } from "./second-opinion.js";

export const WORKFLOWS: Record<ServiceCode, Workflow> = {
  FAMILY_DOCTOR: familyDoctorWorkflow,
  GREEN_CHANNEL: greenChannelWorkflow,
  INPATIENT_ADVANCE: inpatientAdvanceWorkflow,
  SECOND_OPINION: secondOpinionWorkflow,
  MDT: mdtWorkflow,
  GENE_TEST: geneTestWorkflow,
  JAPAN_CARE: japanCareWorkflow,
};
