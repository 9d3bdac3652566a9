import type { GraphQLResolveInfo } from "graphql";
import { Arg, Authorized, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../context/context.js";
import { canSeeCase } from "../../rules/access/case-scope.js";
import { withoutDiagnosisFacts } from "../../rules/access/partner-disclosure.js";
import { toUserErrors } from "../shared/user-errors.js";
import { Partner } from "../../schema/access/partner.type.js";
import { presentPartner } from "../access/present-partner.js";
import { benefitByCode } from "../../rules/catalogue/catalogue.js";
import type { DocumentKind, ServiceCode } from "../../rules/catalogue/codes.js";
import type { CaseMilestone, CaseStatus } from "../../rules/case-workflow/codes.js";
import { missingDocuments } from "../../rules/case-workflow/missing-documents.js";
import type { CareKind, CaseDetail } from "../../rules/case-workflow/submission-rules.js";
import { handbookService } from "../../rules/services/index.js";
import { workflowOf } from "../../rules/case-workflow/decide-transition.js";
import { clockOn } from "../../rules/sla/case-clocks.js";
import { AssignCaseInput, AddCaseDocumentsInput, CaseFilter, CasePayload, SubmitCaseInput, SubmitCasePayload, TransitionCaseInput } from "../../schema/case/case.inputs.js";
import { AdvancePayment, CaseDocument, CaseEvent, CaseMilestoneView, CaseStageView, GreenChannelVisit, MdtPanel, ServiceCase, ServiceCaseConnection, SlaClock } from "../../schema/case/service-case.type.js";
import { DocumentKindEnum } from "../../schema/catalogue/catalogue.enums.js";
import { ServiceStep } from "../../schema/catalogue/service-step.type.js";
import { Service } from "../../schema/catalogue/service.type.js";
import { Policy } from "../../schema/policy/policy.type.js";
import { Hospital } from "../../schema/network/hospital.type.js";
import { Region } from "../../schema/network/region.type.js";
import { presentHospital, presentRegion } from "../network/present-network.js";
import { serviceView } from "../catalogue/present-service.js";
import { presentPolicy } from "../policy/present-policy.js";
import { forbidden } from "../shared/forbidden.js";
import { addCaseDocuments } from "./add-case-documents.js";
import { listCases } from "./list-cases.js";
import { presentCase } from "./present-case.js";
import { caseTimeline } from "../../services/case-clocks.js";
import { submitCase } from "./submit-case.js";
import { transitionCase } from "./transition-case.js";
import { assignCaseToPartner } from "./assign-case.js";
import { ASSIGN_CASE_CODES, ADD_CASE_DOCUMENTS_CODES, CASE_MESSAGES, SUBMIT_CASE_CODES, TRANSITION_CASE_CODES } from "../../rules/case-workflow/case-codes.js";
import { ELIGIBILITY_REASON_CODES, REASON_MESSAGES } from "../../rules/eligibility/reason-codes.js";
import { describeCodes, withCodes } from "../../rules/shared/outcome-codes.js";

const TRANSITION_CASE_DESCRIPTION = withCodes(
  "Move a case one step (optimistic concurrency on expectedVersion). 案件流转。",
  describeCodes(CASE_MESSAGES, TRANSITION_CASE_CODES),
  "\n`{serviceRule}` is the service's own rule in the handbook's words (e.g. a gene test cannot be cancelled once sample collection has started).",
);

const SUBMIT_CASE_DESCRIPTION = withCodes(
  "Open a case (idempotent per key; dryRun writes nothing). 提交服务申请。",
  describeCodes(CASE_MESSAGES, SUBMIT_CASE_CODES),
  "\nAn ineligible application answers with its eligibility reasons (as in `eligibility.reasons`):",
  describeCodes(REASON_MESSAGES, ELIGIBILITY_REASON_CODES, "date"),
);

@Resolver(() => ServiceCase)
export class CaseResolver {
  @Authorized("ADMIN", "OPERATOR", "INSURED", "PARTNER")
  @Query(() => ServiceCase, { nullable: true, description: "One case by number. 按案件号查询。" })
  async serviceCase(@Arg("caseNo", () => String) caseNo: string, @Ctx() ctx: Context): Promise<ServiceCase | null> {
    const row = await ctx.loaders.caseByNo.load(caseNo);
    if (!row) return null;
    const policy = await ctx.loaders.policyById.load(row.policyId);
    if (!canSeeCase(ctx.principal!, { policyNo: policy!.policyNo, serviceCode: row.serviceCode, partnerCode: row.partnerCode })) throw forbidden("this case is outside your scope");
    return presentCase(row);
  }

  @Authorized("ADMIN", "OPERATOR", "INSURED", "PARTNER")
  @Query(() => ServiceCaseConnection, { description: "Cases, newest first (Relay connection; first ≤ 100)." })
  serviceCases(
    @Arg("first", () => Int, { nullable: true }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("filter", () => CaseFilter, { nullable: true }) filter: CaseFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ServiceCaseConnection> {
    return listCases(ctx, first, after, filter, info);
  }

  @Authorized("ADMIN", "OPERATOR", "INSURED", "PARTNER")
  @Mutation(() => SubmitCasePayload, { description: SUBMIT_CASE_DESCRIPTION })
  async submitCase(@Arg("input", () => SubmitCaseInput) input: SubmitCaseInput, @Ctx() ctx: Context): Promise<SubmitCasePayload> {
    const payload = await submitCase(ctx, input);
    // a partner is told whether it may submit, never the diagnosis facts behind it
    return ctx.principal?.role === "PARTNER" ? withoutDiagnosisFacts(payload) : payload;
  }

  @Authorized("ADMIN", "OPERATOR", "INSURED", "PARTNER")
  @Mutation(() => CasePayload, { description: withCodes("Attach documents; complete documents start the SLA clocks. 补充资料。", describeCodes(CASE_MESSAGES, ADD_CASE_DOCUMENTS_CODES)) })
  addCaseDocuments(@Arg("input", () => AddCaseDocumentsInput) input: AddCaseDocumentsInput, @Ctx() ctx: Context): Promise<CasePayload> {
    return addCaseDocuments(ctx, input);
  }

  @Authorized("ADMIN", "OPERATOR")
  @Mutation(() => CasePayload, {
    description: withCodes("Hand a case to a partner contracted for its service: from then that partner reads and moves it (ADMIN, OPERATOR). 指派服务商。", describeCodes(CASE_MESSAGES, ASSIGN_CASE_CODES)),
  })
  assignCaseToPartner(@Arg("input", () => AssignCaseInput) input: AssignCaseInput, @Ctx() ctx: Context): Promise<CasePayload> {
    return assignCaseToPartner(ctx, input);
  }

  @Authorized("ADMIN", "OPERATOR", "PARTNER")
  @Mutation(() => CasePayload, { description: TRANSITION_CASE_DESCRIPTION })
  transitionCase(@Arg("input", () => TransitionCaseInput) input: TransitionCaseInput, @Ctx() ctx: Context): Promise<CasePayload> {
    return transitionCase(ctx, input);
  }

  @FieldResolver(() => Policy)
  async policy(@Root() c: ServiceCase, @Ctx() ctx: Context): Promise<Policy> {
    return presentPolicy((await ctx.loaders.policyById.load(c.policyId))!);
  }

  @FieldResolver(() => Partner, { nullable: true, description: "The partner the case is in the hands of (who submitted it); null for none." })
  async partner(@Root() c: ServiceCase, @Ctx() ctx: Context): Promise<Partner | null> {
    if (!c.partnerCode) return null;
    const row = await ctx.loaders.partnerByCode.load(c.partnerCode);
    return row ? presentPartner(row) : null;
  }

  @FieldResolver(() => Service)
  service(@Root() c: ServiceCase): Service {
    return serviceView(c.serviceCode as ServiceCode);
  }

  @FieldResolver(() => ServiceStep, { description: "Where the case stands in the handbook's 服务流程." })
  step(@Root() c: ServiceCase): ServiceStep {
    return serviceView(c.serviceCode as ServiceCode).steps[c.stepOrder - 1]!;
  }

  @FieldResolver(() => CaseStageView, { name: "stage", description: "Where the case stands in its service's own workflow (docs/workflows.md). 当前阶段。" })
  stageInfo(@Root() c: ServiceCase): CaseStageView {
    // A case from before its service had this workflow may stand at a status the workflow has no stage for.
    const stage = workflowOf(c.serviceCode as ServiceCode).stages.find((s) => s.stage === c.stage);
    return stage ? { code: c.stage, name: stage.name, status: stage.status } : { code: c.stage, name: { zh: c.stage, en: c.stage }, status: c.status };
  }

  @FieldResolver(() => [CaseDocument])
  async documents(@Root() c: ServiceCase, @Ctx() ctx: Context): Promise<CaseDocument[]> {
    return (await ctx.loaders.documentsByCaseId.load(c.rowId)).map((d) => ({ kind: d.kind as DocumentKind, reference: d.reference, receivedAt: d.receivedAt }));
  }

  @FieldResolver(() => [DocumentKindEnum], { description: "What the benefit still needs before the SLA clocks may start." })
  async missingDocuments(@Root() c: ServiceCase, @Ctx() ctx: Context): Promise<DocumentKind[]> {
    const [documents, diagnoses, row] = await Promise.all([
      ctx.loaders.documentsByCaseId.load(c.rowId),
      ctx.loaders.diagnosesByPolicyId.load(c.policyId),
      ctx.loaders.caseByNo.load(c.caseNo),
    ]);
    return missingDocuments({
      benefit: benefitByCode(c.benefit).benefit,
      careKind: (row?.careKind ?? null) as CareKind | null,
      hasMalignantTumor: diagnoses.some((d) => d.category === "MALIGNANT_TUMOR"),
      received: documents.map((d) => d.kind as DocumentKind),
    });
  }

  @FieldResolver(() => [SlaClock], { description: "Every SLA clock of the case as stored with its last change, read as of today." })
  async sla(@Root() c: ServiceCase, @Ctx() ctx: Context): Promise<SlaClock[]> {
    return (await ctx.loaders.clocksByCaseId.load(c.rowId)).map((stored) => clockOn(stored, ctx.today, ctx.reference.calendar));
  }

  @FieldResolver(() => [CaseMilestoneView], { description: "The workflow's milestones this case has reached, in order. 已完成的节点。" })
  async milestones(@Root() c: ServiceCase, @Ctx() ctx: Context): Promise<CaseMilestoneView[]> {
    const row = (await ctx.loaders.caseByNo.load(c.caseNo))!;
    const timeline = caseTimeline(row);
    return Object.entries(timeline)
      .map(([code, on]) => ({ code: code as CaseMilestone, reachedOn: on! }))
      .sort((a, b) => (a.reachedOn < b.reachedOn ? -1 : a.reachedOn > b.reachedOn ? 1 : 0));
  }

  @FieldResolver(() => GreenChannelVisit, { nullable: true, description: "Green channel 服务流程 2: inpatient or surgery, the hospital and department asked for (no doctor can be named)." })
  async visit(@Root() c: ServiceCase, @Ctx() ctx: Context): Promise<GreenChannelVisit | null> {
    if (!carries(c, "VISIT")) return null;
    const row = (await ctx.loaders.caseByNo.load(c.caseNo))!;
    return { careKind: row.careKind as CareKind | null, hospitalName: row.hospitalName, department: row.department };
  }

  @FieldResolver(() => AdvancePayment, { nullable: true, description: "Advance payment 温馨提示 4: out of area or not, and the share advanced." })
  async advance(@Root() c: ServiceCase, @Ctx() ctx: Context): Promise<AdvancePayment | null> {
    if (!carries(c, "ADVANCE")) return null;
    const row = (await ctx.loaders.caseByNo.load(c.caseNo))!;
    return { outOfArea: row.outOfArea, sharePercent: row.advanceSharePercent };
  }

  @FieldResolver(() => MdtPanel, { nullable: true, description: "MDT: the panel's departments, recorded when the consultation is arranged (SCHEDULE)." })
  async mdtPanel(@Root() c: ServiceCase, @Ctx() ctx: Context): Promise<MdtPanel | null> {
    if (!carries(c, "MDT_PANEL")) return null;
    const row = (await ctx.loaders.caseByNo.load(c.caseNo))!;
    return row.panelDepartments ? { departments: row.panelDepartments } : null;
  }

  @FieldResolver(() => Region, { nullable: true, description: "The place of treatment as understood (GB/T 2260)." })
  async place(@Root() c: ServiceCase, @Ctx() ctx: Context): Promise<Region | null> {
    const row = (await ctx.loaders.caseByNo.load(c.caseNo))!;
    const region = row.placeCode ? ctx.reference.regions.byCode.get(row.placeCode) : undefined;
    return region ? presentRegion(region, ctx.reference.regions) : null;
  }

  @FieldResolver(() => Hospital, { nullable: true })
  async hospital(@Root() c: ServiceCase, @Ctx() ctx: Context): Promise<Hospital | null> {
    const row = (await ctx.loaders.caseByNo.load(c.caseNo))!;
    const hospital = row.hospitalId ? await ctx.loaders.hospitalById.load(row.hospitalId) : null;
    return hospital ? presentHospital(hospital) : null;
  }

  @FieldResolver(() => [CaseEvent])
  async events(@Root() c: ServiceCase, @Ctx() ctx: Context): Promise<CaseEvent[]> {
    return (await ctx.loaders.eventsByCaseId.load(c.rowId)).map((e) => ({
      at: e.at,
      actor: e.actor,
      action: e.action,
      fromStatus: e.fromStatus as CaseStatus | null,
      toStatus: e.toStatus as CaseStatus,
      note: e.note,
    }));
  }
}

/** The case's service says its cases carry this detail (src/rules/services, `caseDetails`). */
function carries(c: ServiceCase, detail: CaseDetail): boolean {
  return handbookService(c.serviceCode as ServiceCode).caseDetails?.includes(detail) ?? false;
}
