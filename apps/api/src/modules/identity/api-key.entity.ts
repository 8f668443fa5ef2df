import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Node } from "../../graphql/node.js";
import { DateTime } from "../../graphql/scalars.js";

@Entity("api_key")
@ObjectType("ApiKey", { implements: Node, description: "A credential for third-party tools. The secret is shown once, at creation." })
export class ApiKey implements Node {
  @PrimaryGeneratedColumn("uuid")
  @Field(() => ID)
  id!: string;

  @Column({ name: "user_id", type: "uuid" })
  userId!: string;

  @Column({ type: "text" })
  @Field(() => String)
  name!: string;

  @Column({ type: "text" })
  @Field(() => String, { description: "The secret's first characters, to recognise it." })
  prefix!: string;

  @Column({ name: "secret_hash", type: "text", select: false })
  secretHash!: string;

  @Column({ type: "text", array: true })
  @Field(() => [String])
  scopes!: string[];

  @Column({ name: "expires_at", type: "timestamptz", nullable: true })
  @Field(() => DateTime, { nullable: true })
  expiresAt!: Date | null;

  @Column({ name: "last_used_at", type: "timestamptz", nullable: true })
  @Field(() => DateTime, { nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: "revoked_at", type: "timestamptz", nullable: true })
  @Field(() => DateTime, { nullable: true })
  revokedAt!: Date | null;

  @Column({ name: "created_at", type: "timestamptz" })
  @Field(() => DateTime)
  createdAt!: Date;
}
