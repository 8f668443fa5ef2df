import { describe, expect, it } from "vitest";
import { escapeHtml, html } from "./html.js";
import { interviewReminder } from "./interview-reminder.js";
import { taskCompleted, taskFailed } from "./task-outcome.js";
import { weeklyReport } from "./weekly-report.js";

const EVIL = `<img src=x onerror="alert('x')"> & more`;
const ESCAPED = "&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; more";

describe("mail templates", () => {
  it("escapes the five HTML-special characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    expect(html`<p>${EVIL}</p>`.value).toBe(`<p>${ESCAPED}</p>`);
  });

  it("escapes every value in the interview reminder, and links only http(s) URLs", () => {
    const mail = interviewReminder({ candidateName: EVIL, jobPostingTitle: EVIL, startsAt: new Date("2025-12-01T08:00:00Z"), timeZone: "UTC", lead: "24h", location: EVIL, url: `javascript:alert(1)` });
    expect(mail.html).not.toContain("<img");
    // Name and posting in the <title> and the heading (the subject), in the text, and the location: 7 in all.
    expect(mail.html.split(ESCAPED).length - 1).toBe(7);
    expect(mail.html).not.toContain("href=");
    expect(mail.text).toContain(`Your interview with ${EVIL}`);
    expect(mail.template).toBe("interview_reminder");
  });

  it("addresses the candidate's copy of a reminder to the candidate, escaped the same way", () => {
    const mail = interviewReminder({ candidateName: EVIL, jobPostingTitle: "Platform engineer", startsAt: new Date("2025-12-01T08:00:00Z"), timeZone: "Europe/Berlin", lead: "1h", audience: "candidate" });
    expect(mail.subject).toBe("Your interview in one hour: Platform engineer");
    expect(mail.html).toContain(`<p>${ESCAPED}, your interview for <strong>Platform engineer</strong> is in one hour.</p>`);
    expect(mail.text).toContain("When: Monday, 1 December 2025 at 09:00 (Europe/Berlin)");
  });

  it("escapes the weekly report's labels and values", () => {
    const mail = weeklyReport({ weekStart: "2025-11-24", weekEnd: "2025-11-30", figures: [[EVIL, EVIL], ["New candidates", 42]], url: "https://taskline.example/reports/1?a=1&b=2" });
    expect(mail.html).not.toContain("<img");
    expect(mail.html).toContain(`<a href="https://taskline.example/reports/1?a=1&amp;b=2">`);
    expect(mail.html).toContain("<strong>42</strong>");
    expect(mail.text).toContain("New candidates: 42");
  });

  it("escapes task titles and errors, and keeps subjects on one line", () => {
    const done = taskCompleted({ taskId: "t1", title: `Rank\r\nBcc: victim@example.com`, finishedAt: new Date(0), successCount: 3, failureCount: 1 });
    expect(done.subject).toBe("Completed: Rank Bcc: victim@example.com");
    const failed = taskFailed({ taskId: "t1", title: "Rank", finishedAt: new Date(0), successCount: 0, failureCount: 0, error: EVIL, attempts: 3 });
    expect(failed.html).toContain(`<code>${ESCAPED}</code>`);
    expect(failed.template).toBe("task_failed");
  });
});
