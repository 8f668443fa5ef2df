import { Field, ID, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { Node } from "../../graphql/node.js";
import { DateTime } from "../../graphql/scalars.js";

@Entity("job_posting")
@ObjectType("JobPosting", { implements: Node, description: "An open position candidates are ranked and analysed against." })
export class JobPosting implements Node {
  @PrimaryGeneratedColumn("uuid")
  @Field(() => ID)
  id!: string;

  @Column({ type: "text" })
  @Field(() => String)
  title!: string;

  @Column({ type: "text" })
  @Field(() => String)
  description!: string;

  @Column({ name: "required_skills", type: "text", array: true })
  @Field(() => [String])
  requiredSkills!: string[];

  @Column({ name: "nice_to_have_skills", type: "text", array: true })
  @Field(() => [String])
  niceToHaveSkills!: string[];

  @Column({ name: "created_by", type: "uuid", nullable: true })
  createdById!: string | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  @Field(() => DateTime)
  createdAt!: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt!: Date;
}
