import type { ApiKeyRowFragment } from "@taskline/schema/types";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Chip } from "@/components/ui/chip";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import { formatDateTime, formatRelative } from "@/lib/format";
import { errorText } from "@/lib/graphql-errors";

import { useApiKeys } from "../api/get-api-keys";
import { useRevokeApiKey } from "../api/revoke-api-key";
import { CreateApiKeyForm } from "./create-api-key-form";

function keyState(key: ApiKeyRowFragment, now = Date.now()): "active" | "revoked" | "expired" {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && Date.parse(key.expiresAt) <= now) return "expired";
  return "active";
}

function ApiKeyRow({ apiKey }: { apiKey: ApiKeyRowFragment }) {
  const [revoke, { loading }] = useRevokeApiKey();
  const [error, setError] = useState<string | null>(null);
  const state = keyState(apiKey);

  return (
    <tr data-key-name={apiKey.name} data-key-state={state} className={state === "active" ? undefined : "row--inactive"}>
      <td>
        <div className="strong">{apiKey.name}</div>
        <div className="mono muted small">{apiKey.prefix}…</div>
      </td>
      <td>
        <div className="chips">
          {apiKey.scopes.map((scope) => (
            <Chip key={scope}>{scope}</Chip>
          ))}
        </div>
      </td>
      <td>
        {state === "active" ? (
          <span className="badge badge--success">Active</span>
        ) : state === "revoked" ? (
          <span className="badge badge--muted">Revoked</span>
        ) : (
          <span className="badge badge--warning">Expired</span>
        )}
      </td>
      <td className="col-hide-sm small">
        <div title={apiKey.createdAt}>Created {formatRelative(apiKey.createdAt)}</div>
        <div className="muted">Expires {apiKey.expiresAt ? formatDateTime(apiKey.expiresAt) : "never"}</div>
        <div className="muted">{apiKey.lastUsedAt ? `Last used ${formatRelative(apiKey.lastUsedAt)}` : "Never used"}</div>
      </td>
      <td className="col-actions">
        <div className="actions">
          {state === "active" ? (
            <ConfirmButton
              question={`Revoke “${apiKey.name}”? Tools using it stop working at once.`}
              confirmLabel="Revoke"
              busy={loading}
              aria-label={`Revoke ${apiKey.name}`}
              onConfirm={async () => {
                setError(null);
                try {
                  await revoke({ variables: { id: apiKey.id } });
                } catch (e) {
                  setError(errorText(e));
                }
              }}
            >
              Revoke
            </ConfirmButton>
          ) : null}
          {error ? (
            <span className="actions__error" role="alert">
              {error}
            </span>
          ) : null}
        </div>
      </td>
    </tr>
  );
}

export function ApiKeysPage() {
  const { data, error } = useApiKeys();
  const [creating, setCreating] = useState(false);

  return (
    <div className="page">
      <header className="page__head">
        <div>
          <h1 className="page__title">API keys</h1>
          <p className="muted small">Keys for tools and scripts, acting as you within the scopes you give them.</p>
        </div>
        {!creating ? (
          <Button variant="primary" onClick={() => setCreating(true)}>
            New API key
          </Button>
        ) : null}
      </header>

      {creating ? <CreateApiKeyForm onClose={() => setCreating(false)} /> : null}

      {error && !data ? <Callout tone="danger">{errorText(error)}</Callout> : null}
      {!data && !error ? (
        <p className="muted" aria-busy="true">
          Loading your keys…
        </p>
      ) : null}
      {data && data.apiKeys.length === 0 ? <EmptyState title="No API keys">Create one to call the API from a script.</EmptyState> : null}
      {data && data.apiKeys.length > 0 ? (
        <Table caption="Your API keys">
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Scopes</th>
              <th scope="col">Status</th>
              <th scope="col" className="col-hide-sm">
                Dates
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.apiKeys.map((key) => (
              <ApiKeyRow key={key.id} apiKey={key} />
            ))}
          </tbody>
        </Table>
      ) : null}
    </div>
  );
}
