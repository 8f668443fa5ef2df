import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { type Context, viewerOf } from "../../graphql/context.js";
import { BadUserInputError } from "../../graphql/errors.js";
import { DateTime, JSON as JSONScalar } from "../../graphql/scalars.js";
import { WebhookDeliveryStatus, WebhookEvent } from "./webhook-event.js";

@ObjectType("WebhookEndpoint", { description: "Where events are POSTed, signed with the endpoint's secret (docs/webhooks.md)." })
export class WebhookEndpointType {
  @Field(() => ID) id!: string;
  @Field(() => String) url!: string;
  @Field(() => String) description!: string;
  @Field(() => [WebhookEvent]) events!: WebhookEvent[];
  @Field(() => String, { description: "The last four characters of the signing secret (shown in full once, at creation)." }) secretLast4!: string;
  @Field(() => Boolean) enabled!: boolean;
  @Field(() => DateTime) createdAt!: Date;
}

@ObjectType("WebhookEndpointCreated")
export class WebhookEndpointCreated {
  @Field(() => WebhookEndpointType) endpoint!: WebhookEndpointType;
  @Field(() => String, { description: "The signing secret. Shown this once: store it now." }) secret!: string;
}

@ObjectType("WebhookAttempt")
export class WebhookAttemptType {
  @Field(() => Int) attempt!: number;
  @Field(() => DateTime) at!: Date;
  @Field(() => Int, { nullable: true }) responseStatus!: number | null;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => Int) durationMs!: number;
}

@ObjectType("WebhookDelivery")
export class WebhookDeliveryType {
  @Field(() => ID) id!: string;
  @Field(() => ID) endpointId!: string;
  @Field(() => WebhookEvent) event!: WebhookEvent;
  @Field(() => JSONScalar, { description: "The body POSTed (the signature covers its exact bytes)." }) body!: unknown;
  @Field(() => WebhookDeliveryStatus) status!: string;
  @Field(() => Int) attempts!: number;
  @Field(() => Int, { nullable: true }) lastStatus!: number | null;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => ID, { nullable: true, description: "The webhooks.deliver task of the latest (re)delivery." }) taskId!: string | null;
  @Field(() => DateTime) createdAt!: Date;
  @Field(() => DateTime, { nullable: true }) finishedAt!: Date | null;
}

@InputType("CreateWebhookEndpointInput")
export class CreateWebhookEndpointInput {
  @Field(() => String) url!: string;
  @Field(() => [WebhookEvent]) events!: WebhookEvent[];
  @Field(() => String, { nullable: true }) description?: string;
}

@InputType("UpdateWebhookEndpointInput")
export class UpdateWebhookEndpointInput {
  @Field(() => String, { nullable: true }) url?: string;
  @Field(() => [WebhookEvent], { nullable: true }) events?: WebhookEvent[];
  @Field(() => Boolean, { nullable: true }) enabled?: boolean;
  @Field(() => String, { nullable: true }) description?: string;
}

@Resolver(() => WebhookEndpointType)
export class WebhookResolver {
  @Authorized("admin")
  @Query(() => [WebhookEndpointType])
  webhookEndpoints(@Ctx() { app }: Context) {
    return app.webhooks.list();
  }

  @Authorized("admin")
  @Mutation(() => WebhookEndpointCreated, { description: "Needs TASKLINE_SECRET_KEY (SECRET_KEY_MISSING): the secret is stored encrypted." })
  createWebhookEndpoint(@Arg("input", () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput, @Ctx() ctx: Context) {
    return ctx.app.webhooks.create(viewerOf(ctx), input, ctx.meta.ip);
  }

  @Authorized("admin")
  @Mutation(() => WebhookEndpointType)
  updateWebhookEndpoint(@Arg("id", () => ID) id: string, @Arg("input", () => UpdateWebhookEndpointInput) input: UpdateWebhookEndpointInput, @Ctx() ctx: Context) {
    return ctx.app.webhooks.update(viewerOf(ctx), id, input, ctx.meta.ip);
  }

  @Authorized("admin")
  @Mutation(() => WebhookEndpointType)
  deleteWebhookEndpoint(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.app.webhooks.remove(viewerOf(ctx), id, ctx.meta.ip);
  }

  @Authorized("admin")
  @Mutation(() => WebhookDeliveryType, { description: "Sends a finished delivery again: same id and body, a fresh signature, a full set of attempts." })
  redeliverWebhook(@Arg("deliveryId", () => ID) deliveryId: string, @Ctx() ctx: Context) {
    return ctx.app.webhooks.redeliver(viewerOf(ctx), deliveryId, ctx.meta.ip);
  }

  @FieldResolver(() => [WebhookDeliveryType], { description: "Newest first." })
  deliveries(@Root() endpoint: WebhookEndpointType, @Ctx() { app }: Context, @Arg("first", () => Int, { defaultValue: 50 }) first: number) {
    if (!Number.isInteger(first) || first < 1 || first > 500) throw new BadUserInputError("first must be between 1 and 500", { field: "first" });
    return app.webhooks.deliveries(endpoint.id, first);
  }
}

@Resolver(() => WebhookDeliveryType)
export class WebhookDeliveryResolver {
  @FieldResolver(() => [WebhookAttemptType], { description: "Every attempt, oldest first, with the endpoint's response status." })
  attemptLog(@Root() d: WebhookDeliveryType, @Ctx() { app }: Context) {
    return app.webhooks.attempts(d.id);
  }
}
