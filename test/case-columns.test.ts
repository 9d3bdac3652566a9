// The columns a case list reads for a selection, from the fields' `reads` extensions (record 0095).
import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type GraphQLObjectType, type OperationDefinitionNode } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { getSchema } from "../src/graph/build-schema.js";
import { CASE_LIST_COLUMNS, caseListColumns, MAX_COLUMN_SETS } from "../src/db/queries/case-rows.js";
import { caseColumnsRead } from "../src/resolvers/case/list-cases.js";

let schema: Awaited<ReturnType<typeof getSchema>>;
beforeAll(async () => {
  schema = await getSchema();
});

/** The columns the first `serviceCases` field of `document` reads, as the resolver would compute them. */
function columnsOf(document: string, variableValues: Record<string, unknown> = {}, readAhead = true): readonly string[] {
  const ast = parse(document);
  const operation = ast.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(ast.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const field = operation.selectionSet.selections[0] as FieldNode;
  return caseColumnsRead({ readAhead, loaders: { caseColumnsBySelection: new WeakMap() } as never }, { schema, fragments, variableValues }, [field]);
}

describe("the columns a case list reads", () => {
  it("reads the console page's four fields and the list's keys, nothing else", () => {
    expect(columnsOf(`{ serviceCases(first: 5) { edges { cursor node { caseNo status benefit submittedAt } } pageInfo { hasNextPage } totalCount } }`)).toEqual([
      "id",
      "caseNo",
      "benefitCode",
      "status",
      "submittedAt",
      "partnerCode",
    ]);
  });

  it("follows fragments and inline fragments, leaves out what @skip removes, and ignores __typename", () => {
    const document = `query($skip: Boolean!) { serviceCases { edges { node { __typename ...F ... on ServiceCase { version } closedAt @skip(if: $skip) } } } }
      fragment F on ServiceCase { id quotaEffect }`;
    expect(columnsOf(document, { skip: true })).toEqual(["id", "caseNo", "quotaEffect", "version", "partnerCode"]);
    expect(columnsOf(document, { skip: false })).toContain("closedAt");
  });

  it("reads the whole list row when a selected field declares no columns (a field resolver such as stage)", () => {
    expect(columnsOf(`{ serviceCases { edges { node { caseNo stage { code } } } } }`)).toBe(CASE_LIST_COLUMNS);
    expect(columnsOf(`{ serviceCases { edges { node { caseNo partner { code } } } } }`)).toBe(CASE_LIST_COLUMNS);
  });

  it("reads the whole list row on the reference path, which the faster one is compared with", () => {
    expect(columnsOf(`{ serviceCases { edges { node { caseNo } } } }`, {}, false)).toBe(CASE_LIST_COLUMNS);
  });

  it("gives one array per set of columns, so statements and loader keys are shared", () => {
    const a = columnsOf(`{ serviceCases { edges { node { status caseNo } } } }`);
    const b = columnsOf(`{ serviceCases { edges { node { caseNo status } } } }`);
    expect(a).toBe(b);
  });

  it("names only columns a case list reads, on every field that declares them", () => {
    const type = schema.getType("ServiceCase") as GraphQLObjectType;
    const declared = Object.values(type.getFields()).filter((field) => field.extensions.reads !== undefined);
    expect(declared.map((field) => field.name)).toEqual(expect.arrayContaining(["id", "caseNo", "benefit", "status", "submittedAt", "version"]));
    for (const field of declared) for (const column of field.extensions.reads as string[]) expect(CASE_LIST_COLUMNS, `${field.name} reads ${column}`).toContain(column);
  });

  it("stops making new sets past MAX_COLUMN_SETS: a new selection then reads the whole row, known ones keep theirs", () => {
    const known = caseListColumns(["status"]);
    const optional = CASE_LIST_COLUMNS.filter((c) => !["id", "caseNo", "partnerCode"].includes(c));
    // Pairs of columns: more distinct sets than the bound allows.
    for (let i = 0; i < optional.length; i++) for (let j = i + 1; j < optional.length; j++) caseListColumns([optional[i]!, optional[j]!]);
    expect(optional.length * (optional.length - 1) / 2).toBeGreaterThan(MAX_COLUMN_SETS);
    expect(caseListColumns(["status", "version", "closedAt"])).toBe(CASE_LIST_COLUMNS);
    expect(caseListColumns(["status"])).toBe(known);
    expect(known).toEqual(["id", "caseNo", "status", "partnerCode"]);
  });
});
