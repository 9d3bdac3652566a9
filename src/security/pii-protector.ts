// ID numbers and phones at rest: AES-256-GCM ciphertext (recoverable by whoever holds the key),
// an HMAC-SHA256 keyed hash (exact look-ups without decrypting), and a masked form for display.
// A leaked database without the key reveals only the masked forms.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

export interface PiiProtector {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** Deterministic keyed hash of a normalised value, for equality look-ups. */
  hash(plain: string): string;
}

const masterKeys = new WeakMap<PiiProtector, Buffer>();

/**
 * The key a protector was made from, so that a worker thread of this process can make the same
 * protector (createPiiProtector) instead of calling back into this thread; undefined for a
 * protector not made by createPiiProtector.
 */
export function masterKeyOf(pii: PiiProtector): Buffer | undefined {
  return masterKeys.get(pii);
}

export function createPiiProtector(masterKey: Buffer): PiiProtector {
  if (masterKey.length !== 32) throw new Error("the PII key must be 32 bytes");
  const encryptionKey = Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), "pii-encryption", 32));
  const hashKey = Buffer.from(hkdfSync("sha256", masterKey, Buffer.alloc(0), "pii-lookup-hash", 32));
  // IVs drawn from the CSPRNG 12 KiB at a time: one call per 1,024 encryptions instead of one each
  // (a call costs more than the 12 bytes it returns; a bulk feed makes millions). Never reused.
  let ivPool = Buffer.alloc(0);
  let ivAt = 0;
  const nextIv = () => {
    if (ivAt + 12 > ivPool.length) [ivPool, ivAt] = [randomBytes(12 * 1024), 0];
    ivAt += 12;
    return ivPool.subarray(ivAt - 12, ivAt);
  };
  const protector: PiiProtector = {
    encrypt(plain) {
      const iv = nextIv();
      const cipher = createCipheriv("aes-256-gcm", encryptionKey, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
    },
    decrypt(sealed) {
      const [version, payload] = sealed.split(".");
      if (version !== "v1" || !payload) throw new Error("unknown PII cipher format");
      const raw = Buffer.from(payload, "base64url");
      const decipher = createDecipheriv("aes-256-gcm", encryptionKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    },
    hash(plain) {
      return createHmac("sha256", hashKey).update(plain).digest("base64url");
    },
  };
  masterKeys.set(protector, Buffer.from(masterKey));
  return protector;
}

/** Reads PII_ENCRYPTION_KEY: 32 bytes as 64 hex characters or base64. */
export function parsePiiKey(raw: string): Buffer | null {
  const value = raw.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, "hex");
  const decoded = Buffer.from(value, "base64");
  return decoded.length === 32 ? decoded : null;
}
