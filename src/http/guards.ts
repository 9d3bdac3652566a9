// Limits that keep a hostile or broken client from hurting the graph: depth, aliases, tokens,
// cost (complexity, with the cost in the error), introspection for authenticated callers only,
// and a per-principal rate limit.
import type { ApolloServerPlugin } from "@apollo/server";
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from "graphql";
import type { Context } from "../context/context.js";

export interface GuardSettings {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxTokens: number;
  readonly maxCost: number;
  readonly introspection: "authenticated" | "all" | "off";
}

export const DEFAULT_GUARDS: GuardSettings = { maxDepth: 12, maxAliases: 30, maxTokens: 5_000, maxCost: 20_000, introspection: "authenticated" };

export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    let depth = 0;
    return {
      Field: {
        enter(node) {
          depth++;
          if (depth > maxDepth) {
            context.reportError(new GraphQLError(`the query is nested ${depth} deep; at most ${maxDepth} is allowed`, { nodes: [node], extensions: { code: "GRAPHQL_VALIDATION_FAILED", maxDepth } }));
            return false;
          }
          return undefined;
        },
        leave() {
          depth--;
        },
      },
    };
  };
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
  const costOf = (set: SelectionSetNode, seen: Set<string>): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const firstArg = selection.arguments?.find((a) => a.name.value === "first");
        const first = firstArg ? valueOf(firstArg.value) : undefined;
        const times = typeof first === "number" && first > 0 ? first : selection.selectionSet && firstArg ? 20 : 1;
        total += 1 + (selection.selectionSet ? times * costOf(selection.selectionSet, seen) : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += costOf(selection.selectionSet, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) total += costOf(fragment.selectionSet, new Set([...seen, fragment.name.value]));
      }
    }
    return total;
  };
  return costOf(operation.selectionSet, new Set());
}

export function guardPlugin(settings: GuardSettings): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, contextValue }) {
          const introspects = document.definitions.some(
            (d) => d.kind === Kind.OPERATION_DEFINITION && d.selectionSet.selections.some((s) => s.kind === Kind.FIELD && (s.name.value === "__schema" || s.name.value === "__type")),
          );
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
