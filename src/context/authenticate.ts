// Turns the Authorization header into a principal: the bootstrap admin key from the environment,
// or an issued API key (looked up by the SHA-256 of the secret; only that hash is stored).
import type { Executor } from "../db/client.js";
import { activeApiKeyByHash, partnerByCode } from "../db/queries/api-keys.js";
import type { Principal, Role } from "../rules/access/roles.js";
import type { JwtVerifier } from "../security/jwt.js";
import { hashSecret, secretsEqual } from "../security/secrets.js";

export interface AuthSettings {
  readonly adminApiKey: string | null;
  readonly jwt?: JwtVerifier | null;
}

export type AuthResult =
  | { readonly kind: "anonymous" }
  | { readonly kind: "authenticated"; readonly principal: Principal }
  | { readonly kind: "rejected"; readonly message: string };

export async function authenticate(
  authorization: string | undefined,
  settings: AuthSettings,
  db: Executor,
): Promise<AuthResult> {
  if (authorization === undefined || authorization.trim() === "") return { kind: "anonymous" };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match?.[1]) return { kind: "rejected", message: "Authorization must be 'Bearer <token>'" };
  const token = match[1];
  if (settings.adminApiKey !== null && secretsEqual(token, settings.adminApiKey)) {
    return { kind: "authenticated", principal: { role: "ADMIN", subject: "admin-key" } };
  }
  if (/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) {
    if (!settings.jwt) return { kind: "rejected", message: "JWTs are not accepted here (no AUTH_JWT_SECRET or AUTH_JWKS_FILE)" };
    const verified = await settings.jwt(token);
    return "rejected" in verified ? { kind: "rejected", message: verified.rejected } : { kind: "authenticated", principal: verified };
  }
  const key = await activeApiKeyByHash(db, hashSecret(token));
  if (!key) return { kind: "rejected", message: "the bearer token is not valid" };
  const partner = key.partnerCode ? await partnerByCode(db, key.partnerCode) : null;
  return {
    kind: "authenticated",
    principal: {
      role: key.role as Role,
      subject: `api-key:${key.id}`,
      partnerCode: key.partnerCode,
      partnerServices: partner?.services ?? [],
      policyNos: key.policyNos,
    },
  };
}
