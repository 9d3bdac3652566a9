// Turns the Authorization header into a principal. Issue-level scope: the bootstrap admin key.
import { createHash, timingSafeEqual } from "node:crypto";
import type { Principal } from "../rules/access/roles.js";

export interface AuthSettings {
  readonly adminApiKey: string | null;
}

export type AuthResult =
  | { readonly kind: "anonymous" }
  | { readonly kind: "authenticated"; readonly principal: Principal }
  | { readonly kind: "rejected"; readonly message: string };

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/** Constant-time comparison of two secrets of any length. */
export function secretsEqual(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

export function authenticate(authorization: string | undefined, settings: AuthSettings): AuthResult {
  if (authorization === undefined || authorization.trim() === "") return { kind: "anonymous" };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match?.[1]) return { kind: "rejected", message: "Authorization must be 'Bearer <token>'" };
  const token = match[1];
  if (settings.adminApiKey !== null && secretsEqual(token, settings.adminApiKey)) {
    return { kind: "authenticated", principal: { role: "ADMIN", subject: "admin-key" } };
  }
  return { kind: "rejected", message: "the bearer token is not valid" };
}
