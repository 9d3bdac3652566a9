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
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from "graphql";

export interface SelectedField {
  readonly name: string;
  readonly args: Record<string, unknown>;
}

/**
 * The fields selected at `path` below the resolving field (e.g. ["edges", "node"] below a
 * connection), each with its arguments, once per distinct use (aliases of one field with different
 * arguments are each listed). Empty when the path leads through a type that is not an object type.
 */
export function selectedFieldsAt(info: Pick<GraphQLResolveInfo, "fieldNodes" | "fragments" | "variableValues" | "returnType">, path: readonly string[]): SelectedField[] {
  let type = getNamedType(info.returnType);
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const step of path) {
    if (!isObjectType(type)) return [];
    nodes = nodes.flatMap((node) => fieldsOf(node.selectionSet, info).filter((field) => field.name.value === step));
    const field = type.getFields()[step];
    if (!field) return [];
    type = getNamedType(field.type);
  }
  if (!isObjectType(type)) return [];
  return selectedOn(type, nodes.flatMap((node) => fieldsOf(node.selectionSet, info)), info);
}

function selectedOn(type: GraphQLObjectType, nodes: readonly FieldNode[], info: Pick<GraphQLResolveInfo, "variableValues">): SelectedField[] {
  const seen = new Map<string, SelectedField>();
  for (const node of nodes) {
    const definition: GraphQLField<unknown, unknown> | undefined = type.getFields()[node.name.value];
    if (!definition) continue;
    const args = argumentsOf(definition, node, info.variableValues);
    // Arguments the field would refuse: left to the field, which reports them at its own path.
    if (!args) continue;
    const key = `${node.name.value}${JSON.stringify(args)}`;
    if (!seen.has(key)) seen.set(key, { name: node.name.value, args });
  }
  return [...seen.values()];
}

/** The fields of a selection set, through fragments, leaving out what @skip or @include removes. */
function fieldsOf(selectionSet: SelectionSetNode | undefined, info: Pick<GraphQLResolveInfo, "fragments" | "variableValues">, visited = new Set<string>()): FieldNode[] {
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
