import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { CLOSED_STATUSES } from "../../../rules/case-workflow/codes.js";
import { CLOSED, summaryFor, type PlaceColumn } from "./summaries.js";
import type { MetricDimension } from "./types.js";

describe("summaryFor: the smallest summary holding every place grouped or filtered by", () => {
  it.each<[MetricDimension[], PlaceColumn[], string]>([
    [[], [], "service"],
    [["SERVICE", "MONTH"], [], "service"],
    [["BENEFIT", "STATUS", "SLA_STATE", "MONTH"], [], "service"],
    [["PROVINCE", "SERVICE", "STATUS"], [], "region"],
    [["PARTNER"], [], "region"],
    [["SERVICE"], ["partner_code"], "region"],
    [["SERVICE"], ["province_code", "partner_code"], "region"],
    [["CITY", "MONTH"], [], "place"],
    [["SERVICE"], ["city_code"], "place"],
  ])("%j filtered by %j: %s", (groupBy, filters, name) => {
    expect(summaryFor(groupBy, filters).name).toBe(name);
  });

  it("writes the closed statuses from the rule's constant", () => {
    expect(new PgDialect().sqlToQuery(CLOSED).sql).toBe(`(${CLOSED_STATUSES.map((s) => `'${s}'`).join(", ")})`);
  });
});
