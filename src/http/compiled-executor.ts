// Executes operations with graphql-jit: each distinct document is compiled once into a function
// that walks its selection without graphql-js's per-field bookkeeping (a resolve-info object, an
// argument map and a result dictionary for every field; a console page of 50 policies resolves
// about 3,500 fields). Apollo stays the server: parsing, validation, plugins, error formatting and
// HTTP are its own. Apollo lets a different executor in only through its gateway interface, so
// this is a "gateway" that serves the one local schema.
//
// Answers must not depend on the executor (test/compiled-executor.test.ts runs the same operations
// through both), so:
// - variables are coerced by graphql-js first: a bad variable gets graphql-js's own error, which
//   Apollo turns into BAD_USER_INPUT with status 400 as it always has;
// - graphql-jit's errors are its own class; each is rebuilt as a graphql-js GraphQLError with its
//   path, locations, extensions and original error, so formatting and logging see what they expect;
// - a document graphql-jit cannot compile runs on graphql-js, and so does a request that sends null
//   for a variable with a default (graphql-jit would pass that null into a non-null argument).
import type { GatewayExecutor, GatewayInterface } from "@apollo/server-gateway-interface";
import {
  execute,
  getVariableValues,
  GraphQLError,
  printSchema,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SourceLocation,
} from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";
import { answersInSql, keepAnswers } from "../graph/answers-in-sql.js";

type Compiled = CompiledQuery | "graphql-js";

export function compiledExecutorGateway(publicSchema: GraphQLSchema): GatewayInterface {
  // The schema operations run against: the public one and the twins of fields answered in SQL
  // (src/graph/answers-in-sql.ts); documents are validated against the public one by Apollo.
  const { schema, rewrite } = answersInSql(publicSchema);
  // Keyed by the parsed document: Apollo's document store hands the same object to every request
  // with the same text, and when it drops a document, its compiled forms go with it.
  const compiled = new WeakMap<DocumentNode, Map<string, Compiled>>();

  const compile = (document: DocumentNode, operationName: string | undefined): Compiled => {
    let byOperation = compiled.get(document);
    if (!byOperation) compiled.set(document, (byOperation = new Map()));
    const cached = byOperation.get(operationName ?? "");
    if (cached) return cached;
    let entry: Compiled = "graphql-js";
    try {
      // A document with no field answered in SQL (and every introspection) runs on the public schema.
      const rewritten = rewrite(document);
      const result = compileQuery(rewritten === document ? publicSchema : schema, rewritten, operationName, { disablingCapturingStackErrors: true });
      if (isCompiledQuery(result)) entry = result;
    } catch {
      // graphql-js runs what graphql-jit cannot compile.
    }
    byOperation.set(operationName ?? "", entry);
    return entry;
  };

  const executor: GatewayExecutor = async (requestContext) => {
    const { document, operation, operationName, request, context } = requestContext;
    const variables = request.variables ?? {};
    const coerced = getVariableValues(publicSchema, operation.variableDefinitions ?? [], variables, { maxErrors: 50 });
    if (coerced.errors) return { errors: coerced.errors };
    const query = compile(document, operationName ?? undefined);
    if (query === "graphql-js" || nullOverDefault(operation.variableDefinitions, variables)) {
      return execute({ schema: publicSchema, document, operationName, contextValue: context, variableValues: variables });
    }
    const result = (await query.query(undefined, context, variables)) as ExecutionResult;
    keepAnswers(context, result.data);
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };

  let announce: Parameters<GatewayInterface["onSchemaLoadOrUpdate"]>[0] | null = null;
  return {
    onSchemaLoadOrUpdate(callback) {
      announce = callback;
      return () => {
        announce = null;
      };
    },
    async load() {
      // The one schema, once: it never changes while the process runs.
      announce?.({ apiSchema: publicSchema, coreSupergraphSdl: printSchema(publicSchema) });
      return { executor };
    },
    async stop() {},
  };
}

/**
 * Whether a variable that has a default is sent as null. Validation lets such a variable into a
 * non-null argument (its default would fit); graphql-js then refuses the null at that argument as a
 * field error, where graphql-jit passes it to the resolver. Rare, so those requests run on graphql-js.
 */
function nullOverDefault(definitions: OperationDefinitionNode["variableDefinitions"], variables: Record<string, unknown>): boolean {
  return (definitions ?? []).some((definition) => definition.defaultValue !== undefined && variables[definition.variable.name.value] === null);
}

interface JitError {
  readonly message: string;
  readonly locations?: readonly SourceLocation[];
  readonly path?: readonly (string | number)[];
  readonly originalError?: Error;
  readonly extensions?: Record<string, unknown>;
}

/**
 * graphql-jit's error as the graphql-js error graphql-js would have made of it. graphql-jit's
 * class passes `instanceof GraphQLError` but may lack `extensions`, which Apollo reads: every
 * error of a compiled run is rebuilt.
 */
export function asGraphQLError(error: unknown): GraphQLError {
  const jit = error as JitError;
  const rebuilt = new GraphQLError(jit.message, { path: jit.path, originalError: jit.originalError, extensions: jit.extensions });
  if (jit.locations?.length) (rebuilt as { locations?: readonly SourceLocation[] }).locations = jit.locations;
  return rebuilt;
}
