/** Coerces anything thrown into an Error, so callers can rely on `.message` and `cause`. */
export function toError(value: unknown): Error {
  if (value instanceof Error) return value;
  if (value && typeof value === "object" && "message" in value) return new Error(String((value as { message: unknown }).message), { cause: value });
  return new Error(String(value));
}

/** Named Postgres error codes; compare against these, never against bare strings. */
export const PgCode = {
  UNIQUE_VIOLATION: "23505",
  FOREIGN_KEY_VIOLATION: "23503",
  INVALID_TEXT_REPRESENTATION: "22P02",
  ADMIN_SHUTDOWN: "57P01",
  DEADLOCK_DETECTED: "40P01",
} as const;

/** The Postgres SQLSTATE of an error thrown by pg or TypeORM (which wraps it as `driverError`), if any. */
export function pgCodeOf(err: unknown): string | undefined {
  const e = err as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === "string" ? code : undefined;
}
