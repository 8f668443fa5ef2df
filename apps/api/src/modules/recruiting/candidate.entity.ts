import { Field, ID, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { Node } from "../../graphql/node.js";
import { DateTime } from "../../graphql/scalars.js";
import { HiringStatus } from "./hiring-status.js";

@Entity("candidate")
@ObjectType("Candidate", { implements: Node, description: "A person who applied to a job posting, with their resume." })
export class Candidate implements Node {
  @PrimaryGeneratedColumn("uuid")
  @Field(() => ID)
  id!: string;

  @Column({ name: "job_posting_id", type: "uuid" })
  jobPostingId!: string;

  @Column({ type: "text" })
  @Field(() => String)
  name!: string;

  @Column({ type: "text" })
  @Field(() => String)
  email!: string;

  @Column({ name: "resume_text", type: "text" })
  @Field(() => String)
  resumeText!: string;

  @Column({ name: "hiring_status", type: "text", default: HiringStatus.APPLIED })
  @Field(() => HiringStatus)
  hiringStatus!: HiringStatus;

  @Column({ name: "hiring_status_changed_at", type: "timestamptz", nullable: true })
  @Field(() => DateTime, { nullable: true })
  hiringStatusChangedAt!: Date | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  @Field(() => DateTime)
  createdAt!: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt!: Date;
}
