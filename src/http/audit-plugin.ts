// Every mutation appends an audit record: who, what, when, from where, and how it ended.
// Codes and ids only: never the input (which may hold personal data).
import type { ApolloServerPlugin } from "@apollo/server";
import { Kind } from "graphql";
import type { Context } from "../context/context.js";
import { auditLog } from "../db/schema/index.js";
import { describeForLog } from "../logging/describe-error.js";

export function auditPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, response, contextValue, errors }) {
          if (operation?.operation !== "mutation") return;
          const data = response.body.kind === "single" ? (response.body.singleResult.data ?? {}) : {};
          const rows = operation.selectionSet.selections
            .filter((s) => s.kind === Kind.FIELD)
            .map((field) => {
              const key = field.alias?.value ?? field.name.value;
              const payload = (data as Record<string, { userErrors?: { code: string }[] } | null>)[key];
              const outcome = errors?.length && !payload ? "error" : payload?.userErrors?.length ? `user_errors:${payload.userErrors.map((e) => e.code).join(",")}` : "ok";
              return {
                actor: contextValue.principal?.subject ?? "anonymous",
                role: contextValue.principal?.role ?? null,
                operation: field.name.value,
                requestId: contextValue.requestId,
                remoteAddress: contextValue.remoteAddress,
                outcome: outcome.slice(0, 500),
              };
            });
          if (rows.length === 0) return;
          try {
            await contextValue.db.insert(auditLog).values(rows);
          } catch (error) {
            contextValue.logger.error({ err: describeForLog(error) }, "could not write the audit record");
          }
        },
      };
    },
  };
}
