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

/** What a reschedule may change; the candidate and posting stay (another candidate is another interview). */
@InputType("UpdateInterviewInput")
export class UpdateInterviewInput {
  @Field(() => DateTime, { nullable: true, description: "Must be in the future. A new time sends both reminders again." })
  startsAt?: Date | null;

  @Field(() => [String], { nullable: true, description: "1 to 20 addresses; each gets the reminders." })
  interviewerEmails?: string[] | null;

  @Field(() => String, { nullable: true, description: "Empty or null clears it." })
  location?: string | null;

  @Field(() => String, { nullable: true, description: "http(s) only. Empty or null clears it." })
  link?: string | null;
}
