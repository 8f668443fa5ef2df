import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { ConnectionType, pageSize } from "../../graphql/connection.js";
import { type Context, viewerOf } from "../../graphql/context.js";
import { UnauthenticatedError } from "../../graphql/errors.js";
import { ApiKey } from "./api-key.entity.js";
import { AuditEntry } from "./audit-entry.entity.js";
import { CreateApiKeyInput, CreateApiKeyPayload, CreateUserInput, CreateUserPayload, SignInPayload } from "./identity.inputs.js";
import { checkPasswordPolicy } from "./passwords.js";
import { Role, SCOPES } from "./roles.js";
import { User } from "./user.entity.js";

export const AuditEntryConnection = ConnectionType("AuditEntry", AuditEntry);

@Resolver()
export class IdentityResolver {
  @Query(() => User, { nullable: true, description: "The signed-in user; null when anonymous." })
  me(@Ctx() ctx: Context) {
    return ctx.viewer ? ctx.app.users.get(ctx.viewer.userId) : null;
  }

  @Mutation(() => SignInPayload, { description: "Starts a browser session (an HttpOnly cookie)." })
  async signIn(@Arg("email", () => String) email: string, @Arg("password", () => String) password: string, @Ctx() ctx: Context) {
    const { app, meta } = ctx;
    await app.rateLimits.beforeSignIn(email, meta.ip);
    try {
      const { viewer, token, expiresAt } = await app.auth.signIn(email, password, meta);
      await app.rateLimits.signInSucceeded(email);
      ctx.sessionCookie?.set(token, expiresAt);
      return { user: await app.users.get(viewer.userId), expiresAt };
    } catch (err) {
      if (err instanceof UnauthenticatedError) await app.rateLimits.signInFailed(email, meta.ip);
      throw err;
    }
  }

  @Authorized()
  @Mutation(() => Boolean)
  async signOut(@Ctx() ctx: Context) {
    await ctx.app.auth.signOut(viewerOf(ctx), ctx.meta);
    ctx.sessionCookie?.clear();
    return true;
  }

  @Authorized()
  @Mutation(() => Boolean, { description: "Ends every other session of the user." })
  async changePassword(@Arg("currentPassword", () => String) current: string, @Arg("newPassword", () => String) next: string, @Ctx() ctx: Context) {
    checkPasswordPolicy(next);
    await ctx.app.auth.changePassword(viewerOf(ctx), current, next, ctx.meta);
    return true;
  }

  @Authorized("admin")
  @Query(() => [User])
  users(@Ctx() ctx: Context) {
    return ctx.app.users.list();
  }

  @Authorized("admin")
  @Mutation(() => CreateUserPayload)
  createUser(@Arg("input", () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: Context) {
    return ctx.app.users.create(viewerOf(ctx), input, ctx.meta);
  }

  @Authorized("admin")
  @Mutation(() => User)
  changeUserRole(@Arg("id", () => ID) id: string, @Arg("role", () => Role) role: Role, @Ctx() ctx: Context) {
    return ctx.app.users.changeRole(viewerOf(ctx), id, role, ctx.meta);
  }

  @Authorized("admin")
  @Mutation(() => User, { description: "Their sessions and keys stop working at once." })
  deactivateUser(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.app.users.setActive(viewerOf(ctx), id, false, ctx.meta);
  }

  @Authorized("admin")
  @Mutation(() => User)
  reactivateUser(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.app.users.setActive(viewerOf(ctx), id, true, ctx.meta);
  }

  @Authorized()
  @Query(() => [String], { description: "Every scope an API key can have; a key never exceeds its owner's role." })
  scopes(): string[] {
    return [...SCOPES];
  }

  @Authorized()
  @Query(() => [ApiKey], { description: "Your API keys, newest first." })
  apiKeys(@Ctx() ctx: Context) {
    return ctx.app.apiKeys.list(viewerOf(ctx));
  }

  @Authorized()
  @Mutation(() => CreateApiKeyPayload)
  createApiKey(@Arg("input", () => CreateApiKeyInput) input: CreateApiKeyInput, @Ctx() ctx: Context) {
    return ctx.app.apiKeys.create(viewerOf(ctx), input, ctx.meta);
  }

  @Authorized()
  @Mutation(() => ApiKey, { description: "Live connections using the key close at once." })
  revokeApiKey(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.app.apiKeys.revoke(viewerOf(ctx), id, ctx.meta);
  }

  @Authorized("admin")
  @Query(() => AuditEntryConnection, { description: "Newest first." })
  auditLog(
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { defaultValue: 50 }) first: number,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
    @Arg("action", () => String, { nullable: true }) action?: string | null,
  ) {
    return ctx.app.audit.list(pageSize(first, 50), after, action);
  }
}
