import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Node } from "../../graphql/node.js";
import { DateTime } from "../../graphql/scalars.js";
import { Role } from "./roles.js";

@Entity("app_user")
@ObjectType("User", { implements: Node, description: "A person who signs in to Taskline." })
export class User implements Node {
  @PrimaryGeneratedColumn("uuid")
  @Field(() => ID)
  id!: string;

  @Column({ type: "text" })
  @Field(() => String)
  email!: string;

  @Column({ type: "text" })
  @Field(() => String)
  name!: string;

  @Column({ name: "password_hash", type: "text", select: false })
  passwordHash!: string;

  @Column({ type: "text" })
  @Field(() => Role)
  role!: Role;

  @Column({ type: "boolean" })
  @Field(() => Boolean, { description: "A deactivated user cannot sign in; their sessions and keys stop working." })
  active!: boolean;

  @Column({ name: "password_changed_at", type: "timestamptz" })
  passwordChangedAt!: Date;

  @Column({ name: "created_at", type: "timestamptz" })
  @Field(() => DateTime)
  createdAt!: Date;

  @Column({ name: "updated_at", type: "timestamptz" })
  updatedAt!: Date;
}
