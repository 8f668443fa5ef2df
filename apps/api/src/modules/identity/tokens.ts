import { createHash, randomBytes } from "node:crypto";

/** 256 bits from the OS's CSPRNG, URL-safe. */
export function newSecret(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

/**
 * Session tokens and API keys are random 256-bit secrets, so a fast hash is enough to store them (unlike passwords,
 * they cannot be guessed); it also lets a lookup use an index.
 */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export const API_KEY_PREFIX = "tlk_";
