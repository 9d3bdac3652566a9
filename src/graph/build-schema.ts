// Builds the executable schema from the type-graphql classes. The emitted SDL is schema.graphql.
import "reflect-metadata";
import { lexicographicSortSchema, printSchema, type GraphQLInterfaceType, type GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { AccessResolver } from "../resolvers/access/access.resolver.js";
import { ViewerResolver } from "../resolvers/access/viewer.resolver.js";
import { authChecker } from "../resolvers/auth-checker.js";
import { CaseResolver } from "../resolvers/case/case.resolver.js";
import { NetworkResolver } from "../resolvers/network/network.resolver.js";
import { NodeResolver } from "../resolvers/node.resolver.js";
import { CaseMetricsResolver } from "../resolvers/metrics/case-metrics.resolver.js";
import { CalendarResolver } from "../resolvers/calendar/calendar.resolver.js";
import { ServiceResolver } from "../resolvers/catalogue/service.resolver.js";
import { SuspensionResolver } from "../resolvers/catalogue/suspension.resolver.js";
import { EntitlementResolver } from "../resolvers/policy/entitlement.resolver.js";
import { PolicyConnectionResolver, PolicyResolver } from "../resolvers/policy/policy.resolver.js";
import { PolicyImportResolver } from "../resolvers/policy-import/policy-import.resolver.js";
import { WebhookResolver } from "../resolvers/webhook/webhook.resolver.js";
import { nodeTypeName } from "../schema/shared/node.interface.js";
import { callFieldResolversDirectly } from "./direct-field-resolvers.js";

const built = new Map<boolean, Promise<GraphQLSchema>>();

/**
 * The schema is the same for every server in a process: build it once.
 *
 * Every object type is declared with `simpleResolvers: true`: a field without a resolver method
 * reads its property through graphql-js's default resolver instead of a type-graphql wrapper that
 * allocates per field (a page of 50 policies resolves about 2,500 fields). Nothing here puts
 * middleware or `@Authorized` on a plain field; one that needs either must set `simple: false`.
 */
export function getSchema(options: { directResolvers?: boolean } = {}): Promise<GraphQLSchema> {
  const directResolvers = options.directResolvers ?? true;
  let schema = built.get(directResolvers);
  if (!schema) built.set(directResolvers, (schema = assemble(directResolvers)));
  return schema;
}

/**
 * The schema with field resolvers called directly (src/graph/direct-field-resolvers.ts), or, for
 * the reference executor, through type-graphql's wrappers as built.
 */
function assemble(directResolvers: boolean): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [ServiceResolver, ViewerResolver, PolicyResolver, PolicyConnectionResolver, EntitlementResolver, CalendarResolver, CaseResolver, NetworkResolver, NodeResolver, AccessResolver, CaseMetricsResolver, WebhookResolver, SuspensionResolver, PolicyImportResolver],
    authChecker,
    authMode: "error",
    validate: false,
  }).then((schema) => {
    // type-graphql wraps resolveType in an async function; the compiled executor calls it
    // synchronously (src/http/compiled-executor.ts), and graphql-js takes either.
    (schema.getType("Node") as GraphQLInterfaceType).resolveType = (value: object) => nodeTypeName(value);
    if (directResolvers) callFieldResolversDirectly(schema);
    return schema;
  });
}

/** The SDL committed as schema.graphql: sorted, so that diffs show only real changes. */
export function printSchemaSdl(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
