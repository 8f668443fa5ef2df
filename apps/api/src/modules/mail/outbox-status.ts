import { registerEnumType } from "type-graphql";

/** Values are what the database holds; GraphQL clients see the keys. */
export enum OutboxStatus {
  PENDING = "pending",
  SENT = "sent",
  FAILED = "failed",
  HELD = "held",
}

registerEnumType(OutboxStatus, {
  name: "OutboxStatus",
  description: "Where an outgoing message is.",
  valuesConfig: {
    PENDING: { description: "Waiting for its mail.send_email task (first attempt or a retry)." },
    SENT: { description: "Accepted by the SMTP server; see sentAt." },
    FAILED: { description: "Refused for good or out of attempts; see lastError." },
    HELD: { description: "No SMTP server is configured: kept here for admins to read, never sent." },
  },
});
