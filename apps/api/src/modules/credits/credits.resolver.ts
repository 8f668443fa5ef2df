import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { pageSize } from "../../graphql/connection.js";
import { type Context, viewerOf } from "../../graphql/context.js";
import { ForbiddenError } from "../../graphql/errors.js";
import { Role } from "../identity/roles.js";
import { CreditBalanceType, CreditEntryConnection } from "./credits.types.js";

@Resolver()
export class CreditsResolver {
  @Authorized()
  @Query(() => CreditBalanceType, { description: "A user's analysis credits: yours, or (admins) anyone's." })
  credits(@Ctx() ctx: Context, @Arg("userId", () => ID, { nullable: true }) userId?: string | null) {
    return ctx.app.credits.balance(ownOrAdmin(ctx, userId));
  }

  @Authorized()
  @Query(() => CreditEntryConnection, { description: "The credit ledger of a user (yours unless you are an admin), newest first." })
  creditLedger(
    @Ctx() ctx: Context,
    @Arg("userId", () => ID, { nullable: true }) userId?: string | null,
    @Arg("first", () => Int, { defaultValue: 50 }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ) {
    return ctx.app.credits.ledger(ownOrAdmin(ctx, userId), pageSize(first, 50), after);
  }

  @Authorized("admin")
  @Mutation(() => CreditBalanceType, { description: "Adds credits to a user (a negative amount takes free credits back). Audited (CREDITS_TOPPED_UP)." })
  topUpCredits(@Arg("userId", () => ID) userId: string, @Arg("amount", () => Int) amount: number, @Ctx() ctx: Context, @Arg("note", () => String, { nullable: true }) note?: string | null) {
    return ctx.app.credits.topUp(viewerOf(ctx), userId, amount, note ?? null, ctx.meta.ip);
  }
}

function ownOrAdmin(ctx: Context, userId: string | null | undefined): string {
  const viewer = viewerOf(ctx);
  if (!userId || userId === viewer.userId) return viewer.userId;
  if (viewer.role !== Role.ADMIN) throw new ForbiddenError("Only admins see other users' credits");
  return userId;
}
