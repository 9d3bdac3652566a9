// The one authorisation decision for @Authorized: declared roles against the request's principal.
// No principal → UNAUTHENTICATED; a principal without the role → FORBIDDEN (type-graphql's UNAUTHORIZED).
import { GraphQLError } from "graphql";
import type { AuthCheckerFn } from "type-graphql";
import type { Context } from "../context/context.js";
import type { Role } from "../rules/access/roles.js";

export const authChecker: AuthCheckerFn<Context, Role> = ({ context }, roles) => {
  const principal = context.principal;
  if (principal === null) {
    throw new GraphQLError("Authentication required: send Authorization: Bearer <api key or token>", {
      extensions: { code: "UNAUTHENTICATED" },
    });
  }
  return roles.length === 0 || roles.includes(principal.role);
};
