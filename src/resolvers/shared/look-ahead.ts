// What an operation selects below a field, read from the resolve info before the field's value is
// built, so a list can be read with its children in one statement (docs/decisions/0053-planned-policy-page.md).
// The selection is walked by graphql-js's own `collectSubfields`, as its executor walks it
// (fragments and their type conditions, @skip and @include); arguments come as the field's
// resolver would get them. Reading ahead never throws: a field whose arguments cannot be coerced is
// left out, and the field reports them itself.
import { getArgumentValues, getNamedType, isObjectType, type FieldNode, type GraphQLField, type GraphQLNamedType, type GraphQLObjectType, type GraphQLOutputType, type GraphQLResolveInfo } from "graphql";
// Internal to graphql 16 (not in its index), the function its executor and graphql-jit's compiler
// collect a field's subfields with; the version is pinned.
import { collectSubfields } from "graphql/execution/collectFields.js";

export interface SelectedField {
  readonly name: string;
  readonly definition: GraphQLField<unknown, unknown>;
  readonly args: Record<string, unknown>;
  /** The field's nodes under its response key (its alias, or its name). */
  readonly nodes: readonly FieldNode[];
}

type SelectionInfo = Pick<GraphQLResolveInfo, "schema" | "fragments" | "variableValues">;

/**
 * The fields selected at `path` below the resolving field (e.g. ["edges", "node"] below a
 * connection), each with its arguments, once per response key (aliases of one field are each
 * listed). Empty when the path leads through a type that is not an object type.
 */
export function selectedFieldsAt(info: SelectionInfo & Pick<GraphQLResolveInfo, "fieldNodes" | "returnType">, path: readonly string[]): SelectedField[] {
  const at = nodesAt(getNamedType(info.returnType), info.fieldNodes, path, info);
  return at ? selectedOn(at.type, at.nodes, info) : [];
}

/** The fields selected below `field` (a field of an object type; none below a leaf), as `selectedFieldsAt` lists them. */
export function selectedBelow(field: SelectedField, info: SelectionInfo): SelectedField[] {
  const type = getNamedType(field.definition.type);
  return isObjectType(type) ? selectedOn(type, field.nodes, info) : [];
}

/**
 * The columns the fields selected at `path` below `nodes` (fields of a `type`) read, as their
 * `reads` extension declares (../../schema/shared/reads.ts); null when one of them declares none,
 * so the whole row must be read.
 */
export function columnsRead(type: GraphQLOutputType, nodes: readonly FieldNode[], path: readonly string[], info: SelectionInfo): string[] | null {
  const at = nodesAt(getNamedType(type), nodes, path, info);
  if (!at) return null;
  const columns = new Set<string>();
  for (const [node] of subfields(at.type, at.nodes, info).values()) {
    if (node!.name.value === "__typename") continue;
    const reads = at.type.getFields()[node!.name.value]?.extensions?.reads as readonly string[] | undefined;
    if (!reads) return null;
    for (const column of reads) columns.add(column);
  }
  return [...columns];
}

/** The nodes `path` leads to below `nodes`, and their type; null when it leads through a type that is not an object type. */
function nodesAt(type: GraphQLNamedType, nodes: readonly FieldNode[], path: readonly string[], info: SelectionInfo): { type: GraphQLObjectType; nodes: readonly FieldNode[] } | null {
  for (const step of path) {
    const field = isObjectType(type) ? type.getFields()[step] : undefined;
    if (!field) return null;
    nodes = [...subfields(type as GraphQLObjectType, nodes, info).values()].flat().filter((node) => node.name.value === step);
    type = getNamedType(field.type);
  }
  return isObjectType(type) ? { type, nodes } : null;
}

/** The fields selected below `nodes`, each once per response key with its arguments; those whose arguments cannot be coerced left out. */
function selectedOn(type: GraphQLObjectType, nodes: readonly FieldNode[], info: SelectionInfo): SelectedField[] {
  return [...subfields(type, nodes, info).values()].flatMap((same) => {
    const definition: GraphQLField<unknown, unknown> | undefined = type.getFields()[same[0]!.name.value];
    const args = definition && argumentsOf(definition, same[0]!, info.variableValues);
    return args ? [{ name: definition.name, definition, args, nodes: same }] : [];
  });
}

/** The subfields of `nodes` by response key; none when a directive's condition cannot be read (the executor reports it). */
function subfields(type: GraphQLObjectType, nodes: readonly FieldNode[], info: SelectionInfo): Map<string, readonly FieldNode[]> {
  try {
    return collectSubfields(info.schema, info.fragments, info.variableValues, type, nodes);
  } catch {
    return new Map();
  }
}

function argumentsOf(definition: GraphQLField<unknown, unknown>, node: FieldNode, variables: GraphQLResolveInfo["variableValues"]): Record<string, unknown> | null {
  try {
    return getArgumentValues(definition, node, variables);
  } catch {
    return null;
  }
}
