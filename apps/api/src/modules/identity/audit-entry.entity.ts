import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { DateTime, JSON as JSONScalar } from "../../graphql/scalars.js";

@Entity("audit_log")
@ObjectType("AuditEntry", { description: "A security-relevant or administrative action: who, when, what, on what." })
export class AuditEntry {
  @PrimaryGeneratedColumn({ type: "bigint" })
  @Field(() => ID)
  id!: string;

  @Column({ type: "timestamptz" })
  @Field(() => DateTime)
  at!: Date;

  @Column({ name: "actor_id", type: "uuid", nullable: true })
  @Field(() => ID, { nullable: true })
  actorId!: string | null;

  @Column({ name: "actor_email", type: "text", nullable: true })
  @Field(() => String, { nullable: true })
  actorEmail!: string | null;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "session or apiKey" })
  via!: string | null;

  @Column({ type: "text" })
  @Field(() => String, { description: "e.g. SIGN_IN_FAILED, API_KEY_REVOKED, TASK_CANCELLED" })
  action!: string;

  @Column({ name: "target_type", type: "text", nullable: true })
  @Field(() => String, { nullable: true })
  targetType!: string | null;

  @Column({ name: "target_id", type: "text", nullable: true })
  @Field(() => String, { nullable: true })
  targetId!: string | null;

  @Column({ type: "jsonb" })
  @Field(() => JSONScalar)
  details!: Record<string, unknown>;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true })
  ip!: string | null;

  /** Keyset pagination sorts on `at`. */
  get createdAt(): Date {
    return this.at;
  }
}
