import { hash, verify } from "@node-rs/argon2";
import { BadUserInputError } from "../../graphql/errors.js";

export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 512;

/** argon2id with the library's defaults (OWASP's recommended minimum: 19 MiB, 2 iterations). */
export function hashPassword(password: string): Promise<string> {
  checkPasswordPolicy(password);
  return hash(password);
}

export function checkPasswordPolicy(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new BadUserInputError(`The password must be at least ${MIN_PASSWORD_LENGTH} characters long`, { field: "password" });
  if (password.length > MAX_PASSWORD_LENGTH) throw new BadUserInputError(`The password must be at most ${MAX_PASSWORD_LENGTH} characters long`, { field: "password" });
}

/** A real hash of nothing anyone knows: unknown users cost a verification too, so timing does not tell them apart. */
let dummyHash: Promise<string> | undefined;

/** Constant-time comparison inside argon2's verify; false for unknown users after the same work. */
export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  dummyHash ??= hash("taskline-no-such-user-" + Math.random());
  const target = storedHash ?? (await dummyHash);
  const ok = await verify(target, password.slice(0, MAX_PASSWORD_LENGTH)).catch(() => false);
  return storedHash !== undefined && ok;
}
