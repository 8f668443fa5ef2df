import { html, layout, link, type RenderedMail, subjectLine } from "./html.js";

export type TaskOutcome = {
  taskId: string;
  /** The task type's title, e.g. "Rank candidates". */
  title: string;
  finishedAt: Date;
  successCount: number;
  failureCount: number;
  /** The task's page in the SPA. */
  url?: string | null;
};

export function taskCompleted(t: TaskOutcome): RenderedMail {
  const subject = subjectLine(`Completed: ${t.title}`);
  const counts = `${t.successCount} item(s) done, ${t.failureCount} failed`;
  const body = html`<p><strong>${t.title}</strong> completed at ${t.finishedAt.toISOString()}.</p>
<p>${counts}.</p>
${t.url ? html`<p>${link(t.url, "Open the task")}</p>` : ""}`;
  const text = [`${t.title} completed at ${t.finishedAt.toISOString()}.`, `${counts}.`, `Task: ${t.url ?? t.taskId}`].join("\n");
  return { subject, html: layout(subject, body), text, template: "task_completed" };
}

export function taskFailed(t: TaskOutcome & { error: string; attempts: number }): RenderedMail {
  const subject = subjectLine(`Failed: ${t.title}`);
  const body = html`<p><strong>${t.title}</strong> failed at ${t.finishedAt.toISOString()} after ${t.attempts} attempt(s).</p>
<p>Why: <code>${t.error}</code></p>
${t.url ? html`<p>${link(t.url, "Open the task to retry it")}</p>` : ""}`;
  const text = [`${t.title} failed at ${t.finishedAt.toISOString()} after ${t.attempts} attempt(s).`, `Why: ${t.error}`, `Task: ${t.url ?? t.taskId}`].join("\n");
  return { subject, html: layout(subject, body), text, template: "task_failed" };
}
