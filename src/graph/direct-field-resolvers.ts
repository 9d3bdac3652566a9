// Field resolver methods called directly. type-graphql runs every resolver method through a wrapper
// that sorts its parameters, passes each argument through an async validation step and awaits them
// together: a sort, a promise per argument and a Promise.all on every call, for every parent in a
// list. A field resolver with no middleware and no roles, whose parameters are the root, the
// context, the info and arguments of scalar or enum type, gains nothing from it (validation is off
// and such values are passed through as they are); its `resolve` becomes a direct call of the same
// method with the same values. Decision record: docs/decisions/0050-direct-field-resolvers.md.
import { getNamedType, isEnumType, isObjectType, isScalarType, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { getMetadataStorage } from "type-graphql";

type Method = (...params: unknown[]) => unknown;
type Param = { kind: string; index: number; name?: string; propertyName?: string; getType?: () => unknown };

/** Replaces type-graphql's wrapper where it does nothing; returns the fields it replaced ("Type.field"). */
export function callFieldResolversDirectly(schema: GraphQLSchema): string[] {
  const storage = getMetadataStorage();
  const instances = new Map<Function, Record<string, Method>>();
  const replaced: string[] = [];
  for (const resolver of storage.fieldResolvers) {
    if (resolver.kind !== "external" || resolver.roles !== undefined || (resolver.middlewares?.length ?? 0) > 0) continue;
    const owner = resolver.getObjectType?.();
    const typeName = storage.objectTypes.find((o) => o.target === owner)?.name;
    const type = typeName ? schema.getType(typeName) : undefined;
    if (!isObjectType(type)) continue;
    const field = type.getFields()[resolver.schemaName];
    if (!field || !field.args.every((arg) => isScalarType(getNamedType(arg.type)) || isEnumType(getNamedType(arg.type)))) continue;
    const params = [...((resolver.params ?? []) as Param[])].sort((a, b) => a.index - b.index);
    if (!params.every(passedAsIs)) continue;
    let instance = instances.get(resolver.target);
    if (!instance) instances.set(resolver.target, (instance = new (resolver.target as new () => Record<string, Method>)()));
    field.resolve = direct(instance, resolver.methodName, params);
    replaced.push(`${type.name}.${field.name}`);
  }
  return replaced;
}

/** Parameters type-graphql would hand over unchanged. */
function passedAsIs(param: Param): boolean {
  switch (param.kind) {
    case "context":
    case "info":
    case "arg":
      return true;
    case "root":
      // A typed root is turned into an instance of its class first; that is only unobservable for a
      // class of plain data (no methods, no accessors).
      return param.propertyName === undefined && (param.getType === undefined || isPlainDataClass(param.getType()));
    default:
      return false;
  }
}

function isPlainDataClass(type: unknown): boolean {
  return typeof type === "function" && Object.getOwnPropertyNames(type.prototype).every((name) => name === "constructor");
}

function direct(instance: Record<string, Method>, methodName: string, params: readonly Param[]): GraphQLFieldResolver<unknown, unknown> {
  const method = instance[methodName]!;
  const pick = params.map((param): ((root: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => unknown) => {
    switch (param.kind) {
      case "root":
        return (root) => root;
      case "context":
        return param.propertyName ? (_root, _args, context) => (context as Record<string, unknown>)[param.propertyName!] : (_root, _args, context) => context;
      case "info":
        return (_root, _args, _context, info) => info;
      default:
        return (_root, args) => args[param.name!];
    }
  });
  switch (pick.length) {
    case 2:
      return (root, args, context, info) => method.call(instance, pick[0]!(root, args, context, info), pick[1]!(root, args, context, info));
    case 3:
      return (root, args, context, info) =>
        method.call(instance, pick[0]!(root, args, context, info), pick[1]!(root, args, context, info), pick[2]!(root, args, context, info));
    default:
      return (root, args, context, info) => method.apply(instance, pick.map((p) => p(root, args, context, info)));
  }
}
