import { getNamedType, isLeafType, type GraphQLObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { getMetadataStorage } from "type-graphql";
import { getSchema } from "./build-schema.js";
import { callFieldResolversDirectly } from "./direct-field-resolvers.js";

describe("field resolvers called directly", () => {
  it("replaces the wrapper on plain field resolvers and leaves the guarded ones to type-graphql", async () => {
    const schema = await getSchema();
    const replaced = callFieldResolversDirectly(schema);
    expect(replaced).toEqual(expect.arrayContaining(["Policy.entitlements", "Policy.cases", "Policy.insured"]));
    const storage = getMetadataStorage();
    const typeNameOf = (target: Function | undefined) => storage.objectTypes.find((o) => o.target === target)?.name;
    const guarded = storage.fieldResolvers
      .filter((r) => r.roles !== undefined || (r.middlewares?.length ?? 0) > 0)
      .map((r) => `${typeNameOf(r.getObjectType?.())}.${r.schemaName}`);
    // Today no field resolver carries roles or middleware; one that does must keep type-graphql's wrapper.
    for (const name of guarded) expect(replaced).not.toContain(name);
    for (const name of replaced) {
      const [typeName, fieldName] = name.split(".") as [string, string];
      const field = (schema.getType(typeName) as GraphQLObjectType).getFields()[fieldName]!;
      for (const arg of field.args) expect(isLeafType(getNamedType(arg.type)), `${name}(${arg.name})`).toBe(true);
    }
  });
});
