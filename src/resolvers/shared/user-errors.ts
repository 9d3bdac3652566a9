import type { Problem } from "../../rules/shared/problem.js";
import type { UserError } from "../../schema/shared/user-error.type.js";

export function toUserErrors(problems: readonly Problem[]): UserError[] {
  return problems.map((p) => ({ code: p.code, field: [...p.field], message: p.message }));
}
