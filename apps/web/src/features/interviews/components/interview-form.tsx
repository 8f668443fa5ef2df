import type { InterviewRowFragment } from "@taskline/schema/types";
import { useId, useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { splitList } from "@/lib/format";
import { describeError, errorText } from "@/lib/graphql-errors";

import { useInterviewCandidates, useInterviewPostings } from "../api/get-interview-choices";
import { useScheduleInterview } from "../api/schedule-interview";
import { useUpdateInterview } from "../api/update-interview";

type FieldName = "jobPostingId" | "candidateId" | "startsAt" | "interviewerEmails" | "location" | "link" | "form";
type Errors = Partial<Record<FieldName, string>>;

const FIELDS: readonly FieldName[] = ["jobPostingId", "candidateId", "startsAt", "interviewerEmails", "location", "link"];

/** Which field a BAD_USER_INPUT belongs to: the API names it in `extensions.field`. */
function fieldOf(field: unknown): FieldName {
  return FIELDS.find((name) => name === field) ?? "form";
}

/** An instant as the value of a `datetime-local` input: the browser's own wall-clock time, to the minute. */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

interface Props {
  /** Edit this interview; without it, the form schedules a new one. */
  interview?: InterviewRowFragment;
  timeZone: string;
  onClose: () => void;
}

/** Schedules an interview, or reschedules `interview`. The API validates; its BAD_USER_INPUT lands on the field it names. */
export function InterviewForm({ interview, timeZone, onClose }: Props) {
  const ids = useId();
  const [schedule, scheduling] = useScheduleInterview();
  const [update, updating] = useUpdateInterview();
  const postings = useInterviewPostings();

  const [jobPostingId, setJobPostingId] = useState(interview?.jobPosting.id ?? "");
  const [candidateId, setCandidateId] = useState(interview?.candidate.id ?? "");
  const [startsAt, setStartsAt] = useState(interview ? toLocalInput(interview.startsAt) : "");
  const [interviewers, setInterviewers] = useState(interview?.interviewerEmails.join("\n") ?? "");
  const [location, setLocation] = useState(interview?.location ?? "");
  const [link, setLink] = useState(interview?.link ?? "");
  const [errors, setErrors] = useState<Errors>({});
  const candidates = useInterviewCandidates(jobPostingId);

  function clear(field: FieldName) {
    setErrors((current) => ({ ...current, [field]: undefined, form: undefined }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing: Errors = {};
    if (!interview && jobPostingId === "") missing.jobPostingId = "Choose a job posting.";
    if (!interview && candidateId === "") missing.candidateId = "Choose a candidate.";
    if (startsAt === "") missing.startsAt = "Choose a date and time.";
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;

    // The input's value is the browser's wall-clock time; Date reads it as such.
    const common = { startsAt: new Date(startsAt).toISOString(), interviewerEmails: splitList(interviewers), location: location.trim(), link: link.trim() };
    try {
      if (interview) {
        // Only a changed time is sent: the input drops seconds, and any new time re-arms both reminders.
        const moved = startsAt !== toLocalInput(interview.startsAt);
        await update({ variables: { id: interview.id, input: { ...common, startsAt: moved ? common.startsAt : undefined } } });
      }
      else await schedule({ variables: { input: { ...common, jobPostingId, candidateId, location: common.location || null, link: common.link || null } } });
      onClose();
    } catch (e) {
      const { code, message, extensions } = describeError(e);
      if (code === "BAD_USER_INPUT") setErrors({ [fieldOf(extensions.field)]: message });
      else setErrors({ form: errorText(e) });
    }
  }

  const postingOptions = postings.data?.jobPostings.edges.map((edge) => edge.node) ?? [];
  const candidateOptions = candidates.data?.jobPosting?.candidates.edges.map((edge) => edge.node) ?? [];
  const heading = interview ? `Reschedule the interview of ${interview.candidate.name}` : "Schedule an interview";

  return (
    <form className="card form" onSubmit={submit} aria-labelledby={`${ids}-heading`} noValidate>
      <h2 id={`${ids}-heading`} className="card__title">
        {heading}
      </h2>
      {interview ? (
        <p className="muted small">
          {interview.candidate.name} for {interview.jobPosting.title}. A new time sends both reminders again.
        </p>
      ) : (
        <div className="form__row">
          <SelectField
            id={`${ids}-posting`}
            label="Job posting"
            value={jobPostingId}
            error={errors.jobPostingId}
            onChange={(value) => {
              setJobPostingId(value);
              setCandidateId("");
              clear("jobPostingId");
            }}
            placeholder={postings.loading && postingOptions.length === 0 ? "Loading…" : "Choose a posting"}
            options={postingOptions.map((p) => ({ value: p.id, label: `${p.title} (${p.candidateCount} candidates)` }))}
          />
          <SelectField
            id={`${ids}-candidate`}
            label="Candidate"
            value={candidateId}
            error={errors.candidateId}
            disabled={jobPostingId === ""}
            onChange={(value) => {
              setCandidateId(value);
              clear("candidateId");
            }}
            placeholder={jobPostingId === "" ? "Choose a posting first" : candidates.loading && candidateOptions.length === 0 ? "Loading…" : "Choose a candidate"}
            options={candidateOptions.map((c) => ({ value: c.id, label: `${c.name} <${c.email}>` }))}
          />
        </div>
      )}
      <div className="form__row">
        <TextField
          label="Starts at"
          type="datetime-local"
          value={startsAt}
          hint={`Your time (${timeZone}).`}
          onChange={(e) => {
            setStartsAt(e.target.value);
            clear("startsAt");
          }}
          error={errors.startsAt}
        />
        <TextAreaField
          label="Interviewer emails"
          rows={2}
          value={interviewers}
          hint="One per line or comma-separated; each gets the reminders 24 h and 1 h before."
          onChange={(e) => {
            setInterviewers(e.target.value);
            clear("interviewerEmails");
          }}
          error={errors.interviewerEmails}
        />
      </div>
      <div className="form__row">
        <TextField
          label="Location"
          value={location}
          autoComplete="off"
          placeholder="Room 4, or an address"
          onChange={(e) => {
            setLocation(e.target.value);
            clear("location");
          }}
          error={errors.location}
        />
        <TextField
          label="Video call link"
          type="url"
          value={link}
          placeholder="https://…"
          onChange={(e) => {
            setLink(e.target.value);
            clear("link");
          }}
          error={errors.link}
        />
      </div>
      {errors.form ? (
        <p className="form__error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <div className="form__actions">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" busy={scheduling.loading || updating.loading}>
          {interview ? "Save interview" : "Schedule interview"}
        </Button>
      </div>
    </form>
  );
}

interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  placeholder: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  error?: string;
  disabled?: boolean;
}

function SelectField({ id, label, value, placeholder, options, onChange, error, disabled }: SelectFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select
        id={id}
        className="input"
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} className="form__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
