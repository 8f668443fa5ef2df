import { z } from "zod";
import { defineTaskType } from "../contract.js";

/**
 * One webhook delivery (docs/webhooks.md): queued by the database (taskline_emit_webhook) when an event happens, or
 * by redeliverWebhook. Retries with backoff happen inside, each attempt recorded; the task's own attempts only
 * cover a worker lost mid-delivery. Its maxAttempts must match taskline_enqueue_webhook_delivery (3).
 */
export default defineTaskType({
  name: "webhooks.deliver",
  title: "Deliver a webhook",
  payload: z.object({ deliveryId: z.string().uuid() }),
  maxAttempts: 3,
  timeLimitMs: 30 * 60_000,
  async run(ctx) {
    const out = await ctx.services.webhooks.deliver(ctx.payload.deliveryId, ctx.signal, ctx.log);
    if (out.status === "failed") ctx.itemFailed({ key: ctx.payload.deliveryId, label: "webhook delivery" }, new Error(`Not delivered after ${out.attempts} attempts (last: ${out.lastStatus ?? "no response"})`));
    else if (out.status === "delivered") ctx.itemSucceeded();
    return out;
  },
});
