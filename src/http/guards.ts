// Limits that keep a hostile or broken client from hurting the graph: document size and shape
// before validation, depth, aliases, tokens, cost (complexity, with the cost in the error),
// introspection for authenticated callers only, and a per-principal rate limit. Every measure here
// walks the document once: a fragment is measured once, however often it is spread
// (docs/security.md).
import type { ApolloServerPlugin } from "@apollo/server";
import {
  GraphQLError,
  Kind,
  parse,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from "graphql";
import type { Context } from "../context/context.js";
import { LIST_BOUNDS } from "../rules/shared/list-bounds.js";

export interface GuardSettings {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxTokens: number;
  readonly maxCost: number;
  readonly introspection: "authenticated" | "all" | "off";
  /** Characters of an ad-hoc document (published documents are not counted). */
  readonly maxDocumentChars?: number;
  /** Fields one selection set may hold, those its fragments bring counted in. */
  readonly maxSelectionFields?: number;
  /** Fields of the whole operation with every fragment written out. */
  readonly maxFields?: number;
}

export const DEFAULT_GUARDS: GuardSettings = {
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 5_000,
  maxCost: 20_000,
  introspection: "authenticated",
  maxDocumentChars: 50_000,
  maxSelectionFields: 100,
  maxFields: 1_000,
};

/** The shape of a document's operations, fragments written out, measured in one walk. */
export interface DocumentShape {
  /** The deepest field chain of any operation. */
  readonly depth: number;
  /** The most fields one selection set holds (its fragments' fields counted in). */
  readonly widestSelection: number;
  /** Fields of the largest operation with every spread written out. */
  readonly fields: number;
  /** `__schema` or `__type` asked anywhere (operation, inline fragment or fragment). */
  readonly introspects: boolean;
}

interface SetShape {
  depth: number;
  widest: number;
  /** Fields directly in this set, those of its inline fragments and spreads counted in. */
  flat: number;
  total: number;
  introspects: boolean;
}

const EMPTY: SetShape = { depth: 0, widest: 0, flat: 0, total: 0, introspects: false };

/**
 * Measures every operation in time linear in the document: each fragment is measured once and its
 * measure reused at every spread. A spread of an unknown fragment or one in a cycle counts as
 * nothing here (validation refuses both).
 */
export function measureDocument(document: DocumentNode): DocumentShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const measured = new Map<string, SetShape>();
  const inProgress = new Set<string>();
  const fragmentShape = (name: string): SetShape => {
    const known = measured.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || inProgress.has(name)) return EMPTY;
    inProgress.add(name);
    const shape = setShape(fragment.selectionSet);
    inProgress.delete(name);
    measured.set(name, shape);
    return shape;
  };
  const setShape = (set: SelectionSetNode): SetShape => {
    const shape: SetShape = { depth: 0, widest: 0, flat: 0, total: 0, introspects: false };
    const add = (inner: SetShape, asField: boolean) => {
      shape.depth = Math.max(shape.depth, asField ? inner.depth + 1 : inner.depth);
      shape.widest = Math.max(shape.widest, inner.widest);
      shape.total += asField ? inner.total + 1 : inner.total;
      shape.flat += asField ? 1 : inner.flat;
      shape.introspects ||= inner.introspects;
    };
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        add(selection.selectionSet ? setShape(selection.selectionSet) : EMPTY, true);
        if (selection.name.value === "__schema" || selection.name.value === "__type") shape.introspects = true;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        add(setShape(selection.selectionSet), false);
      } else {
        add(fragmentShape(selection.name.value), false);
      }
    }
    shape.widest = Math.max(shape.widest, shape.flat);
    return shape;
  };
  let depth = 0;
  let widestSelection = 0;
  let fields = 0;
  let introspects = false;
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION && d.kind !== Kind.FRAGMENT_DEFINITION) continue;
    const shape = d.kind === Kind.OPERATION_DEFINITION ? setShape(d.selectionSet) : fragmentShape(d.name.value);
    widestSelection = Math.max(widestSelection, shape.widest);
    introspects ||= shape.introspects;
    if (d.kind === Kind.OPERATION_DEFINITION) {
      depth = Math.max(depth, shape.depth);
      fields = Math.max(fields, shape.total);
    }
  }
  return { depth, widestSelection, fields, introspects };
}

export interface DocumentRefusal {
  readonly message: string;
  readonly code: "TOO_COMPLEX" | "GRAPHQL_VALIDATION_FAILED";
  readonly extensions: Record<string, number>;
}

/**
 * The checks an ad-hoc document passes before it is validated (graphql-js's validation is
 * quadratic in fields of one name in one selection set): its length, tokens, depth with fragments
 * written out, fields per selection set and fields in all. Null: it may go on (a syntax error is
 * left for the server to report). Linear in the document's length.
 */
export function refuseDocument(text: string, settings: GuardSettings): DocumentRefusal | null {
  const limits = { ...DEFAULT_GUARDS, ...settings };
  if (text.length > limits.maxDocumentChars!) {
    return { code: "TOO_COMPLEX", message: `the document has ${text.length} characters; at most ${limits.maxDocumentChars} are allowed`, extensions: { maxDocumentChars: limits.maxDocumentChars! } };
  }
  let document: DocumentNode;
  try {
    document = parse(text, { maxTokens: limits.maxTokens, noLocation: true });
  } catch {
    return null;
  }
  const shape = measureDocument(document);
  if (shape.depth > limits.maxDepth) {
    return { code: "GRAPHQL_VALIDATION_FAILED", message: `the query is nested ${shape.depth} deep; at most ${limits.maxDepth} is allowed`, extensions: { maxDepth: limits.maxDepth } };
  }
  if (shape.widestSelection > limits.maxSelectionFields!) {
    return {
      code: "TOO_COMPLEX",
      message: `a selection set holds ${shape.widestSelection} fields (its fragments counted in); at most ${limits.maxSelectionFields} are allowed`,
      extensions: { maxSelectionFields: limits.maxSelectionFields! },
    };
  }
  if (shape.fields > limits.maxFields!) {
    return { code: "TOO_COMPLEX", message: `the operation asks ${shape.fields} fields with its fragments written out; at most ${limits.maxFields} are allowed`, extensions: { maxFields: limits.maxFields! } };
  }
  return null;
}

/** Depth with fragments written out (each fragment measured once), for published documents too. */
export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => ({
    Document(node) {
      const { depth } = measureDocument(node);
      if (depth > maxDepth) {
        context.reportError(new GraphQLError(`the query is nested ${depth} deep; at most ${maxDepth} is allowed`, { nodes: [node], extensions: { code: "GRAPHQL_VALIDATION_FAILED", maxDepth } }));
      }
      return false;
    },
  });
}

export function aliasLimitRule(maxAliases: number) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias && ++aliases === maxAliases + 1) {
          context.reportError(new GraphQLError(`the query uses more than ${maxAliases} aliases`, { nodes: [node], extensions: { code: "GRAPHQL_VALIDATION_FAILED", maxAliases } }));
        }
      },
    };
  };
}

/**
 * The cost of an operation: one per field, and a field asked with `first: n` costs its selection
 * n times (a page of 100 policies with 5 cases each costs about 100 × 5 × its fields).
 */
export function operationCost(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName));
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return 0;
  const valueOf = (node: ValueNode): unknown => (node.kind === Kind.VARIABLE ? variables[node.name.value] : node.kind === Kind.INT ? Number(node.value) : undefined);
  // Each fragment's cost is worked out once (the variables are fixed for the operation): a
  // fragment spread twice at every level costs one walk, not 2^levels.
  const fragmentCosts = new Map<string, number>();
  const inProgress = new Set<string>();
  const fragmentCost = (name: string): number => {
    const known = fragmentCosts.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment || inProgress.has(name)) return 0;
    inProgress.add(name);
    const cost = costOf(fragment.selectionSet);
    inProgress.delete(name);
    fragmentCosts.set(name, cost);
    return cost;
  };
  const costOf = (set: SelectionSetNode): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const firstArg = selection.arguments?.find((a) => a.name.value === "first");
        const first = firstArg ? valueOf(firstArg.value) : undefined;
        // a page counts `first` times, a page without `first` its default 20, an unpaginated
        // list its bound (rules/shared/list-bounds.ts)
        const bound = selection.selectionSet ? LIST_BOUNDS[selection.name.value] : undefined;
        const times = typeof first === "number" && first > 0 ? first : selection.selectionSet && firstArg ? 20 : (bound ?? 1);
        total += 1 + (selection.selectionSet ? times * costOf(selection.selectionSet) : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += costOf(selection.selectionSet);
      } else {
        total += fragmentCost(selection.name.value);
      }
    }
    return total;
  };
  return costOf(operation.selectionSet);
}

export function guardPlugin(settings: GuardSettings): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, contextValue }) {
          // anywhere: at the top, inside an inline fragment or a fragment, at any depth
          const { introspects } = measureDocument(document);
          if (introspects && (settings.introspection === "off" || (settings.introspection === "authenticated" && !contextValue.principal))) {
            throw new GraphQLError("introspection needs an authenticated caller", { extensions: { code: "FORBIDDEN", http: { status: 403 } } });
          }
          const cost = operationCost(document, request.operationName, request.variables ?? {});
          if (cost > settings.maxCost) {
            throw new GraphQLError(`the query costs ${cost}; at most ${settings.maxCost} is allowed (ask for smaller pages)`, {
              extensions: { code: "TOO_COMPLEX", cost, maxCost: settings.maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
