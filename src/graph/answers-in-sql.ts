// Answers built in PostgreSQL (docs/decisions/0097-answers-built-in-sql.md, 0098). A list field of
// a policy that declares it (`@AnswersInSql`: Policy.cases, Policy.entitlements) and whose
// selection is only its nodes (`edges { node { … } }` of a connection, the items of a plain list)
// with every node field presented from its column as it is (`@FromColumn`) is answered by the
// list's JSON text, which PostgreSQL builds in the answer's own shape and the response places
// unparsed: no row objects, no field-by-field resolution, no second serialisation.
//
// How, inside Apollo's pipeline: Apollo parses and validates the document against the public
// schema as always. The compiled executor then runs a rewritten copy of it against an execution
// schema that also has, for each such field, a twin of leaf type (`answerInSql_cases: RawAnswer`,
// never in the public schema or its introspection): the eligible selections become the twin under
// the field's response key, each with the selection it answers kept beside the rewritten document
// (`answeredSelection`). The twin's value is a token for the text, which `stringifyWithAnswers`
// (the server's `stringifyResult`) replaces with the text itself.
import {
  astFromValue,
  extendSchema,
  getArgumentValues,
  getNamedType,
  getNullableType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  print,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLScalarType,
  type GraphQLSchema,
  type SelectionNode,
} from "graphql";
import { randomBytes } from "node:crypto";
import type { Context } from "../context/context.js";
import type { AnswerField, ListAnswer } from "../db/queries/list-answers.js";
import { policyListsExtension, type AnsweredSelection, type AnswersInSqlSpec } from "../resolvers/policy/plan-policy-children.js";

/**
 * A twin's value is a token, unguessable by a client (it cannot be a string a client stored): the
 * text it stands for is kept per request and placed by `stringifyWithAnswers`.
 */
const TOKEN = `\u0001answer:${randomBytes(8).toString("hex")}:`;
const TOKENS = new RegExp(`"${JSON.stringify(TOKEN).slice(1, -1).replaceAll("\\", "\\\\")}(\\d+)"`, "g");
const textsByContext = new WeakMap<object, string[]>();
const textsByResult = new WeakMap<object, string[]>();

/** After an operation ran: the texts its twins answered, kept with its result's data for `stringifyWithAnswers`. */
export function keepAnswers(context: object, data: unknown): void {
  const texts = textsByContext.get(context);
  if (texts && data && typeof data === "object") textsByResult.set(data, texts);
}

/** The response's JSON with each twin's token written as the text it stands for (the server's `stringifyResult`). */
export function stringifyWithAnswers(value: { data?: unknown }): string {
  const json = JSON.stringify(value);
  const texts = value.data && typeof value.data === "object" ? textsByResult.get(value.data) : undefined;
  // Ended by a line feed, as Apollo's own serialisation ends it.
  return `${texts ? json.replace(TOKENS, (_, i: string) => texts[Number(i)]!) : json}\n`;
}

/**
 * At most this many distinct lists of fields (in order) are answered in SQL, each a statement shape
 * (the response keys are the statement's values, not its text); past it a selection is resolved as
 * usual.
 */
const MAX_SHAPES = 64;
/** At most this many lists are answered inside one node (each is a subquery of the page's statement for every row); past them, the node is resolved as usual. */
const MAX_NESTED_LISTS = 4;

/** What each twin of a rewritten document answers, decided when the document was rewritten; kept as long as the document is. */
const selections = new WeakMap<FieldNode, AnsweredSelection>();
/** The selection a twin's field node answers (undefined for any other node). */
export const answeredSelection = (node: FieldNode): AnsweredSelection | undefined => selections.get(node);

const TWIN_PREFIX = "answerInSql_";

export function answersInSql(schema: GraphQLSchema): { schema: GraphQLSchema; rewrite(document: DocumentNode): DocumentNode } {
  const declared: { type: GraphQLObjectType; field: GraphQLField<unknown, unknown>; spec: AnswersInSqlSpec }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const spec = field.extensions?.answersInSql as AnswersInSqlSpec | undefined;
      if (spec) declared.push({ type, field, spec });
    }
  }
  if (declared.length === 0) return { schema, rewrite: (document) => document };
  const twins = declared.map(({ type, field }) => {
    const args = field.args.map((arg) => `${arg.name}: ${String(arg.type)}${arg.defaultValue !== undefined ? ` = ${print(astFromValue(arg.defaultValue, arg.type)!)}` : ""}`);
    return `extend type ${type.name} { ${TWIN_PREFIX}${field.name}${args.length ? `(${args.join(", ")})` : ""}: RawAnswer${isNonNullType(field.type) ? "!" : ""} }`;
  });
  const execution = extendSchema(schema, parse(`scalar RawAnswer\n${twins.join("\n")}`));
  (execution.getType("RawAnswer") as GraphQLScalarType).serialize = (value) => value;

  const shapes = new Set<string>();
  for (const { type, field, spec } of declared) {
    const twin = (execution.getType(type.name) as GraphQLObjectType).getFields()[`${TWIN_PREFIX}${field.name}`]!;
    // A field node's arguments are the same for every parent in one request (its literals and the
    // request's variables): its answer is made once a request.
    const answers = new WeakMap<FieldNode, WeakMap<object, ListAnswer>>();
    const answerOf = (args: Record<string, unknown>, ctx: Context, node: FieldNode): ListAnswer => {
      let byRequest = answers.get(node);
      if (!byRequest) answers.set(node, (byRequest = new WeakMap()));
      let answer = byRequest.get(ctx);
      if (!answer) byRequest.set(ctx, (answer = spec.answer(args, selections.get(node)!, ctx)));
      return answer;
    };
    // The list of the policy `root` is, or each edge of the page `root` is, through the loader
    // (primed when read with the policy or the page).
    const resolve: GraphQLFieldResolver<unknown, Context> = async (root, args, ctx, info) => {
      const answer = answerOf(args, ctx, info.fieldNodes[0]!);
      const { policyListAnswers } = ctx.loaders;
      const text = spec.edges
        ? `[${(await Promise.all((root as { edges: readonly { node: { rowId: string } }[] }).edges.map(({ node }) => policyListAnswers.load({ policyId: node.rowId, answer })))).join(",")}]`
        : await policyListAnswers.load({ policyId: (root as { rowId: string }).rowId, answer });
      let texts = textsByContext.get(ctx);
      if (!texts) textsByContext.set(ctx, (texts = []));
      return `${TOKEN}${texts.push(text) - 1}`;
    };
    twin.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
    (twin as { extensions: Record<string, unknown> }).extensions = policyListsExtension((selected, ctx) => ({
      lists: [answerOf(selected.args, ctx, selected.nodes[0]!)],
    }));
  }

  /**
   * What a field's selection answers, and its shape (the fields asked, in order, and those of the
   * lists inside); null when the selection is not only fields from their columns and lists answered
   * so, or when a response key inside it is asked elsewhere too.
   */
  const eligible = (field: GraphQLField<unknown, unknown>, node: FieldNode, asked: ReadonlyMap<string, number>): { selection: AnsweredSelection; shape: string } | null => {
    const spec = field.extensions?.answersInSql as AnswersInSqlSpec | undefined;
    const answered = spec && answeredNodes(field);
    if (!answered || node.directives?.length) return null;
    let nodes = node.selectionSet?.selections;
    for (const name of answered.path) nodes = only(nodes, name)?.selectionSet?.selections;
    if (!nodes?.length) return null;
    const nodeType = answered.type;
    const selection: { fields: AnswerField[]; lists: AnsweredSelection["lists"][number][] } = { fields: [], lists: [] };
    const shape: string[] = [];
    const keys = new Set<string>();
    for (const item of nodes) {
      if (item.kind !== Kind.FIELD || item.directives?.length) return null;
      const leaf = nodeType.getFields()[item.name.value];
      if (!leaf) return null;
      const key = item.alias?.value ?? leaf.name;
      if (answeredAsItIs(leaf)) {
        if (item.arguments?.length || item.selectionSet || !givesValue(spec, leaf)) return null;
        // A key asked twice is one field of the answer, where it first appears (validation made both the same field).
        if (keys.has(key)) continue;
        selection.fields.push({ key, column: leaf.extensions.fromColumn as string, ...answerForm(getNamedType(leaf.type)) });
        shape.push(leaf.name);
      } else {
        // A list answered inside the node: its arguments literals the list accepts, its key asked once in the document.
        const inner = leaf.extensions?.answersInSql as AnswersInSqlSpec | undefined;
        if (!inner || keys.has(key) || asked.get(`${nodeType.name}.${key}`) !== 1 || mentionsVariables(item) || selection.lists.length >= MAX_NESTED_LISTS) return null;
        const args = literalArguments(leaf, item, inner);
        const below = args && eligible(leaf, item, asked);
        if (!below) return null;
        selection.lists.push({ key, spec: inner, args, selection: below.selection, at: selection.fields.length });
        shape.push(`${leaf.name}(${below.shape})`);
      }
      keys.add(key);
    }
    return { selection, shape: `${nodeType.name}|${shape.join(",")}` };
  };

  /** What a field's selection answers, if it may (within the bound on statement shapes). */
  const answerable = (field: GraphQLField<unknown, unknown>, node: FieldNode, asked: ReadonlyMap<string, number>): AnsweredSelection | null => {
    const answered = eligible(field, node, asked);
    if (!answered || (!shapes.has(answered.shape) && shapes.size >= MAX_SHAPES)) return null;
    shapes.add(answered.shape);
    return answered.selection;
  };

  const rewrite = (document: DocumentNode): DocumentNode => {
    // Introspection answers from the public schema alone.
    if (mentionsIntrospection(document)) return document;
    // Field nodes under one response key of one object are merged by the executor, which takes the
    // field and its arguments from the first: a key a declaring field is asked under more than once
    // anywhere in the document (two selections, a fragment beside a selection) is never rewritten.
    const asked = new Map<string, number>();
    const keyOf = (typeInfo: TypeInfo, node: FieldNode) => `${typeInfo.getParentType()?.name}.${node.alias?.value ?? node.name.value}`;
    const counting = new TypeInfo(schema);
    visit(
      document,
      visitWithTypeInfo(counting, {
        Field(node) {
          if (counting.getFieldDef()?.extensions?.answersInSql) asked.set(keyOf(counting, node), (asked.get(keyOf(counting, node)) ?? 0) + 1);
        },
      }),
    );
    const typeInfo = new TypeInfo(schema);
    return visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          const field = typeInfo.getFieldDef();
          const selection = field && asked.get(keyOf(typeInfo, node)) === 1 && answerable(field, node, asked);
          if (!selection) return undefined;
          // The visit keeps the node returned (nothing below it is rewritten): the twin's selection is found by it.
          const twin: FieldNode = {
            ...node,
            alias: { kind: Kind.NAME, value: node.alias?.value ?? node.name.value },
            name: { kind: Kind.NAME, value: `${TWIN_PREFIX}${node.name.value}` },
            selectionSet: undefined,
          };
          selections.set(twin, selection);
          return twin;
        },
      }),
    );
  };
  return { schema: execution, rewrite };
}

/** The node type of a list field and the path to its nodes: the items of a plain list, `node` of a list of edges, `edges { node }` of a connection; null for none. */
function answeredNodes(field: GraphQLField<unknown, unknown>): { type: GraphQLObjectType; path: readonly string[] } | null {
  const named = getNamedType(field.type);
  if (!isObjectType(named)) return null;
  if (isListType(getNullableType(field.type))) {
    // A connection's edges: the nodes are below each edge.
    const node = named.getFields().node;
    const type = node && named.getFields().cursor ? getNamedType(node.type) : null;
    return isObjectType(type) ? { type, path: ["node"] } : { type: named, path: [] };
  }
  const edges = named.getFields().edges;
  const edge = edges && getNamedType(edges.type);
  const node = isObjectType(edge) ? edge.getFields().node : undefined;
  const type = node && getNamedType(node.type);
  return isObjectType(type) ? { type, path: ["edges", "node"] } : null;
}

/** The one field named `name` a selection set holds, plain (no alias, arguments, directives); null otherwise. */
function only(selections: readonly SelectionNode[] | undefined, name: string): FieldNode | null {
  const [first, ...rest] = selections ?? [];
  if (!first || rest.length || first.kind !== Kind.FIELD || first.name.value !== name || first.alias || first.arguments?.length || first.directives?.length) return null;
  return first;
}

/**
 * A leaf presented from its column as it is; an enum's values must be their names. Which scalars
 * a column gives as they are is the list's own to say (`AnswersInSqlSpec.givesValue`).
 */
function answeredAsItIs(field: GraphQLField<unknown, unknown>): boolean {
  if (typeof field.extensions?.fromColumn !== "string") return false;
  const type = getNamedType(field.type);
  return !isEnumType(type) || type.getValues().every((value) => value.value === value.name);
}

/** How a field's type is written in the answer's JSON: numbers and booleans as their text, instants in UTC, an enum's names quoted, anything else escaped. */
function answerForm(type: GraphQLNamedType): Pick<AnswerField, "form" | "enumType"> {
  if (isEnumType(type)) return { form: "enum", enumType: { name: type.name, names: type.getValues().map((value) => value.name) } };
  return { form: type.name === "DateTime" ? "instant" : type.name === "Int" || type.name === "Boolean" ? "bare" : "json" };
}

/** Whether a column gives the field's value as it is, as the list's spec says. */
function givesValue(spec: AnswersInSqlSpec, field: GraphQLField<unknown, unknown>): boolean {
  const type = getNamedType(field.type);
  return spec.givesValue(field.extensions.fromColumn as string, { kind: isEnumType(type) ? "enum" : type.name, nonNull: isNonNullType(field.type) });
}

/** A list's arguments as its resolver would get them (literals, defaults), or null when the list would refuse them. */
function literalArguments(field: GraphQLField<unknown, unknown>, node: FieldNode, spec: AnswersInSqlSpec): Record<string, unknown> | null {
  try {
    const args = getArgumentValues(field, node, {});
    spec.checkArguments?.(args);
    return args;
  } catch {
    return null;
  }
}

function mentionsVariables(node: ASTNode): boolean {
  let found = false;
  visit(node, {
    Variable() {
      found = true;
    },
  });
  return found;
}

function mentionsIntrospection(document: ASTNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === "__schema" || node.name.value === "__type") found = true;
    },
  });
  return found;
}
