import { Field, InputType } from "type-graphql";

@InputType("CreateJobPostingInput")
export class CreateJobPostingInput {
  @Field(() => String)
  title!: string;

  @Field(() => String)
  description!: string;

  @Field(() => [String])
  requiredSkills!: string[];

  @Field(() => [String], { nullable: true, defaultValue: [] })
  niceToHaveSkills?: string[];
}

@InputType("CandidateInput")
export class CandidateInput {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  resumeText!: string;
}
