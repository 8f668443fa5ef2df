import type { InterviewRowFragment } from "@taskline/schema/types";
import { Link } from "react-router";

import { ConfirmButton } from "@/components/ui/confirm-button";
import { formatDateTimeIn, formatRelative } from "@/lib/format";
import { errorText } from "@/lib/graphql-errors";

import { useCancelInterview } from "../api/cancel-interview";
import { ReminderState } from "./reminder-state";

interface Props {
  interview: InterviewRowFragment;
  now: number;
  timeZone: string;
  /** Present when the viewer may change interviews (recruiting:write). */
  onEdit?: () => void;
}

export function InterviewRow({ interview, now, timeZone, onEdit }: Props) {
  const [cancel, cancelling] = useCancelInterview();
  const upcoming = Date.parse(interview.startsAt) > now;
  const who = `${interview.candidate.name}, ${formatDateTimeIn(interview.startsAt, timeZone)}`;
  return (
    <tr data-interview-id={interview.id} data-candidate={interview.candidate.name}>
      <td>
        <div className="cell-title">
          <time dateTime={interview.startsAt}>{formatDateTimeIn(interview.startsAt, timeZone)}</time>
        </div>
        <div className="muted small">{formatRelative(interview.startsAt, now)}</div>
      </td>
      <td>
        <div>{interview.candidate.name}</div>
        <div className="muted small">{interview.candidate.email}</div>
      </td>
      <td>
        <Link to={`/job-postings/${interview.jobPosting.id}`}>{interview.jobPosting.title}</Link>
      </td>
      <td>
        <ul className="plain-list small" aria-label="Interviewers">
          {interview.interviewerEmails.map((email) => (
            <li key={email}>{email}</li>
          ))}
        </ul>
      </td>
      <td className="col-hide-sm">
        {interview.location ? <div className="small">{interview.location}</div> : null}
        {interview.link ? (
          <a className="small" href={interview.link} target="_blank" rel="noreferrer noopener">
            Join link
          </a>
        ) : null}
        {!interview.location && !interview.link ? <span className="muted small">—</span> : null}
      </td>
      <td>
        <ReminderState interview={interview} now={now} timeZone={timeZone} />
      </td>
      {onEdit ? (
        <td>
          {upcoming ? (
            <div className="row-actions">
              <button type="button" className="button button--ghost button--sm" onClick={onEdit} aria-label={`Edit interview of ${who}`}>
                Edit
              </button>
              <ConfirmButton
                question={`Cancel the interview of ${interview.candidate.name}?`}
                confirmLabel="Cancel interview"
                busy={cancelling.loading}
                aria-label={`Cancel interview of ${who}`}
                onConfirm={async () => {
                  await cancel({ variables: { id: interview.id } }).catch(() => undefined);
                }}
              >
                Cancel
              </ConfirmButton>
              {cancelling.error ? (
                <p className="form__error" role="alert">
                  {errorText(cancelling.error)}
                </p>
              ) : null}
            </div>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}
