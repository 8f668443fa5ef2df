import { Field, InputType, ObjectType } from "type-graphql";
import { DateTime } from "../../graphql/scalars.js";
import { ApiKey } from "./api-key.entity.js";
import { Role } from "./roles.js";
import { User } from "./user.entity.js";

@ObjectType("SignInPayload")
export class SignInPayload {
  @Field(() => User)
  user!: User;

  @Field(() => DateTime)
  expiresAt!: Date;
}

@InputType("CreateUserInput")
export class CreateUserInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => String, { nullable: true, description: "Omit to have a temporary password generated and returned once." })
  password?: string | null;
}

@ObjectType("CreateUserPayload")
export class CreateUserPayload {
  @Field(() => User)
  user!: User;

  @Field(() => String, { nullable: true, description: "Shown once when no password was given." })
  temporaryPassword!: string | null;
}

@InputType("CreateApiKeyInput")
export class CreateApiKeyInput {
  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: "See Query.scopes." })
  scopes!: string[];

  @Field(() => DateTime, { nullable: true })
  expiresAt?: Date | null;
}

@ObjectType("CreateApiKeyPayload")
export class CreateApiKeyPayload {
  @Field(() => ApiKey)
  apiKey!: ApiKey;

  @Field(() => String, { description: "The key itself: shown this once, send it as `Authorization: Bearer <secret>`." })
  secret!: string;
}
