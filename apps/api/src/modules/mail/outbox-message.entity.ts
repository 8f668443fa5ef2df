import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { DateTime } from "../../graphql/scalars.js";
import { OutboxStatus } from "./outbox-status.js";

/** One outgoing email: written here first, then delivered by a `mail.send_email` task (docs/email.md). */
@Entity("outbox")
@ObjectType("OutboxMessage", { description: "An outgoing email and how its delivery went. Admins only." })
export class OutboxMessage {
  @PrimaryGeneratedColumn("uuid")
  @Field(() => ID)
  id!: string;

  @Column({ type: "text", array: true })
  @Field(() => [String])
  to!: string[];

  @Column({ type: "text" })
  @Field(() => String)
  subject!: string;

  @Column({ type: "text" })
  @Field(() => String, { description: "The HTML body, already escaped by its template." })
  html!: string;

  @Column({ type: "text" })
  @Field(() => String, { description: "The plain-text body." })
  text!: string;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "Which template made it, e.g. interview_reminder." })
  template!: string | null;

  @Column({ type: "text" })
  @Field(() => OutboxStatus)
  status!: OutboxStatus;

  @Column({ type: "int" })
  @Field(() => Int, { description: "Delivery attempts so far." })
  attempts!: number;

  @Column({ name: "last_error", type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "Why the last attempt failed (the SMTP server's reply when it gave one)." })
  lastError!: string | null;

  @Column({ name: "created_at", type: "timestamptz" })
  @Field(() => DateTime)
  createdAt!: Date;

  @Column({ name: "sent_at", type: "timestamptz", nullable: true })
  @Field(() => DateTime, { nullable: true })
  sentAt!: Date | null;
}
