import type { GetOutboxQuery } from "@taskline/schema/types";
import { useId, useState } from "react";

import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format";

import { OutboxStatusBadge } from "./outbox-status-badge";

type Message = GetOutboxQuery["outbox"]["edges"][number]["node"];

/**
 * One message as its recipient would see it. The HTML goes into an iframe with `sandbox=""`: no scripts, no forms,
 * no same-origin access to the dashboard, whatever a template or a candidate's name put into it.
 */
export function MessagePreview({ message, onClose }: { message: Message; onClose: () => void }) {
  const id = useId();
  const [view, setView] = useState<"html" | "text">("html");
  return (
    <section className="card message-preview" aria-labelledby={`${id}-subject`}>
      <div className="card__head">
        <h2 id={`${id}-subject`} className="card__title">
          {message.subject}
        </h2>
        <Button size="sm" variant="ghost" onClick={onClose}>
          Close preview
        </Button>
      </div>
      <dl className="stats">
        <div className="stat">
          <dt>To</dt>
          <dd className="small">{message.to.join(", ")}</dd>
        </div>
        <div className="stat">
          <dt>Status</dt>
          <dd>
            <OutboxStatusBadge status={message.status} />
          </dd>
        </div>
        <div className="stat">
          <dt>Attempts</dt>
          <dd>{message.attempts}</dd>
        </div>
        <div className="stat">
          <dt>Created</dt>
          <dd className="small">{formatDateTime(message.createdAt)}</dd>
        </div>
        <div className="stat">
          <dt>Sent</dt>
          <dd className="small">{formatDateTime(message.sentAt)}</dd>
        </div>
        <div className="stat">
          <dt>Template</dt>
          <dd className="small mono">{message.template ?? "—"}</dd>
        </div>
      </dl>
      {message.lastError ? (
        <p className="form__error">
          <strong>Last error:</strong> {message.lastError}
        </p>
      ) : null}
      <div className="segmented" role="radiogroup" aria-label="Body">
        {(["html", "text"] as const).map((option) => (
          <label key={option} className={`toggle${view === option ? " toggle--on" : ""}`}>
            <input type="radio" className="visually-hidden" name={`${id}-view`} checked={view === option} onChange={() => setView(option)} />
            {option === "html" ? "HTML" : "Plain text"}
          </label>
        ))}
      </div>
      {view === "html" ? (
        <iframe className="message-preview__frame" title={`HTML body of “${message.subject}”`} sandbox="" srcDoc={message.html} />
      ) : (
        <pre className="message-preview__text">{message.text}</pre>
      )}
    </section>
  );
}
