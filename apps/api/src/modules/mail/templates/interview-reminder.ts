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
};

export function interviewReminder(r: InterviewReminder): RenderedMail {
  const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeStyle: "short", timeZone: r.timeZone }).format(r.startsAt);
  const soon = r.lead === "1h" ? "in one hour" : "tomorrow";
  const subject = subjectLine(`Interview ${soon}: ${r.candidateName} for ${r.jobPostingTitle}`);
  const body = html`<p>Your interview with <strong>${r.candidateName}</strong> for <strong>${r.jobPostingTitle}</strong> is ${soon}.</p>
<p>When: ${when} (${r.timeZone})</p>
${r.location ? html`<p>Where: ${r.location}</p>` : ""}
${r.url ? html`<p>${link(r.url, "Open the interview")}</p>` : ""}`;
  const text = [
    `Your interview with ${r.candidateName} for ${r.jobPostingTitle} is ${soon}.`,
    `When: ${when} (${r.timeZone})`,
    r.location ? `Where: ${r.location}` : null,
    r.url ? `Link: ${r.url}` : null,
  ]
    .filter(Boolean)
    .join("\n");
  return { subject, html: layout(subject, body), text, template: "interview_reminder" };
}
