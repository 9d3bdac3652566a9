// A field that declares `@FromColumn("c")` is answered in SQL from column c as it is (records 0097,
// 0098), and field by field from what its presenter copies: the two must read the same column. Each
// presenter is given a row whose every column holds its own name (an entitlement's benefit a real
// code), and every declared field must come out as the column it names.
import { getNamedType, type GraphQLObjectType } from "graphql";
import { getTableColumns } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { CaseListRow } from "../src/db/queries/case-rows.js";
import type { EntitlementRow, PolicyRow } from "../src/db/queries/policies.js";
import { entitlements, policies, serviceCases } from "../src/db/schema/index.js";
import { getSchema } from "../src/graph/build-schema.js";
import { presentCase } from "../src/resolvers/case/present-case.js";
import { presentEntitlement } from "../src/resolvers/policy/present-entitlement.js";
import { presentPolicy } from "../src/resolvers/policy/present-policy.js";
import type { BenefitCode } from "../src/rules/catalogue/codes.js";

/** A row of `table` whose every column holds its own property name. */
const namedRow = (table: Parameters<typeof getTableColumns>[0]) => Object.fromEntries(Object.keys(getTableColumns(table)).map((column) => [column, `<${column}>`]));

const presenters: Record<string, () => { row: Record<string, unknown>; presented: Record<string, unknown> }> = {
  ServiceCase: () => {
    const row = namedRow(serviceCases);
    return { row, presented: presentCase(row as unknown as CaseListRow) as unknown as Record<string, unknown> };
  },
  Policy: () => {
    const row = namedRow(policies);
    return { row, presented: presentPolicy(row as unknown as PolicyRow) as unknown as Record<string, unknown> };
  },
  Entitlement: () => {
    // the benefit must be one of the catalogue's (its service is presented too)
    const row = { ...namedRow(entitlements), benefitCode: "FAMILY_DOCTOR" };
    const policy = presentPolicy(namedRow(policies) as unknown as PolicyRow);
    // as Policy.entitlements presents a row: under the row's own benefit code
    return { row, presented: presentEntitlement(policy, row as unknown as EntitlementRow, row.benefitCode as BenefitCode, "2026-01-01") as unknown as Record<string, unknown> };
  },
};

describe("every @FromColumn field is presented from the column it declares", () => {
  it("declares fields on every type a list answered in SQL reads", async () => {
    const schema = await getSchema();
    const declaring = Object.values(schema.getTypeMap())
      .filter((type): type is GraphQLObjectType => "getFields" in type && !type.name.startsWith("__"))
      .filter((type) => Object.values(type.getFields()).some((field) => typeof field.extensions.fromColumn === "string"))
      .map((type) => type.name);
    expect(declaring.sort()).toEqual(Object.keys(presenters).sort());
  });

  it.each(Object.keys(presenters))("%s", async (typeName) => {
    const type = (await getSchema()).getType(typeName) as GraphQLObjectType;
    const { row, presented } = presenters[typeName]!();
    const declared = Object.values(type.getFields()).filter((field) => typeof field.extensions.fromColumn === "string");
    expect(declared.length).toBeGreaterThan(1);
    for (const field of declared) {
      const column = field.extensions.fromColumn as string;
      expect(Object.keys(row), `${typeName}.${field.name} names a column of its table`).toContain(column);
      expect(presented[field.name], `${typeName}.${field.name} (${getNamedType(field.type).name}) from ${column}`).toBe(row[column]);
    }
  });
});
