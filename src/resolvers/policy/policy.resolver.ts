import type { GraphQLResolveInfo } from "graphql";
import { Arg, Authorized, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../context/context.js";
import { BENEFIT_CODES, type BenefitCode } from "../../rules/catalogue/codes.js";
import { BenefitCodeEnum } from "../../schema/catalogue/catalogue.enums.js";
import { Entitlement } from "../../schema/entitlement/entitlement.type.js";
import { Diagnosis } from "../../schema/policy/diagnosis.type.js";
import { Person } from "../../schema/policy/person.type.js";
import { PolicyFilter, RecordDiagnosisInput, UpsertPolicyInput } from "../../schema/policy/policy.inputs.js";
import { PolicyConnection, PolicyEdge, PolicyPayload } from "../../schema/policy/policy.payloads.js";
import { Policy } from "../../schema/policy/policy.type.js";
import { DateScalar } from "../../schema/shared/scalars.js";
import { findPolicy } from "./find-policy.js";
import { DIAGNOSIS_ROWS } from "../../db/queries/policies.js";
import { serviceInScope } from "../../rules/access/row-scope.js";
import { benefitByCode } from "../../rules/catalogue/catalogue.js";
import { listPolicies } from "./list-policies.js";
import { connection } from "../case/list-cases.js";
import { AnswersInSql, CASES_IN_SQL, ENTITLEMENTS_IN_SQL, POLICY_EDGES_IN_SQL, policyCasesPage, ReadsPolicyLists } from "./plan-policy-children.js";
import { ServiceCaseConnection } from "../../schema/case/service-case.type.js";
import { CaseStatusEnum } from "../../schema/case/case.enums.js";
import type { CaseStatus } from "../../rules/case-workflow/codes.js";
import { presentEntitlement } from "./present-entitlement.js";
import { presentPerson } from "./present-policy.js";
import { recordDiagnosis } from "./record-diagnosis.js";
import { upsertPolicy } from "./upsert-policy.js";
import { POLICY_MESSAGES, RECORD_DIAGNOSIS_CODES, UPSERT_POLICY_CODES } from "../../rules/policy/policy-codes.js";
import { describeCodes, withCodes } from "../../rules/shared/outcome-codes.js";

@Resolver(() => PolicyConnection)
export class PolicyConnectionResolver {
  /** The page's edges; a selection of only policy fields from their columns and lists answered in SQL is answered as one text (record 0098). */
  @FieldResolver(() => [PolicyEdge])
  @AnswersInSql(POLICY_EDGES_IN_SQL)
  edges(@Root() connection: PolicyConnection): PolicyEdge[] {
    return connection.edges;
  }
}

@Resolver(() => Policy)
export class PolicyResolver {
  @Authorized("ADMIN", "OPERATOR", "INSURED")
  @Query(() => Policy, { nullable: true, description: "One policy by number (an insured: its own only). 按保单号查询。" })
  policy(@Arg("policyNo", () => String) policyNo: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Policy | null> {
    return findPolicy(ctx, policyNo, info);
  }

  @Authorized("ADMIN", "OPERATOR", "INSURED")
  @Query(() => PolicyConnection, { description: "Policies in policy-number order (Relay connection; first ≤ 100); an insured sees its own." })
  policies(
    @Arg("first", () => Int, { nullable: true }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("filter", () => PolicyFilter, { nullable: true }) filter: PolicyFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PolicyConnection> {
    return listPolicies(ctx, first, after, filter, info);
  }

  @FieldResolver(() => Person)
  async insured(@Root() policy: Policy, @Ctx() ctx: Context): Promise<Person> {
    return presentPerson((await ctx.loaders.personById.load(policy.insuredId))!);
  }

  @FieldResolver(() => Person)
  async policyholder(@Root() policy: Policy, @Ctx() ctx: Context): Promise<Person> {
    return presentPerson((await ctx.loaders.personById.load(policy.policyholderId))!);
  }

  @FieldResolver(() => [Diagnosis])
  @ReadsPolicyLists(() => ({ lists: [DIAGNOSIS_ROWS] }))
  diagnoses(@Root() policy: Policy, @Ctx() ctx: Context): Promise<Diagnosis[]> {
    return ctx.loaders.visibleDiagnosesByPolicyId(policy.rowId) as Promise<Diagnosis[]>;
  }

  @FieldResolver(() => [Entitlement], { description: "The benefits on the policy, with quota and eligibility on asOf (default today)." })
  @ReadsPolicyLists((_field, ctx) => ({ lists: [ctx.loaders.entitlementRows], below: true }))
  @AnswersInSql(ENTITLEMENTS_IN_SQL)
  async entitlements(
    @Root() policy: Policy,
    @Arg("asOf", () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<Entitlement[]> {
    const rows = await ctx.loaders.entitlementsByPolicyId.load(policy.rowId);
    const on = asOf ?? ctx.today;
    const listed: Entitlement[] = [];
    for (const code of BENEFIT_CODES) {
      const row = rows.find((r) => r.benefitCode === code);
      if (row) listed.push(presentEntitlement(policy, row, code, on));
    }
    return listed;
  }

  @FieldResolver(() => Entitlement, {
    nullable: true,
    description: "One benefit, also when the policy does not list it (then BENEFIT_NOT_ON_POLICY says so).",
  })
  @ReadsPolicyLists((_field, ctx) => ({ lists: [ctx.loaders.entitlementRows], below: true }))
  async entitlement(
    @Root() policy: Policy,
    @Arg("benefit", () => BenefitCodeEnum) benefit: BenefitCode,
    @Arg("asOf", () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<Entitlement | null> {
    if (!serviceInScope(ctx.loaders.scope, benefitByCode(benefit).service.code)) return null;
    const rows = await ctx.loaders.entitlementsByPolicyId.load(policy.rowId);
    return presentEntitlement(policy, rows.find((r) => r.benefitCode === benefit) ?? null, benefit, asOf ?? ctx.today);
  }

  @FieldResolver(() => ServiceCaseConnection, { description: "The policy's cases, newest first." })
  @ReadsPolicyLists((field, ctx, info) => ({ lists: [ctx.loaders.casePageRows(policyCasesPage(ctx, info, field.nodes, field.args))] }))
  @AnswersInSql(CASES_IN_SQL)
  async cases(
    @Root() policy: Policy,
    @Arg("first", () => Int, { nullable: true }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("status", () => [CaseStatusEnum], { nullable: true }) status: CaseStatus[] | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ServiceCaseConnection> {
    const page = policyCasesPage(ctx, info, info.fieldNodes, { first, after, status });
    const rows = await ctx.loaders.casesByPolicy.load({ policyId: policy.rowId, ...page });
    const limit = page.limit - 1;
    return connection(rows.slice(0, limit), rows.length > limit, page.beforeCaseNo !== null, () =>
      ctx.loaders.caseTotalByPolicy.load({ policyId: policy.rowId, statuses: status }),
    );
  }

  @Authorized("ADMIN", "OPERATOR")
  @Mutation(() => PolicyPayload, { description: withCodes("Create or replace a policy by number (ADMIN, OPERATOR). 新增/更新保单。", describeCodes(POLICY_MESSAGES, UPSERT_POLICY_CODES)) })
  upsertPolicy(@Arg("input", () => UpsertPolicyInput) input: UpsertPolicyInput, @Ctx() ctx: Context): Promise<PolicyPayload> {
    return upsertPolicy(ctx, input);
  }

  @Authorized("ADMIN", "OPERATOR")
  @Mutation(() => PolicyPayload, { description: withCodes("Record a first diagnosis on a policy (ADMIN, OPERATOR). 录入诊断。", describeCodes(POLICY_MESSAGES, RECORD_DIAGNOSIS_CODES)) })
  recordDiagnosis(@Arg("input", () => RecordDiagnosisInput) input: RecordDiagnosisInput, @Ctx() ctx: Context): Promise<PolicyPayload> {
    return recordDiagnosis(ctx, input);
  }
}
