// Names the operation's span (opened around Apollo by routes/graphql.ts) once the operation is
// known: its type, its name and its document id (the sha256 of the text, the id a published
// document has). Never the variables or the text. No-op when the span is not recorded.
import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../context/context.js";

export function tracingPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const span = contextValue.trace;
      if (!span) return;
      return {
        async didResolveOperation({ operation, operationName, queryHash }) {
          const type = operation?.operation ?? "query";
          span.updateName(`${type} ${operationName ?? "anonymous"}`);
          span.setAttributes({
            "graphql.operation.type": type,
            "graphql.operation.name": operationName ?? "",
            // Apollo's hash of the text is the sha256 a published document's id is made of (documentIdOf).
            "graphql.document.id": `sha256:${queryHash}`,
          });
        },
        async willSendResponse({ errors }) {
          if (errors?.length) span.setAttribute("graphql.error.count", errors.length);
        },
      };
    },
  };
}
