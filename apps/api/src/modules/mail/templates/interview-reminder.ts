import { html, layout, link, type RenderedMail, subjectLine } from "./html.js";

export type InterviewReminder = {
  candidateName: string;
  jobPostingTitle: string;
  startsAt: Date;
  /** IANA timezone the time is shown in. */
  timeZone: string;
  /** "24h" or "1h": which reminder this is. */
  lead: "24h" | "1h";
  location?: string | null;
  url?: string | null;
  /** Who reads it: interviewers (default) are told whom they meet; the candidate, which interview. */
  audience?: "interviewer" | "candidate";
};

export function interviewReminder(r: InterviewReminder): RenderedMail {
  const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeStyle: "short", timeZone: r.timeZone }).format(r.startsAt);
  const soon = r.lead === "1h" ? "in one hour" : "tomorrow";
  const forCandidate = r.audience === "candidate";
  const subject = subjectLine(forCandidate ? `Your interview ${soon}: ${r.jobPostingTitle}` : `Interview ${soon}: ${r.candidateName} for ${r.jobPostingTitle}`);
  const intro = forCandidate
    ? html`<p>${r.candidateName}, your interview for <strong>${r.jobPostingTitle}</strong> is ${soon}.</p>`
    : html`<p>Your interview with <strong>${r.candidateName}</strong> for <strong>${r.jobPostingTitle}</strong> is ${soon}.</p>`;
  const body = html`${intro}
<p>When: ${when} (${r.timeZone})</p>
${r.location ? html`<p>Where: ${r.location}</p>` : ""}
${r.url ? html`<p>${link(r.url, "Open the interview")}</p>` : ""}`;
  const text = [
    forCandidate ? `${r.candidateName}, your interview for ${r.jobPostingTitle} is ${soon}.` : `Your interview with ${r.candidateName} for ${r.jobPostingTitle} is ${soon}.`,
    `When: ${when} (${r.timeZone})`,
    r.location ? `Where: ${r.location}` : null,
    r.url ? `Link: ${r.url}` : null,
  ]
    .filter(Boolean)
    .join("\n");
  return { subject, html: layout(subject, body), text, template: "interview_reminder" };
}
