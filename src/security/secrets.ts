import { createHash, timingSafeEqual } from "node:crypto";

/** How API key secrets are stored: SHA-256, base64url. The secret itself is never kept. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("base64url");
}

const expectedDigests = new Map<string, Buffer>();

/**
 * Constant-time comparison of a presented secret with an expected one, of any length. The
 * expected side is a configured key: its digest is taken once, not on every request.
 */
export function secretsEqual(presented: string, expected: string): boolean {
  let digest = expectedDigests.get(expected);
  if (!digest) {
    digest = createHash("sha256").update(expected).digest();
    if (expectedDigests.size < 16) expectedDigests.set(expected, digest);
  }
  return timingSafeEqual(createHash("sha256").update(presented).digest(), digest);
}
