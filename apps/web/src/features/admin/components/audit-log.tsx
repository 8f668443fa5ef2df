import { useId } from "react";
import { useSearchParams } from "react-router";

import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { errorText } from "@/lib/graphql-errors";

import { useAuditLog } from "../api/get-audit-log";

/** The actions the API records today (apps/api, `audit.record`); the filter is a free string on the API side. */
const KNOWN_ACTIONS = [
  "SIGN_IN",
  "SIGN_IN_FAILED",
  "SIGN_OUT",
  "PASSWORD_CHANGED",
  "USER_CREATED",
  "USER_ROLE_CHANGED",
  "USER_DEACTIVATED",
  "USER_REACTIVATED",
  "API_KEY_CREATED",
  "API_KEY_REVOKED",
  "TASK_CANCELLED",
  "TASK_RETRIED",
] as const;

function detailsText(details: unknown): string {
  if (details === null || typeof details !== "object" || Object.keys(details).length === 0) return "";
  return JSON.stringify(details);
}

export function AuditLog() {
  const [params, setParams] = useSearchParams();
  const action = params.get("action");
  const { data, error, loading, fetchMore } = useAuditLog(action);
  const filterId = useId();
  const edges = data?.auditLog.edges ?? [];

  return (
    <div className="page">
      <header className="page__head">
        <div>
          <h1 className="page__title">Audit log</h1>
          <p className="muted small">Sign-ins, user and key changes, and task actions, newest first.</p>
        </div>
        <div className="field filters__type">
          <label htmlFor={filterId} className="field__label">
            Action
          </label>
          <select
            id={filterId}
            className="input input--select"
            value={action ?? ""}
            onChange={(event) => setParams(event.target.value ? { action: event.target.value } : {}, { replace: true })}
          >
            <option value="">All actions</option>
            {KNOWN_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
      </header>

      {error && !data ? <Callout tone="danger">{errorText(error)}</Callout> : null}
      {!data && !error ? (
        <p className="muted" aria-busy="true">
          Loading the audit log…
        </p>
      ) : null}
      {data && edges.length === 0 ? <EmptyState title="Nothing recorded">{action ? `No ${action} entries yet.` : "No entries yet."}</EmptyState> : null}
      {edges.length > 0 ? (
        <>
          <Table caption="Audit log">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col" className="col-hide-sm">
                  Details
                </th>
                <th scope="col" className="col-hide-sm">
                  IP
                </th>
              </tr>
            </thead>
            <tbody>
              {edges.map(({ node }) => (
                <tr key={node.id} data-action={node.action}>
                  <td className="small" title={node.at}>
                    {formatDateTime(node.at)}
                  </td>
                  <td>
                    <div>{node.actorEmail ?? <span className="muted">system</span>}</div>
                    {node.via ? <div className="muted small">via {node.via}</div> : null}
                  </td>
                  <td className="mono">{node.action}</td>
                  <td className="small">
                    {node.targetType ? (
                      <>
                        {node.targetType} <span className="mono muted">{node.targetId}</span>
                      </>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td className="col-hide-sm mono details-json">{detailsText(node.details)}</td>
                  <td className="col-hide-sm mono small">{node.ip ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          <div className="list-footer">
            <span className="muted small">
              Showing {edges.length} of {data?.auditLog.totalCount ?? edges.length}
            </span>
            {data?.auditLog.pageInfo.hasNextPage ? (
              <Button busy={loading} onClick={() => void fetchMore({ variables: { after: data.auditLog.pageInfo.endCursor } })}>
                Load more
              </Button>
            ) : null}
          </div>
        </>
      ) : null}
    </div>
  );
}
