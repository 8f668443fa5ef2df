import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { SecretKeyMissingError } from "../../graphql/errors.js";

/**
 * AES-256-GCM for secrets at rest (ATS credentials, webhook secrets). The key is SHA-256 of TASKLINE_SECRET_KEY,
 * so any long random string works. A box is `v1.<iv>.<tag>.<ciphertext>` (base64url): the tag makes a tampered
 * box or a wrong key fail loudly instead of yielding garbage.
 */
export class SecretBox {
  private readonly key: Buffer | undefined;

  constructor(secretKey: string | undefined) {
    this.key = secretKey ? createHash("sha256").update(secretKey, "utf8").digest() : undefined;
  }

  get available(): boolean {
    return this.key !== undefined;
  }

  seal(plain: string): string {
    if (!this.key) throw new SecretKeyMissingError();
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ct.toString("base64url")].join(".");
  }

  open(box: string): string {
    if (!this.key) throw new SecretKeyMissingError();
    const [version, iv, tag, ct] = box.split(".");
    if (version !== "v1" || !iv || !tag || ct === undefined) throw new Error("not a sealed secret");
    const decipher = createDecipheriv("aes-256-gcm", this.key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    try {
      return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
    } catch {
      throw new Error("a stored secret cannot be decrypted: TASKLINE_SECRET_KEY changed since it was stored");
    }
  }
}

/** What the API shows of a secret: its last four characters, never more (and nothing of a short one). */
export function lastFour(secret: string): string {
  return secret.length >= 12 ? secret.slice(-4) : "";
}
