import { GraphQLError } from "graphql";
import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import type { Context } from "../../context/context.js";
import { hospitalCount, hospitalPage } from "../../db/queries/networks.js";
import { serviceByCode } from "../../rules/catalogue/catalogue.js";
import type { ServiceCode } from "../../rules/catalogue/codes.js";
import { answerCoverage } from "../../rules/network/answer-coverage.js";
import { heldIn } from "../../rules/network/check-coverage.js";
import { resolvePlace } from "../../rules/network/region-index.js";
import { ServiceCodeEnum } from "../../schema/catalogue/catalogue.enums.js";
import { CoverageResult } from "../../schema/network/coverage-result.type.js";
import { HospitalConnection, HospitalFilter } from "../../schema/network/hospital.type.js";
import { Region } from "../../schema/network/region.type.js";
import { Connection, decodeCursor, encodeCursor, pageSize } from "../shared/pagination.js";
import { presentHospital, presentRegion } from "./present-network.js";

@Resolver()
export class NetworkResolver {
  @Query(() => CoverageResult, {
    description:
      "Is a place in a service's network? Accepts 襄阳, 襄阳市, 襄樊, 白沙 (白沙黎族自治县), a GB/T 2260 code; a name with several readings answers for the one the network lists, with the others as candidates. Never an error for an unknown place. Public.",
  })
  async coverage(
    @Arg("service", () => ServiceCodeEnum) service: ServiceCode,
    @Arg("place", () => String) place: string,
    @Ctx() ctx: Context,
  ): Promise<CoverageResult> {
    const index = ctx.reference.regions;
    const lookup = resolvePlace(index, place);
    const definition = serviceByCode(service);
    const listed = definition.network === "CITY_LIST" && lookup.kind !== "UNKNOWN" ? await ctx.loaders.networkCodesByService.load(service) : new Set<string>();
    const answer = answerCoverage(definition, place, lookup, index, listed);
    return { service, query: place, covered: answer.covered, region: answer.region && presentRegion(answer.region, index), candidates: answer.candidates.map((r) => presentRegion(r, index)), heldIn: heldIn(definition, index).map((r) => presentRegion(r, index)), note: answer.note };
  }

  @Query(() => [Region], { description: "The divisions a city-list service names, optionally in one province. Public." })
  async coveredRegions(
    @Arg("service", () => ServiceCodeEnum) service: ServiceCode,
    @Arg("provinceCode", () => String, { nullable: true }) provinceCode: string | null,
    @Ctx() ctx: Context,
  ): Promise<Region[]> {
    const index = ctx.reference.regions;
    const codes = await ctx.loaders.networkCodesByService.load(service);
    return [...codes]
      .map((code) => index.byCode.get(code))
      .filter((r) => r !== undefined && (!provinceCode || r.provinceCode === provinceCode))
      .sort((a, b) => a!.code.localeCompare(b!.code))
      .map((r) => presentRegion(r!, index));
  }

  @Query(() => HospitalConnection, { description: "Network hospitals (MDT, Japan), filtered; search covers zh, ja and aliases. Public." })
  async hospitals(
    @Arg("first", () => Int, { nullable: true }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("filter", () => HospitalFilter, { nullable: true }) filter: HospitalFilter | null,
    @Ctx() ctx: Context,
  ): Promise<HospitalConnection> {
    const limit = pageSize(first);
    const afterId = decodeCursor("hospital", after);
    const query = { service: filter?.service, country: filter?.country, city: filter?.city, search: filter?.search };
    if ((filter?.search?.length ?? 0) > 100) throw new GraphQLError("search is at most 100 characters", { extensions: { code: "BAD_USER_INPUT" } });
    const rows = await hospitalPage(ctx.db, { ...query, afterId, limit: limit + 1 });
    const edges = rows.slice(0, limit).map((row) => ({ cursor: encodeCursor("hospital", row.id), node: presentHospital(row) }));
    return new Connection(
      edges,
      { hasNextPage: rows.length > limit, hasPreviousPage: afterId !== null, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
      () => hospitalCount(ctx.db, query),
    );
  }
}

