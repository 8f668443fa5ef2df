import type { AuthChecker, MiddlewareFn } from "type-graphql";
import type { Scope } from "../modules/identity/roles.js";
import type { Context } from "./context.js";
import { ForbiddenError, UnauthenticatedError } from "./errors.js";

/**
 * The one place that decides access to operations: `@Authorized("tasks:read")` on every Query, Mutation and
 * Subscription field (no scopes: any signed-in caller). It runs before the resolver, so an anonymous caller learns
 * nothing about whether an id exists. Ownership (whose task) is the services' business, checked on the records.
 */
export const authChecker: AuthChecker<Context, Scope> = ({ context }, scopes) => {
  const viewer = context.viewer;
  if (!viewer) throw new UnauthenticatedError(context.credentialsInvalid ? "The credentials are invalid, revoked or expired" : undefined);
  const missing = scopes.filter((s) => !viewer.scopes.has(s));
  if (missing.length) throw new ForbiddenError(`This needs the ${missing.join(", ")} scope${missing.length > 1 ? "s" : ""}`);
  return true;
};

/** Rate-limits a mutation that starts work, per user (sessions) or per key. */
export const StartsWork: MiddlewareFn<Context> = async ({ context }, next) => {
  const v = context.viewer;
  if (v) await context.app.rateLimits.consumeStartWork(v.apiKeyId ? `key:${v.apiKeyId}` : `user:${v.userId}`);
  return next();
};
