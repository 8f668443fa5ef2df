import { html, layout, link, type RenderedMail, subjectLine } from "./html.js";

export type WeeklyReport = {
  /** Monday of the reported week, ISO date (2025-11-24). */
  weekStart: string;
  weekEnd: string;
  /** Ordered rows of the figures table, e.g. ["New candidates", 42]. */
  figures: Array<[label: string, value: string | number]>;
  /** Where the full report with charts lives in the SPA. */
  url?: string | null;
};

export function weeklyReport(r: WeeklyReport): RenderedMail {
  const subject = subjectLine(`Taskline weekly report, ${r.weekStart} to ${r.weekEnd}`);
  const rows = r.figures.map(([label, value]) => html`<tr><td style="padding: 2px 12px 2px 0">${label}</td><td style="text-align: right"><strong>${value}</strong></td></tr>`);
  const body = html`<p>The recruiting pipeline from ${r.weekStart} to ${r.weekEnd}.</p>
<table style="border-collapse: collapse">${rows}</table>
${r.url ? html`<p>${link(r.url, "See the report with charts")}</p>` : ""}`;
  const text = [`The recruiting pipeline from ${r.weekStart} to ${r.weekEnd}.`, "", ...r.figures.map(([l, v]) => `${l}: ${v}`), r.url ? `\nReport: ${r.url}` : ""]
    .join("\n")
    .trimEnd();
  return { subject, html: layout(subject, body), text, template: "weekly_report" };
}
