import type { OutboxStatus } from "@taskline/schema/types";
import { useId, useState } from "react";

import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorBoundary } from "@/components/ui/error-boundary";
import { Table } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { errorText } from "@/lib/graphql-errors";

import { useOutbox } from "../api/get-outbox";
import { MessagePreview } from "./message-preview";
import { OUTBOX_STATUSES, OutboxStatusBadge, presentOutboxStatus } from "./outbox-status-badge";

export function OutboxPage() {
  const ids = useId();
  const [status, setStatus] = useState<OutboxStatus | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const { data, error, loading, fetchMore, refetch } = useOutbox(status);
  const messages = data?.outbox.edges.map((edge) => edge.node);
  const open = messages?.find((m) => m.id === selected);

  return (
    <div className="page">
      <header className="page__head">
        <div>
          <h1 className="page__title">Outbox</h1>
          <p className="muted small">Every email Taskline sends: reminders, reports, task notices. Without an SMTP server they are held here.</p>
        </div>
        <div className="page__head-actions">
          <div className="field field--inline">
            <label htmlFor={`${ids}-status`} className="field__label">
              Status
            </label>
            <select
              id={`${ids}-status`}
              className="input input--select"
              value={status ?? ""}
              onChange={(e) => {
                setStatus(e.target.value === "" ? null : (e.target.value as OutboxStatus));
                setSelected(null);
              }}
            >
              <option value="">All</option>
              {OUTBOX_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {presentOutboxStatus(s).label}
                </option>
              ))}
            </select>
          </div>
          <Button busy={loading} onClick={() => void refetch()}>
            Refresh
          </Button>
        </div>
      </header>

      {open ? (
        <ErrorBoundary name="Message preview" resetKey={open.id}>
          <MessagePreview message={open} onClose={() => setSelected(null)} />
        </ErrorBoundary>
      ) : null}

      {error && !data ? <Callout tone="danger">{errorText(error)}</Callout> : null}
      {!data && !error ? (
        <p className="muted" aria-busy="true">
          Loading the outbox…
        </p>
      ) : null}
      {messages && messages.length === 0 ? <EmptyState title={status ? "No messages with this status" : "No messages yet"} /> : null}
      {messages && messages.length > 0 ? (
        <>
          <p className="muted small">
            {data!.outbox.totalCount} message{data!.outbox.totalCount === 1 ? "" : "s"}
          </p>
          <Table caption="Outgoing messages">
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Recipient</th>
                <th scope="col">Subject</th>
                <th scope="col" className="col-num">
                  Attempts
                </th>
                <th scope="col" className="col-hide-sm">
                  Last error
                </th>
                <th scope="col">Created</th>
                <th scope="col" className="col-hide-sm">
                  Sent
                </th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <tr key={message.id} data-message-id={message.id} aria-selected={message.id === selected ? true : undefined}>
                  <td>
                    <OutboxStatusBadge status={message.status} />
                  </td>
                  <td className="small">{message.to.join(", ")}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => setSelected(message.id)} aria-label={`Preview “${message.subject}” to ${message.to.join(", ")}`}>
                      {message.subject}
                    </button>
                    {message.template ? <div className="muted small mono">{message.template}</div> : null}
                  </td>
                  <td className="col-num">{message.attempts}</td>
                  <td className="col-hide-sm small text-danger">{message.lastError ?? ""}</td>
                  <td className="small">{formatDateTime(message.createdAt)}</td>
                  <td className="col-hide-sm small">{formatDateTime(message.sentAt)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          {data!.outbox.pageInfo.hasNextPage ? (
            <div className="list-footer">
              <Button busy={loading} onClick={() => fetchMore({ variables: { after: data!.outbox.pageInfo.endCursor } })}>
                Older messages
              </Button>
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
