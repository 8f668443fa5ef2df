import { Arg, Authorized, Ctx, Int, Query, Resolver } from "type-graphql";
import { ConnectionType, pageSize } from "../../graphql/connection.js";
import type { Context } from "../../graphql/context.js";
import { OutboxMessage } from "./outbox-message.entity.js";
import { OutboxStatus } from "./outbox-status.js";

export const OutboxMessageConnection = ConnectionType("OutboxMessage", OutboxMessage);

@Resolver()
export class MailResolver {
  @Authorized("admin")
  @Query(() => OutboxMessageConnection, {
    description: "Outgoing email, newest first: what was sent, what failed and why, and what is HELD when no SMTP server is configured.",
  })
  outbox(
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
    @Arg("status", () => OutboxStatus, { nullable: true }) status?: OutboxStatus | null,
  ) {
    return ctx.app.mail.list(pageSize(first), after, status);
  }
}
