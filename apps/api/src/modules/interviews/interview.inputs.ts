import { Field, ID, InputType } from "type-graphql";
import { DateTime } from "../../graphql/scalars.js";

@InputType("ScheduleInterviewInput")
export class ScheduleInterviewInput {
  @Field(() => ID)
  candidateId!: string;

  @Field(() => ID, { description: "The posting the candidate applied to." })
  jobPostingId!: string;

  @Field(() => DateTime, { description: "Must be in the future." })
  startsAt!: Date;

  @Field(() => [String], { description: "1 to 20 addresses; each gets the reminders." })
  interviewerEmails!: string[];

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => String, { nullable: true, description: "http(s) only." })
  link?: string | null;
}
