// What an operation selects below a field, read from the resolve info before the field's value is
// built, so a list can be read with its children in one statement (docs/decisions/0053-planned-policy-page.md).
// Fragments and inline fragments are followed; @skip and @include are honoured; arguments come
// as the field's resolver would get them (variables and defaults applied). Reading ahead never
// throws: a field whose arguments cannot be coerced is left out, and the field reports them itself.
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from "graphql";

export interface SelectedField {
  readonly name: string;
  readonly definition: GraphQLField<unknown, unknown>;
  readonly args: Record<string, unknown>;
  /** The field's nodes under its response key (its alias, or its name). */
  readonly nodes: readonly FieldNode[];
}

type SelectionInfo = Pick<GraphQLResolveInfo, "fragments" | "variableValues">;

/**
 * The fields selected at `path` below the resolving field (e.g. ["edges", "node"] below a
 * connection), each with its arguments, once per response key (aliases of one field are each
 * listed). Empty when the path leads through a type that is not an object type.
 */
export function selectedFieldsAt(info: Pick<GraphQLResolveInfo, "fieldNodes" | "fragments" | "variableValues" | "returnType">, path: readonly string[]): SelectedField[] {
  const at = nodesAt(getNamedType(info.returnType), info.fieldNodes, path, info);
  return at ? selectedOn(at.type, at.nodes.flatMap((node) => fieldsOf(node.selectionSet, info)), info) : [];
}

/** The fields selected below `field` (a field of an object type; none below a leaf), as `selectedFieldsAt` lists them. */
export function selectedBelow(field: SelectedField, info: SelectionInfo): SelectedField[] {
  const type = getNamedType(field.definition.type);
  return isObjectType(type) ? selectedOn(type, field.nodes.flatMap((node) => fieldsOf(node.selectionSet, info)), info) : [];
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
  for (const node of at.nodes.flatMap((n) => fieldsOf(n.selectionSet, info))) {
    if (node.name.value === "__typename") continue;
    const reads = at.type.getFields()[node.name.value]?.extensions?.reads as readonly string[] | undefined;
    if (!reads) return null;
    for (const column of reads) columns.add(column);
  }
  return [...columns];
}

/** The nodes `path` leads to below `nodes`, and their type; null when it leads through a type that is not an object type. */
function nodesAt(type: GraphQLNamedType, nodes: readonly FieldNode[], path: readonly string[], info: SelectionInfo): { type: GraphQLObjectType; nodes: readonly FieldNode[] } | null {
  for (const step of path) {
    if (!isObjectType(type)) return null;
    nodes = nodes.flatMap((node) => fieldsOf(node.selectionSet, info).filter((field) => field.name.value === step));
    const field = type.getFields()[step];
    if (!field) return null;
    type = getNamedType(field.type);
  }
  return isObjectType(type) ? { type, nodes } : null;
}

function selectedOn(type: GraphQLObjectType, nodes: readonly FieldNode[], info: SelectionInfo): SelectedField[] {
  const byKey = new Map<string, FieldNode[]>();
  for (const node of nodes) {
    const key = node.alias?.value ?? node.name.value;
    const same = byKey.get(key);
    if (same) same.push(node);
    else byKey.set(key, [node]);
  }
  const selected: SelectedField[] = [];
  for (const same of byKey.values()) {
    const definition: GraphQLField<unknown, unknown> | undefined = type.getFields()[same[0]!.name.value];
    if (!definition) continue;
    const args = argumentsOf(definition, same[0]!, info.variableValues);
    // Arguments the field would refuse: left to the field, which reports them at its own path.
    if (args) selected.push({ name: definition.name, definition, args, nodes: same });
  }
  return selected;
}

/** The fields of a selection set, through fragments, leaving out what @skip or @include removes. */
function fieldsOf(selectionSet: SelectionSetNode | undefined, info: SelectionInfo, visited = new Set<string>()): FieldNode[] {
  if (!selectionSet) return [];
  const fields: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (!included(selection, info.variableValues)) continue;
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...fieldsOf(selection.selectionSet, info, visited));
    else if (!visited.has(selection.name.value)) {
      visited.add(selection.name.value);
      fields.push(...fieldsOf(info.fragments[selection.name.value]?.selectionSet, info, visited));
    }
  }
  return fields;
}

function argumentsOf(definition: GraphQLField<unknown, unknown>, node: FieldNode, variables: GraphQLResolveInfo["variableValues"]): Record<string, unknown> | null {
  try {
    return getArgumentValues(definition, node, variables);
  } catch {
    return null;
  }
}

/**
 * Whether @skip and @include keep a selection. One whose condition cannot be read (a null
 * variable) counts as kept: reading ahead too much costs a column, never an answer.
 */
function included(node: Parameters<typeof getDirectiveValues>[1], variables: GraphQLResolveInfo["variableValues"]): boolean {
  try {
    if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
  } catch {
    return true;
  }
}
