import { GraphQLError, type GraphQLFormattedError } from "graphql";

/**
 * One class per `extensions.code` a client can see; docs/error-codes.md lists them. Anything else thrown in a
 * resolver reaches the client as INTERNAL_SERVER_ERROR without its message (see formatError in graphql/server.ts).
 */
abstract class TasklineError extends GraphQLError {
  constructor(message: string, code: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
  }
}

export class NotFoundError extends TasklineError {
  constructor(what: string, id: string) {
    super(`${what} ${id} was not found`, "NOT_FOUND", { id });
  }
}

export class BadUserInputError extends TasklineError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, "BAD_USER_INPUT", details);
  }
}

export class TaskNotCancellableError extends TasklineError {
  constructor(id: string, status: string) {
    super(`Task ${id} is ${status.toUpperCase()} and can no longer be cancelled`, "TASK_NOT_CANCELLABLE", { id, status: status.toUpperCase() });
  }
}

export class TaskNotRetryableError extends TasklineError {
  constructor(id: string, status: string) {
    super(`Task ${id} is ${status.toUpperCase()}; only FAILED or CANCELLED tasks can be retried`, "TASK_NOT_RETRYABLE", { id, status: status.toUpperCase() });
  }
}

export class UnknownTaskTypeError extends TasklineError {
  constructor(type: string) {
    super(`Unknown task type "${type}"`, "BAD_USER_INPUT", { type });
  }
}

export const INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR";

/**
 * What a client may see of an error: Taskline's own codes as they are, anything else as INTERNAL_SERVER_ERROR with
 * a generic message (no SQL, stack or secret leaves the process). Development mode keeps the original message.
 */
export function maskError(formatted: GraphQLFormattedError, original: unknown, exposeInternals: boolean): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const cause = original instanceof GraphQLError ? original.originalError : original;
  // A GraphQLError of ours or of graphql-js itself (parse, validation) is meant for clients; any other cause is not.
  const known = typeof code === "string" && code !== INTERNAL_SERVER_ERROR && !(cause instanceof Error && !(cause instanceof GraphQLError));
  if (known) {
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: exposeInternals ? formatted.message : "Internal server error",
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: INTERNAL_SERVER_ERROR },
  };
}

export class UnauthenticatedError extends TasklineError {
  constructor(message = "Sign in, or send an API key as `Authorization: Bearer <key>`") {
    super(message, "UNAUTHENTICATED");
  }
}

export class ForbiddenError extends TasklineError {
  constructor(message = "You may not do this") {
    super(message, "FORBIDDEN");
  }
}

export class RateLimitedError extends TasklineError {
  constructor(message: string, retryAfterSeconds: number) {
    super(message, "RATE_LIMITED", { retryAfterSeconds });
  }
}

/** triggerSchedule refused by the overlap policy SKIP: a task of the schedule still runs. `force: true` runs anyway. */
export class ScheduleBusyError extends TasklineError {
  constructor(id: string, reason: string, busyTaskId?: string) {
    super(`Schedule ${id} is busy: ${reason}. Trigger with force: true to run it anyway`, "SCHEDULE_BUSY", { id, busyTaskId });
  }
}

/** Starting an analysis needs one credit per resume; nothing was queued or stored. */
export class InsufficientCreditsError extends TasklineError {
  constructor(needed: number, available: number) {
    super(`This analysis needs ${needed} credit(s) and ${available} are available; ask an admin to top up`, "INSUFFICIENT_CREDITS", { needed, available });
  }
}

/** DEEP analysis (and the LLM ranking engine) need OPENAI_API_KEY; QUICK falls back to the built-in scorer. */
export class LlmNotConfiguredError extends TasklineError {
  constructor(what: string) {
    super(`${what} needs an LLM and none is configured (OPENAI_API_KEY); QUICK mode uses the built-in scorer`, "LLM_NOT_CONFIGURED");
  }
}

/** An upload refused before anything was stored: too many files, a file too large, an unsupported or unsafe one. */
export class UploadRejectedError extends TasklineError {
  constructor(message: string, reason: "TOO_MANY_FILES" | "FILE_TOO_LARGE" | "UNSUPPORTED_TYPE" | "UNSAFE_ARCHIVE", details: Record<string, unknown> = {}) {
    super(message, "UPLOAD_REJECTED", { reason, ...details });
  }
}

/** A secret (ATS credentials, a webhook secret) cannot be stored: TASKLINE_SECRET_KEY is not configured. */
export class SecretKeyMissingError extends TasklineError {
  constructor() {
    super("Secrets cannot be stored: set TASKLINE_SECRET_KEY (docs/configuration.md)", "SECRET_KEY_MISSING");
  }
}

/** A device operation refused before anything was queued: too many device tasks wait already (docs/devices.md). */
export class DeviceQueueFullError extends TasklineError {
  constructor(scope: "device" | "all", limit: number, deviceId: string) {
    super(
      scope === "device"
        ? `Device ${deviceId} already has ${limit} operations waiting or running; wait for some to finish`
        : `${limit} device operations are already waiting or running across all devices; wait for some to finish`,
      "DEVICE_QUEUE_FULL",
      { deviceId, scope: scope.toUpperCase(), limit },
    );
  }
}
