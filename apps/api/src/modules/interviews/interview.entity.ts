import { Field, ID, ObjectType } from "type-graphql";
import { DateTime } from "../../graphql/scalars.js";

/** An interview of a candidate for a job posting; reminders go out 24 h and 1 h before `startsAt`. */
@ObjectType("Interview", { description: "An interview of a candidate; interviewers and candidate get reminders 24 h and 1 h before." })
export class Interview {
  @Field(() => ID)
  id!: string;

  candidateId!: string;
  jobPostingId!: string;

  @Field(() => DateTime)
  startsAt!: Date;

  @Field(() => [String])
  interviewerEmails!: string[];

  @Field(() => String, { nullable: true, description: "A room or address." })
  location!: string | null;

  @Field(() => String, { nullable: true, description: "A video call URL (http or https)." })
  link!: string | null;

  createdBy!: string | null;

  @Field(() => DateTime, { nullable: true })
  cancelledAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: "When the reminder 24 hours ahead went to the outbox; null: not sent." })
  reminder24hSentAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: "When the reminder 1 hour ahead went to the outbox; null: not sent." })
  reminder1hSentAt!: Date | null;

  @Field(() => DateTime)
  createdAt!: Date;
}

export function interviewFromRow(r: Record<string, any>): Interview {
  return Object.assign(new Interview(), {
    id: r.id,
    candidateId: r.candidate_id,
    jobPostingId: r.job_posting_id,
    startsAt: r.starts_at,
    interviewerEmails: r.interviewer_emails,
    location: r.location,
    link: r.link,
    createdBy: r.created_by,
    cancelledAt: r.cancelled_at,
    reminder24hSentAt: r.reminder_24h_sent_at,
    reminder1hSentAt: r.reminder_1h_sent_at,
    createdAt: r.created_at,
  });
}
