// The schema check CI runs (npm run schema:check): the schema the code builds, compared with the
// schema as last released (schema.released.graphql) by @graphql-inspector/core. A breaking change
// fails unless CHANGELOG.md lists it, with its reason, under "## Unreleased"; every deprecation
// carries a reason and a date; every published trusted document and every operation in
// clients/operations/ must still validate against the new schema.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSchema, GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, parse, validate, type GraphQLArgument } from "graphql";
import { CriticalityLevel, diff, type Change } from "@graphql-inspector/core";

export interface SchemaDocument {
  /** where the document comes from, e.g. "clients/operations/partner.graphql" or a trusted document id */
  source: string;
  text: string;
}

export interface SchemaCheckInput {
  releasedSdl: string;
  currentSdl: string;
  changelog: string;
  documents: SchemaDocument[];
}

export interface SchemaCheckResult {
  ok: boolean;
  /** every difference between the released and the current schema */
  changes: Change[];
  /** breaking changes CHANGELOG.md does not list (with a reason) under "## Unreleased" */
  unlistedBreaking: Change[];
  /** deprecations without a reason or without a date (YYYY-MM-DD) in the reason */
  deprecationProblems: string[];
  /** documents that no longer validate */
  documentProblems: string[];
}

/** The text of the "## Unreleased" section of a changelog, up to the next "## " heading. */
export function unreleasedSection(changelog: string): string {
  const lines = changelog.split("\n");
  const start = lines.findIndex((line) => /^##\s+Unreleased\b/i.test(line));
  if (start < 0) return "";
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => /^##\s/.test(line));
  return (end < 0 ? rest : rest.slice(0, end)).join("\n");
}

/** The coordinate a changelog entry names for a change: `Type.field`, `Type.field.arg`, `Enum.VALUE` or `Type`. */
export function changeCoordinate(change: Change): string {
  return change.path ?? change.message;
}

/**
 * A breaking change is listed when a list item in the Unreleased section starts with its
 * coordinate in backticks, followed by a reason: "- `Case.status` removed: the reason …".
 */
export function isListed(change: Change, unreleased: string): boolean {
  const coordinate = changeCoordinate(change);
  return unreleased.split("\n").some((line) => {
    const match = /^\s*[-*]\s+`([^`]+)`(.*)$/.exec(line);
    if (!match || match[1] !== coordinate) return false;
    // a reason: some words after the coordinate beyond the bare verb ("removed")
    const reason = (match[2] ?? "").replace(/^[\s:—–-]+/, "").trim();
    return reason.split(/\s+/).filter(Boolean).length >= 3;
  });
}

const datePattern = /\b\d{4}-\d{2}-\d{2}\b/;

/** Every deprecated field, argument, input field and enum value must say why and since when. */
export function deprecationProblems(schema: GraphQLSchema): string[] {
  const problems: string[] = [];
  const check = (coordinate: string, reason: string | null | undefined) => {
    if (reason === undefined || reason === null) return;
    if (reason.trim() === "" || reason.trim() === "No longer supported") problems.push(`${coordinate}: deprecated without a reason`);
    else if (!datePattern.test(reason)) problems.push(`${coordinate}: deprecation reason has no date (YYYY-MM-DD): "${reason}"`);
  };
  const checkArgs = (owner: string, args: readonly GraphQLArgument[]) => {
    for (const arg of args) check(`${owner}.${arg.name}`, arg.deprecationReason);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.deprecationReason);
        checkArgs(`${type.name}.${field.name}`, field.args);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.deprecationReason);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.deprecationReason);
    }
  }
  return problems;
}

export function documentProblems(schema: GraphQLSchema, documents: SchemaDocument[]): string[] {
  const problems: string[] = [];
  for (const document of documents) {
    let errors: readonly { message: string }[];
    try {
      errors = validate(schema, parse(document.text));
    } catch (error) {
      errors = [{ message: (error as Error).message }];
    }
    for (const error of errors) problems.push(`${document.source}: ${error.message}`);
  }
  return problems;
}

export async function checkSchema(input: SchemaCheckInput): Promise<SchemaCheckResult> {
  const released = buildSchema(input.releasedSdl);
  const current = buildSchema(input.currentSdl);
  const changes = await diff(released, current);
  const unreleased = unreleasedSection(input.changelog);
  const unlistedBreaking = changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking && !isListed(change, unreleased));
  const deprecations = deprecationProblems(current);
  const documents = documentProblems(current, input.documents);
  return {
    ok: unlistedBreaking.length === 0 && deprecations.length === 0 && documents.length === 0,
    changes,
    unlistedBreaking,
    deprecationProblems: deprecations,
    documentProblems: documents,
  };
}

/** The published trusted documents and the example operations in clients/, read from a checkout. */
export function clientDocuments(root: string): SchemaDocument[] {
  const documents: SchemaDocument[] = [];
  const persisted = JSON.parse(readFileSync(join(root, "clients/sdk/persisted-documents.json"), "utf8")) as Record<string, string>;
  for (const [id, text] of Object.entries(persisted)) documents.push({ source: `clients/sdk/persisted-documents.json ${id}`, text });
  const operations = join(root, "clients/operations");
  for (const file of readdirSync(operations).filter((name) => name.endsWith(".graphql")).sort()) {
    documents.push({ source: `clients/operations/${file}`, text: readFileSync(join(operations, file), "utf8") });
  }
  return documents;
}

/** One line per change, grouped by criticality, for the check's report and a changelog entry. */
export function describeChanges(changes: Change[]): string[] {
  const order = [CriticalityLevel.Breaking, CriticalityLevel.Dangerous, CriticalityLevel.NonBreaking];
  return [...changes]
    .sort((a, b) => order.indexOf(a.criticality.level) - order.indexOf(b.criticality.level))
    .map((change) => `${change.criticality.level.padEnd(12)} \`${changeCoordinate(change)}\` ${change.message}`);
}
