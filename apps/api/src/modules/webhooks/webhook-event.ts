import { registerEnumType } from "type-graphql";

/** Values are what the database and the delivered body's `event` hold. */
export enum WebhookEvent {
  TASK_FINISHED = "task.finished",
  TASK_FAILED = "task.failed",
  CANDIDATE_SYNCED = "candidate.synced",
  SCHEDULE_FAILED = "schedule.failed",
}

registerEnumType(WebhookEvent, {
  name: "WebhookEvent",
  valuesConfig: {
    TASK_FINISHED: { description: "A task COMPLETED (webhook deliveries themselves excepted)." },
    TASK_FAILED: { description: "A task FAILED for good." },
    CANDIDATE_SYNCED: { description: "A hired candidate reached an ATS source." },
    SCHEDULE_FAILED: { description: "A task a schedule fired FAILED." },
  },
});

export enum WebhookDeliveryStatus {
  PENDING = "pending",
  DELIVERED = "delivered",
  FAILED = "failed",
}
registerEnumType(WebhookDeliveryStatus, { name: "WebhookDeliveryStatus" });
