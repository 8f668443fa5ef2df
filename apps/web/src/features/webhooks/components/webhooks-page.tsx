import { useSubscription } from "@apollo/client/react";
import type { WebhookEvent } from "@taskline/schema/types";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";

import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { EmptyState } from "@/components/ui/empty-state";
import { TextField } from "@/components/ui/field";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { Table } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { errorText } from "@/lib/graphql-errors";
import { OnTasksUpdatedSubscription } from "@/features/tasks/api/on-tasks-updated";

import { useCreateWebhookEndpoint, useDeleteWebhookEndpoint, useRedeliverWebhook, useUpdateWebhookEndpoint, useWebhookEndpoints } from "../api/webhooks";

const EVENTS: WebhookEvent[] = ["TASK_FINISHED", "TASK_FAILED", "CANDIDATE_SYNCED", "SCHEDULE_FAILED"];

/**
 * Admins register endpoints (the signing secret is shown once), see each delivery with every attempt's response,
 * and redeliver. Deliveries are webhooks.deliver tasks: their updates refetch the list, live.
 */
export function WebhooksPage() {
  const { data, error, refetch } = useWebhookEndpoints();
  useSubscription(OnTasksUpdatedSubscription, { variables: { filter: { type: ["webhooks.deliver"] } }, onData: () => void refetch() });
  const [create, created] = useCreateWebhookEndpoint();
  const [update] = useUpdateWebhookEndpoint();
  const [remove] = useDeleteWebhookEndpoint();
  const [redeliver] = useRedeliverWebhook();
  const [events, setEvents] = useState<WebhookEvent[]>(["TASK_FAILED"]);
  const [secret, setSecret] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setProblem(null);
    const form = e.currentTarget;
    const f = new FormData(form);
    try {
      const { data: res } = await create({ variables: { input: { url: String(f.get("url") ?? ""), description: String(f.get("description") ?? ""), events } } });
      if (res) setSecret(res.createWebhookEndpoint.secret);
      form.reset();
    } catch (err) {
      setProblem(errorText(err));
    }
  }

  const act = (p: Promise<unknown>) => p.catch((err) => setProblem(errorText(err)));

  return (
    <div className="page">
      <header className="page__head">
        <div>
          <h1 className="page__title">Webhooks</h1>
          <p className="muted small">Signed POSTs to your endpoints when tasks finish or fail, candidates reach an ATS, or a scheduled task fails. Verification: docs/webhooks.md.</p>
        </div>
      </header>
      {error ? <Callout tone="danger">{errorText(error)}</Callout> : null}
      {secret ? <SecretReveal label="Webhook signing secret" secret={secret} warning="Copy the signing secret now: it is never shown again." onDone={() => setSecret(null)} /> : null}
      <form className="form card" onSubmit={submit} aria-label="New webhook endpoint">
        <TextField label="Endpoint URL" name="url" type="url" required placeholder="https://example.com/taskline-hooks" />
        <TextField label="Description" name="description" />
        <fieldset className="chips" aria-label="Events">
          {EVENTS.map((ev) => (
            <label key={ev} className="small">
              <input type="checkbox" checked={events.includes(ev)} onChange={(e) => setEvents((cur) => (e.target.checked ? [...cur, ev] : cur.filter((x) => x !== ev)))} /> {ev.toLowerCase().replace("_", " ")}
            </label>
          ))}
        </fieldset>
        {problem ? (
          <p className="form__error" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="form__actions">
          <Button type="submit" variant="primary" busy={created.loading} disabled={events.length === 0}>
            Add endpoint
          </Button>
        </div>
      </form>
      {data && data.webhookEndpoints.length === 0 ? <EmptyState title="No webhook endpoints">Add one above.</EmptyState> : null}
      {data?.webhookEndpoints.map((ep) => (
        <section key={ep.id} className="section card" aria-label={`Endpoint ${ep.url}`}>
          <div className="section__head">
            <h2 className="card__title">{ep.url}</h2>
            <span className={`badge badge--${ep.enabled ? "success" : "muted"}`}>{ep.enabled ? "enabled" : "disabled"}</span>
          </div>
          <p className="muted small">
            {ep.events.map((e) => e.toLowerCase()).join(", ")} · secret …{ep.secretLast4} {ep.description ? `· ${ep.description}` : ""}
          </p>
          <div className="actions">
            <Button size="sm" onClick={() => void act(update({ variables: { id: ep.id, input: { enabled: !ep.enabled } } }))}>
              {ep.enabled ? "Disable" : "Enable"}
            </Button>
            <ConfirmButton question="Delete this endpoint and its deliveries?" confirmLabel="Delete" onConfirm={() => void act(remove({ variables: { id: ep.id } }))}>
              Delete
            </ConfirmButton>
          </div>
          {ep.deliveries.length === 0 ? (
            <p className="muted small">No deliveries yet.</p>
          ) : (
            <Table caption={`Deliveries to ${ep.url}`}>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Event</th>
                  <th scope="col">Status</th>
                  <th scope="col">Attempts (response)</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {ep.deliveries.map((d) => (
                  <tr key={d.id}>
                    <td className="small">{d.taskId ? <Link to={`/tasks/${d.taskId}`}>{formatDateTime(d.createdAt)}</Link> : formatDateTime(d.createdAt)}</td>
                    <td className="small">{d.event.toLowerCase()}</td>
                    <td>
                      <span className={`badge badge--${d.status === "DELIVERED" ? "success" : d.status === "FAILED" ? "danger" : "info"}`}>{d.status.toLowerCase()}</span>
                    </td>
                    <td className="small">{d.attemptLog.map((a) => `${a.attempt}: ${a.responseStatus ?? a.error ?? "—"}`).join(" · ") || "—"}</td>
                    <td>
                      {d.status !== "PENDING" ? (
                        <Button size="sm" variant="ghost" onClick={() => void act(redeliver({ variables: { deliveryId: d.id } }))}>
                          Redeliver
                        </Button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </section>
      ))}
    </div>
  );
}
