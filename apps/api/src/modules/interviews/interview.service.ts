import { z } from "zod";
import type { DataSource } from "typeorm";
import { BadUserInputError, NotFoundError } from "../../graphql/errors.js";
import { PgCode } from "../../lib/errors.js";
import { Candidate } from "../recruiting/candidate.entity.js";
import type { Clock } from "../schedules/clock.js";
import { isUuid } from "../../lib/validate.js";
import { type Interview, interviewFromRow } from "./interview.entity.js";
import type { ScheduleInterviewInput, UpdateInterviewInput } from "./interview.inputs.js";

export const MAX_INTERVIEWERS = 20;
/** A list is a calendar view, not an export: the newest client asks for a range. */
const MAX_LIST = 500;

const emails = z.array(z.string().trim().toLowerCase().email()).min(1).max(MAX_INTERVIEWERS);

/** Interviews as recruiters manage them. Reminders are the task type's business (tasks/recruiting/send_interview_reminders.ts). */
export class InterviewService {
  constructor(
    private readonly ds: DataSource,
    /** "In the future" is judged by the engine's clock, so tests with a fake clock agree with the reminder job. */
    private readonly clock: Clock,
  ) {}

  async get(id: string): Promise<Interview | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.ds.query(`SELECT * FROM interview WHERE id = $1`, [id]);
    return row ? interviewFromRow(row) : null;
  }

  /** The interview's candidate (deleting a candidate deletes their interviews, so it exists). */
  async candidateOf(interview: Interview): Promise<Candidate> {
    const c = await this.ds.getRepository(Candidate).findOneBy({ id: interview.candidateId });
    if (!c) throw new NotFoundError("Candidate", interview.candidateId);
    return c;
  }

  /** Not cancelled, soonest first, optionally of one posting and within [from, to). */
  async list(filter: { jobPostingId?: string | null; from?: Date | null; to?: Date | null }): Promise<Interview[]> {
    const where = ["cancelled_at IS NULL"];
    const params: unknown[] = [];
    if (filter.jobPostingId != null) {
      if (!isUuid(filter.jobPostingId)) return [];
      where.push(`job_posting_id = $${params.push(filter.jobPostingId)}`);
    }
    if (filter.from) where.push(`starts_at >= $${params.push(filter.from)}`);
    if (filter.to) where.push(`starts_at < $${params.push(filter.to)}`);
    const rows = await this.ds.query(`SELECT * FROM interview WHERE ${where.join(" AND ")} ORDER BY starts_at, id LIMIT ${MAX_LIST}`, params);
    return rows.map(interviewFromRow);
  }

  async schedule(input: ScheduleInterviewInput, createdBy: string | null): Promise<Interview> {
    if (!isUuid(input.candidateId)) throw new BadUserInputError("candidateId is not a candidate's id", { field: "candidateId" });
    if (!isUuid(input.jobPostingId)) throw new BadUserInputError("jobPostingId is not a job posting's id", { field: "jobPostingId" });
    const startsAt = this.futureStart(input.startsAt);
    const interviewers = interviewerEmails(input.interviewerEmails);
    const location = optionalText(input.location, "location", 500);
    const link = optionalLink(input.link);

    const [candidate] = await this.ds.query(`SELECT job_posting_id FROM candidate WHERE id = $1`, [input.candidateId]);
    if (!candidate) throw new BadUserInputError(`Candidate ${input.candidateId} does not exist`, { field: "candidateId" });
    if (candidate.job_posting_id !== input.jobPostingId) throw new BadUserInputError("The candidate did not apply to this job posting", { field: "jobPostingId" });
    try {
      const [row] = await this.ds.query(
        `INSERT INTO interview (candidate_id, job_posting_id, starts_at, interviewer_emails, location, link, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [input.candidateId, input.jobPostingId, startsAt, interviewers, location, link, createdBy],
      );
      return interviewFromRow(row);
    } catch (err) {
      // The candidate or posting was deleted between the check and the insert.
      if ((err as { code?: string }).code === PgCode.FOREIGN_KEY_VIOLATION) throw new BadUserInputError("The candidate or job posting no longer exists", { field: "candidateId" });
      throw err;
    }
  }

  /**
   * Reschedules: only the fields given change (null or "" clears location and link). A new start time clears both
   * reminder stamps, so the reminders go out again for the new time; the row lock the UPDATE takes orders it with a
   * reminder run's claim, which re-checks the window. A cancelled interview stays cancelled.
   */
  async update(id: string, input: UpdateInterviewInput): Promise<Interview> {
    const current = await this.get(id);
    if (!current) throw new NotFoundError("Interview", id);
    if (current.cancelledAt) throw new BadUserInputError("The interview is cancelled; schedule a new one instead", { field: "id" });
    const startsAt = input.startsAt != null ? this.futureStart(input.startsAt) : null;
    const interviewers = input.interviewerEmails != null ? interviewerEmails(input.interviewerEmails) : null;
    const location = input.location !== undefined ? optionalText(input.location, "location", 500) : undefined;
    const link = input.link !== undefined ? optionalLink(input.link) : undefined;
    const [[row]] = await this.ds.query(
      `UPDATE interview SET
         reminder_24h_sent_at = CASE WHEN $2::timestamptz IS NOT NULL AND $2::timestamptz <> starts_at THEN NULL ELSE reminder_24h_sent_at END,
         reminder_1h_sent_at = CASE WHEN $2::timestamptz IS NOT NULL AND $2::timestamptz <> starts_at THEN NULL ELSE reminder_1h_sent_at END,
         starts_at = coalesce($2::timestamptz, starts_at),
         interviewer_emails = coalesce($3::text[], interviewer_emails),
         location = CASE WHEN $4 THEN $5 ELSE location END,
         link = CASE WHEN $6 THEN $7 ELSE link END,
         updated_at = now()
       WHERE id = $1 AND cancelled_at IS NULL RETURNING *`,
      [id, startsAt, interviewers, location !== undefined, location ?? null, link !== undefined, link ?? null],
    );
    if (!row) throw new BadUserInputError("The interview is cancelled; schedule a new one instead", { field: "id" });
    return interviewFromRow(row);
  }

  private futureStart(value: Date | string): Date {
    const startsAt = new Date(value);
    if (Number.isNaN(startsAt.getTime()) || startsAt <= this.clock.now()) throw new BadUserInputError("startsAt must be in the future", { field: "startsAt" });
    return startsAt;
  }

  /** Cancelled interviews stay (history) but get no reminders. Cancelling twice returns the same row. */
  async cancel(id: string): Promise<Interview> {
    if (!isUuid(id)) throw new NotFoundError("Interview", id);
    // TypeORM returns [rows, affected] for an UPDATE.
    const [[row]] = await this.ds.query(`UPDATE interview SET cancelled_at = coalesce(cancelled_at, now()), updated_at = now() WHERE id = $1 RETURNING *`, [id]);
    if (!row) throw new NotFoundError("Interview", id);
    return interviewFromRow(row);
  }
}

function interviewerEmails(value: string[]): string[] {
  const parsed = emails.safeParse(value);
  if (!parsed.success) {
    throw new BadUserInputError(`interviewerEmails needs 1-${MAX_INTERVIEWERS} valid addresses: ${parsed.error.issues.map((i) => i.message).join("; ")}`, { field: "interviewerEmails" });
  }
  return [...new Set(parsed.data)];
}

function optionalLink(value: string | null | undefined): string | null {
  const link = optionalText(value, "link", 2_000);
  // Only http(s): the link goes into emails, and a javascript: URL must never become one.
  if (link && !/^https?:\/\/\S+$/i.test(link)) throw new BadUserInputError("link must be an http(s) URL", { field: "link" });
  return link;
}

function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  const v = value?.trim();
  if (!v) return null;
  if (v.length > max) throw new BadUserInputError(`${field} is longer than ${max} characters`, { field });
  return v;
}
