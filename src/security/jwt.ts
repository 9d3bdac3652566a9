// End users of the front ends: signed JWTs (HS256 with AUTH_JWT_SECRET, or a local key set in
// AUTH_JWKS_FILE) carrying the policy numbers the user may see → an INSURED principal.
import { readFileSync } from "node:fs";
import { createLocalJWKSet, jwtVerify, type JWTVerifyGetKey } from "jose";
import type { Principal } from "../rules/access/roles.js";

export interface JwtSettings {
  readonly secret: string | null;
  readonly jwksFile: string | null;
  readonly issuer: string | null;
  readonly audience: string | null;
  /** AUTH_JWT_MAX_AGE_SECONDS: a token older than this (by `iat`, which it must then carry) is refused; null: no limit beyond `exp`. */
  readonly maxAgeSeconds?: number | null;
}

export type JwtVerifier = (token: string) => Promise<Principal | { rejected: string }>;

/** The claim that lists the policies a token's holder may see. */
export const POLICY_CLAIM = "policy_nos";

export function createJwtVerifier(settings: JwtSettings): JwtVerifier | null {
  let key: Uint8Array | JWTVerifyGetKey;
  if (settings.jwksFile) key = createLocalJWKSet(JSON.parse(readFileSync(settings.jwksFile, "utf8")));
  else if (settings.secret) key = new TextEncoder().encode(settings.secret);
  else return null;
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, key as Uint8Array, {
        issuer: settings.issuer ?? undefined,
        audience: settings.audience ?? undefined,
        algorithms: settings.jwksFile ? ["RS256", "ES256", "EdDSA"] : ["HS256"],
        // a token without exp would never expire
        requiredClaims: settings.maxAgeSeconds ? ["exp", "iat"] : ["exp"],
        ...(settings.maxAgeSeconds ? { maxTokenAge: settings.maxAgeSeconds } : {}),
      });
      const policies = payload[POLICY_CLAIM];
      if (!payload.sub || !Array.isArray(policies) || !policies.every((p) => typeof p === "string")) {
        return { rejected: `the token needs sub and ${POLICY_CLAIM} (a list of policy numbers)` };
      }
      return { role: "INSURED", subject: `jwt:${payload.sub}`, policyNos: policies as string[] };
    } catch (error) {
      const code = (error as { code?: string }).code ?? "ERR_JWT_INVALID";
      return { rejected: `the token is not valid (${code})` };
    }
  };
}
