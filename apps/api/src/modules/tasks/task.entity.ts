import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Node } from "../../graphql/node.js";
import { DateTime } from "../../graphql/scalars.js";
import { TaskStatus } from "./task-status.js";

/**
 * One execution a user started or a schedule fired: the record users watch. Workers write it through
 * `worker/progress-writer.ts`; triggers bump `version` and publish every change (see the migration).
 *
 * Objects of this class also come from NOTIFY events, which carry no `payload` or `result`: those are `undefined`
 * there (not loaded), and their field resolvers fetch them.
 */
@Entity("task")
@ObjectType("Task", { implements: Node, description: "One execution of a task type: its status, live progress and result." })
export class Task implements Node {
  @PrimaryGeneratedColumn("uuid")
  @Field(() => ID)
  id!: string;

  @Column({ type: "text" })
  @Field(() => String, { description: "The task type, e.g. recruiting.rank_candidates." })
  type!: string;

  @Column({ type: "text" })
  @Field(() => TaskStatus)
  status!: TaskStatus;

  @Column({ type: "jsonb" })
  payload?: unknown;

  @Column({ type: "jsonb", nullable: true })
  result?: unknown;

  @Column({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "Why the last attempt failed, when it did." })
  error!: string | null;

  @Column({ name: "progress_current", type: "int" })
  progressCurrent!: number;

  @Column({ name: "progress_total", type: "int", nullable: true })
  progressTotal!: number | null;

  @Column({ name: "progress_message", type: "text", nullable: true })
  progressMessage!: string | null;

  @Column({ name: "success_count", type: "int" })
  @Field(() => Int, { description: "Items done in the current attempt." })
  successCount!: number;

  @Column({ name: "failure_count", type: "int" })
  @Field(() => Int, { description: "Items failed in the current attempt; see errors." })
  failureCount!: number;

  @Column({ type: "int" })
  @Field(() => Int, { description: "Attempts started so far." })
  attempts!: number;

  @Column({ name: "max_attempts", type: "int" })
  @Field(() => Int)
  maxAttempts!: number;

  @Column({ name: "run_id", type: "uuid", nullable: true })
  runId!: string | null;

  @Column({ name: "cancel_requested_at", type: "timestamptz", nullable: true })
  cancelRequestedAt!: Date | null;

  @Column({ name: "run_at", type: "timestamptz", nullable: true })
  @Field(() => DateTime, { nullable: true, description: "When a RETRYING task's next attempt may start." })
  runAt!: Date | null;

  @Column({ type: "int" })
  priority!: number;

  @Column({ name: "queue_name", type: "text", nullable: true })
  queueName!: string | null;

  @Column({ name: "created_by", type: "uuid", nullable: true })
  createdById!: string | null;

  /** "shared": visible to everyone who may read tasks (work on shared data); "private": its creator and admins. */
  @Column({ type: "text" })
  visibility!: "private" | "shared";

  @Column({ name: "created_at", type: "timestamptz" })
  @Field(() => DateTime)
  createdAt!: Date;

  @Column({ name: "started_at", type: "timestamptz", nullable: true })
  @Field(() => DateTime, { nullable: true, description: "When the current (or last) attempt started." })
  startedAt!: Date | null;

  @Column({ name: "finished_at", type: "timestamptz", nullable: true })
  @Field(() => DateTime, { nullable: true })
  finishedAt!: Date | null;

  @Column({ name: "updated_at", type: "timestamptz" })
  @Field(() => DateTime)
  updatedAt!: Date;

  @Column({ type: "int" })
  @Field(() => Int, { description: "Grows by one with every change; newer versions supersede older ones." })
  version!: number;
}

@ObjectType("TaskProgress")
export class TaskProgress {
  @Field(() => Int)
  current!: number;

  @Field(() => Int, { nullable: true, description: "Null while the amount of work is unknown." })
  total!: number | null;

  @Field(() => Number, { nullable: true, description: "0-100, null while total is unknown." })
  percent!: number | null;

  @Field(() => String, { nullable: true })
  message!: string | null;
}

@ObjectType("TaskItemError", { description: "One item (a candidate, an employee, a record) that failed within a task." })
export class TaskItemError {
  @Field(() => String)
  itemKey!: string;

  @Field(() => String, { nullable: true })
  itemLabel!: string | null;

  @Field(() => String)
  message!: string;

  @Field(() => Int)
  attempt!: number;

  @Field(() => DateTime)
  createdAt!: Date;
}
