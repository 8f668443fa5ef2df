/** What every template returns: a subject and both bodies, ready for the outbox. */
export type RenderedMail = { subject: string; html: string; text: string; template: string };

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML content and quoted attribute values. Every interpolated value goes through it. */
export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * A tagged template that escapes every interpolated value, so a template cannot forget to. A value that is
 * already markup (from another `html` call) is wrapped in `SafeHtml` and passes through as it is.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += (Array.isArray(v) ? v.map(render).join("") : render(v)) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

function render(v: unknown): string {
  return v instanceof SafeHtml ? v.value : escapeHtml(v);
}

/** A link only for http(s) URLs: a `javascript:` URL in a message is escaped text, never a link. */
export function link(url: string, label: string): SafeHtml {
  return /^https?:\/\//i.test(url) ? html`<a href="${url}">${label}</a>` : html`${label}`;
}

/** The one page frame around every message: inline styles only, since mail clients drop <style> blocks. */
export function layout(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html><head><meta charset="utf-8"><title>${title}</title></head>
<body style="font-family: system-ui, sans-serif; color: #1f2328; line-height: 1.5">
<h1 style="font-size: 18px">${title}</h1>
${body}
<p style="color: #656d76; font-size: 12px">Sent by Taskline.</p>
</body></html>`.value;
}

/** Subjects are header text: no line breaks (header injection), and a sane length. */
export function subjectLine(text: string): string {
  return text.replace(/[\r\n]+/g, " ").trim().slice(0, 200);
}
