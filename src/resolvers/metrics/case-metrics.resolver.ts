import { Arg, Authorized, Ctx, Query, Resolver } from "type-graphql";
import type { Context } from "../../context/context.js";
import { CaseMetricDimensionEnum, CaseMetricsFilter, CaseMetricsRow, type CaseMetricDimension } from "../../schema/metrics/case-metrics.type.js";
import { computeCaseMetrics } from "./compute-case-metrics.js";

@Resolver()
export class CaseMetricsResolver {
  @Authorized("ANALYST", "OPERATOR", "ADMIN")
  @Query(() => [CaseMetricsRow], { description: "Case volumes, SLA attainment and turnaround, grouped (ANALYST, OPERATOR, ADMIN). 案件统计。" })
  caseMetrics(
    @Arg("groupBy", () => [CaseMetricDimensionEnum]) groupBy: CaseMetricDimension[],
    @Arg("filter", () => CaseMetricsFilter, { nullable: true }) filter: CaseMetricsFilter | null,
    @Ctx() ctx: Context,
  ): Promise<CaseMetricsRow[]> {
    return computeCaseMetrics(ctx.readDb, ctx.today, groupBy, filter);
  }
}
