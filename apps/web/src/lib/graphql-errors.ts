import { CombinedGraphQLErrors } from "@apollo/client/errors";

/** Turns an Apollo error into one line for the user, leading with the API's `extensions.code`. */
export function describeError(error: unknown): { code: string | null; message: string; extensions: Record<string, unknown> } {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const extensions = first?.extensions ?? {};
    const code = typeof extensions.code === "string" ? extensions.code : null;
    return { code, message: first?.message ?? error.message, extensions };
  }
  if (error instanceof Error) return { code: null, message: error.message, extensions: {} };
  return { code: null, message: String(error), extensions: {} };
}

/** RATE_LIMITED carries how long to wait; null for any other error. */
export function retryAfterSeconds(error: unknown): number | null {
  const { code, extensions } = describeError(error);
  const seconds = extensions.retryAfterSeconds;
  return code === "RATE_LIMITED" && typeof seconds === "number" ? seconds : null;
}

const friendly: Record<string, string> = {
  TASK_NOT_CANCELLABLE: "This task has already finished and can no longer be cancelled.",
  TASK_NOT_RETRYABLE: "Only failed or cancelled tasks can be retried.",
  NOT_FOUND: "Not found.",
  FORBIDDEN: "You are not allowed to do that.",
  UNAUTHENTICATED: "Please sign in again.",
  BAD_USER_INPUT: "Some of the input is invalid.",
  RATE_LIMITED: "Too many attempts; wait a little and try again.",
};

export function errorText(error: unknown): string {
  const { code, message } = describeError(error);
  if (code === null) return message;
  const hint = friendly[code];
  return hint && hint !== message ? `${hint} (${code}: ${message})` : `${code}: ${message}`;
}
