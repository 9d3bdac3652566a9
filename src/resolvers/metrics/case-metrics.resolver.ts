import { GraphQLError } from "graphql";
import { Arg, Authorized, Ctx, Query, Resolver } from "type-graphql";
import type { Context } from "../../context/context.js";
import { CaseMetricDimensionEnum, CaseMetricsFilter, CaseMetricsRow, type CaseMetricDimension } from "../../schema/metrics/case-metrics.type.js";
import { computeCaseMetrics } from "../../services/case-metrics.js";

@Resolver()
export class CaseMetricsResolver {
  @Authorized("ANALYST", "OPERATOR", "ADMIN")
  @Query(() => [CaseMetricsRow], { description: "Case volumes, SLA attainment and turnaround, grouped (ANALYST, OPERATOR, ADMIN). 案件统计。" })
  async caseMetrics(
    @Arg("groupBy", () => [CaseMetricDimensionEnum]) groupBy: CaseMetricDimension[],
    @Arg("filter", () => CaseMetricsFilter, { nullable: true }) filter: CaseMetricsFilter | null,
    @Ctx() ctx: Context,
  ): Promise<CaseMetricsRow[]> {
    const result = await computeCaseMetrics(ctx.readDb, ctx.today, groupBy, filter);
    if (result.ok) return result.rows;
    throw new GraphQLError(result.refusal.message, { extensions: { code: result.refusal.code, argumentName: result.refusal.field } });
  }
}
