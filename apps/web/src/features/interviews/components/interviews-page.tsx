import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorBoundary } from "@/components/ui/error-boundary";
import { Table } from "@/components/ui/table";
import { localTimeZone } from "@/lib/format";
import { errorText } from "@/lib/graphql-errors";
import { useCan } from "@/lib/permissions";

import { useInterviews } from "../api/get-interviews";
import { InterviewForm } from "./interview-form";
import { InterviewRow } from "./interview-row";

type When = "upcoming" | "past";
/** The past list is a recent history, not an archive (the API returns at most 500 per query). */
const PAST_DAYS = 90;
const DAY_MS = 86_400_000;

/** `null`: no form; "new": the schedule form; an id: that interview's edit form. */
type Editing = null | "new" | string;

export function InterviewsPage() {
  const canWrite = useCan("recruiting:write");
  const timeZone = localTimeZone();
  const [when, setWhen] = useState<When>("upcoming");
  // "Now" is fixed while the page is shown so the query's variables stay stable; switching lists moves it on.
  const [now, setNow] = useState(() => Date.now());
  const [editing, setEditing] = useState<Editing>(null);
  const range =
    when === "upcoming"
      ? { from: new Date(now).toISOString(), to: null }
      : { from: new Date(now - PAST_DAYS * DAY_MS).toISOString(), to: new Date(now).toISOString() };
  const { data, error } = useInterviews(range);
  // The API lists soonest first; the past reads best newest first.
  const interviews = data ? (when === "upcoming" ? data.interviews : [...data.interviews].reverse()) : undefined;
  const edited = editing && editing !== "new" ? interviews?.find((i) => i.id === editing) : undefined;

  function show(next: When) {
    setWhen(next);
    setNow(Date.now());
  }

  return (
    <div className="page">
      <header className="page__head">
        <div>
          <h1 className="page__title">Interviews</h1>
          <p className="muted small">
            Times in your timezone, {timeZone}. Reminders go to the interviewers and the candidate 24 h and 1 h before.
          </p>
        </div>
        <div className="page__head-actions">
          {canWrite && editing === null ? (
            <Button variant="primary" onClick={() => setEditing("new")}>
              Schedule interview
            </Button>
          ) : null}
        </div>
      </header>

      {canWrite && editing === "new" ? <InterviewForm timeZone={timeZone} onClose={() => setEditing(null)} /> : null}
      {canWrite && edited ? <InterviewForm key={edited.id} interview={edited} timeZone={timeZone} onClose={() => setEditing(null)} /> : null}

      <div className="segmented" role="radiogroup" aria-label="Which interviews">
        {(["upcoming", "past"] as const).map((option) => (
          <label key={option} className={`toggle${when === option ? " toggle--on" : ""}`}>
            <input type="radio" className="visually-hidden" name="interviews-when" checked={when === option} onChange={() => show(option)} />
            {option === "upcoming" ? "Upcoming" : `Past ${PAST_DAYS} days`}
          </label>
        ))}
      </div>

      {error && !data ? <Callout tone="danger">{errorText(error)}</Callout> : null}
      {!interviews && !error ? (
        <p className="muted" aria-busy="true">
          Loading interviews…
        </p>
      ) : null}
      {interviews && interviews.length === 0 ? (
        <EmptyState title={when === "upcoming" ? "No upcoming interviews" : "No interviews in the last 90 days"}>
          {canWrite && when === "upcoming" ? "Schedule one for a candidate of a job posting." : null}
        </EmptyState>
      ) : null}
      {interviews && interviews.length > 0 ? (
        <ErrorBoundary name="Interviews">
          <Table caption={when === "upcoming" ? "Upcoming interviews" : "Past interviews"}>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Candidate</th>
                <th scope="col">Job posting</th>
                <th scope="col">Interviewers</th>
                <th scope="col" className="col-hide-sm">
                  Where
                </th>
                <th scope="col">Reminders</th>
                {canWrite ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {interviews.map((interview) => (
                <InterviewRow
                  key={interview.id}
                  interview={interview}
                  now={now}
                  timeZone={timeZone}
                  onEdit={canWrite ? () => setEditing(interview.id) : undefined}
                />
              ))}
            </tbody>
          </Table>
        </ErrorBoundary>
      ) : null}
    </div>
  );
}
