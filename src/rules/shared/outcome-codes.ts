// A feature's userErrors: its codes as an `as const` list and their zh/en texts in one table,
// `Record<Code, (values) => LocalizedText>`, so a code without both texts does not compile and a
// flow cannot report a code its feature does not list (docs/decisions/0030-typed-outcomes.md).
import type { LocalizedText } from "./localized-text.js";
import type { Problem } from "./problem.js";

/** How each code of a feature reads; the argument holds what the text names (a policy number, a version …). */
export type MessageTable<C extends string> = Record<C, (values: never) => LocalizedText>;

type ValuesOf<F> = F extends (values: infer V) => LocalizedText ? ([V] extends [never] ? [] : unknown extends V ? [] : [values: V]) : never;

/** A problem maker bound to one table: the code must be the table's, the values the ones its text needs. */
export type ProblemMaker<T extends MessageTable<string>> = <C extends keyof T & string>(code: C, field: readonly string[], ...values: ValuesOf<T[C]>) => Problem<C>;

export function problemMaker<T extends MessageTable<string>>(messages: T): ProblemMaker<T> {
  return (code, field, ...values) => ({ code, field, message: (messages[code] as (v: unknown) => LocalizedText)((values as readonly unknown[])[0]) });
}

/**
 * The codes a mutation may answer in userErrors with their English text, for the schema's
 * descriptions. Values a text names show as `{name}`; a text whose argument is a single value
 * (the eligibility reasons' date) shows it as `{argument}`.
 */
export function describeCodes<C extends string>(messages: MessageTable<C>, codes: readonly C[], argument = "value"): string {
  return codes.map((code) => `- \`${code}\`: ${templateOf(messages, code, argument).en}`).join("\n");
}

/** A code's text with `{name}` where it names a value. */
export function templateOf<C extends string>(messages: MessageTable<C>, code: C, argument = "value"): LocalizedText {
  return (messages[code] as (v: unknown) => LocalizedText)(placeholders(argument));
}

/** Stands in for any value a text names: `{name}` as a string, as a text, or as a list. */
function placeholders(argument: string): unknown {
  const shown = (name: string) => ({ zh: `{${name}}`, en: `{${name}}`, toString: () => `{${name}}`, join: () => `{${name}}` });
  return new Proxy(
    {},
    {
      get: (_target, key) => {
        if (key === Symbol.toPrimitive) return () => `{${argument}}`;
        return typeof key === "symbol" ? undefined : shown(key);
      },
    },
  );
}

/** The userErrors text of a mutation: what it does, then the codes it may answer with. */
export function withCodes(summary: string, ...groups: readonly string[]): string {
  return `${summary}\n\nuserErrors codes:\n${groups.filter((g) => g.length > 0).join("\n")}`;
}
