// ID numbers at rest (P5): AES-256-GCM with a key from the environment (PII_KEY), never
// from the database. Duplicates are found without decrypting through an HMAC of the
// normalized number under a sub-key derived from the same key (HKDF), so the hash cannot
// be recomputed from a leaked table alone.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

export interface PiiKeys {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Stable keyed hash of a normalized ID number. */
  hash(normalized: string): string;
}

const VERSION = "v1";

export function piiKeys(base64Key: string): PiiKeys {
  const key = Buffer.from(base64Key, "base64");
  if (key.length !== 32) throw new Error("PII_KEY must be 32 bytes in base64");
  const hashKey = Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), "duban id-number hash", 32));
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [VERSION, iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(":");
    },
    decrypt(stored) {
      const [version, iv, tag, body] = stored.split(":");
      if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("not a ciphertext of this key version");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
      decipher.setAuthTag(Buffer.from(tag, "base64"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
    },
    hash(normalized) {
      return createHmac("sha256", hashKey).update(normalized).digest("hex");
    },
  };
}

/** The keys of a configured PII_KEY, or null when none is set (ID numbers are then refused). */
export function optionalPiiKeys(base64Key: string | undefined): PiiKeys | null {
  return base64Key === undefined ? null : piiKeys(base64Key);
}
