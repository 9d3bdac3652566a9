// GraphQL enums registered from the `as const` code lists in src/rules, so the lists stay the one source.
import { registerEnumType } from "type-graphql";

type EnumObject<T extends string> = { [K in T]: K };

export function enumFromCodes<const T extends string>(
  codes: readonly T[],
  name: string,
  description: string,
  valuesConfig?: Partial<Record<T, { description: string }>>,
): EnumObject<T> {
  const object = Object.fromEntries(codes.map((code) => [code, code])) as EnumObject<T>;
  registerEnumType(object, { name, description, valuesConfig: valuesConfig as never });
  return object;
}
