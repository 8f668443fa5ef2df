import type { AtsAuthKind, AtsSourceFieldsFragment, AtsSourceKind } from "@taskline/schema/types";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { splitList } from "@/lib/format";
import { errorText } from "@/lib/graphql-errors";

import { useCreateAtsSource, useUpdateAtsSource } from "../api/sources";

const GREENHOUSE_SETTINGS = `{\n  "onBehalfOf": "<Greenhouse user id>"\n}`;
const GENERIC_SETTINGS = `{\n  "path": "/candidates",\n  "method": "POST",\n  "bodyTemplate": { "email": "{{email}}", "name": "{{name}}" },\n  "remoteIdPath": "id",\n  "testPath": "/"\n}`;

/** Create (no `source`) or edit a source. Credentials are write-only: blank on edit keeps the stored ones. */
export function SourceForm({ source, onDone }: { source?: AtsSourceFieldsFragment; onDone: () => void }) {
  const [create, created] = useCreateAtsSource();
  const [update, updated] = useUpdateAtsSource();
  const [kind, setKind] = useState<AtsSourceKind>(source?.kind ?? "GREENHOUSE");
  const [authKind, setAuthKind] = useState<AtsAuthKind>(source?.authKind ?? "API_KEY");
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    const f = new FormData(e.currentTarget);
    const text = (k: string) => String(f.get(k) ?? "").trim();
    let settings: unknown;
    let fieldMapping: unknown;
    try {
      settings = text("settings") ? JSON.parse(text("settings")) : {};
      fieldMapping = text("fieldMapping") ? JSON.parse(text("fieldMapping")) : {};
    } catch {
      setError("Settings and field mapping must be JSON objects");
      return;
    }
    const creds = authKind === "API_KEY" ? { apiKey: text("apiKey") } : authKind === "OAUTH2_CLIENT_CREDENTIALS" ? { clientId: text("clientId"), clientSecret: text("clientSecret") } : null;
    const credentialsGiven = creds && Object.values(creds).some(Boolean);
    const input = {
      name: text("name"),
      kind,
      baseUrl: text("baseUrl"),
      authKind,
      settings,
      fieldMapping,
      jobPostingIds: splitList(text("jobPostingIds")),
      concurrency: Number(text("concurrency") || 8),
      ...(credentialsGiven ? { credentials: creds } : {}),
    };
    try {
      if (source) await update({ variables: { id: source.id, input } });
      else await create({ variables: { input } });
      onDone();
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <form className="form card" onSubmit={submit} aria-label={source ? `Edit ${source.name}` : "New ATS source"}>
      <TextField label="Name" name="name" required defaultValue={source?.name} />
      <div className="form__row">
        <div className="field">
          <label className="field__label" htmlFor="ats-kind">
            Kind
          </label>
          <select id="ats-kind" className="input input--select" value={kind} onChange={(e) => setKind(e.target.value as AtsSourceKind)}>
            <option value="GREENHOUSE">Greenhouse Harvest</option>
            <option value="GENERIC_HTTP">Generic JSON over HTTP(S)</option>
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="ats-auth">
            Authentication
          </label>
          <select id="ats-auth" className="input input--select" value={authKind} onChange={(e) => setAuthKind(e.target.value as AtsAuthKind)}>
            <option value="API_KEY">API key</option>
            <option value="OAUTH2_CLIENT_CREDENTIALS">OAuth2 client credentials</option>
            <option value="NONE">None</option>
          </select>
        </div>
      </div>
      <TextField label="Base URL" name="baseUrl" required type="url" placeholder={kind === "GREENHOUSE" ? "https://harvest.greenhouse.io" : "https://hr.example.com/api"} defaultValue={source?.baseUrl} />
      {authKind === "API_KEY" ? (
        <TextField label="API key" name="apiKey" type="password" autoComplete="off" hint={source?.credentialsSet ? `Set (…${source.credentialsLast4 ?? ""}); leave blank to keep it` : "Stored encrypted; never shown again"} />
      ) : null}
      {authKind === "OAUTH2_CLIENT_CREDENTIALS" ? (
        <div className="form__row">
          <TextField label="Client id" name="clientId" autoComplete="off" />
          <TextField label="Client secret" name="clientSecret" type="password" autoComplete="off" hint={source?.credentialsSet ? `Set (…${source.credentialsLast4 ?? ""}); leave both blank to keep them` : "Stored encrypted"} />
        </div>
      ) : null}
      <TextAreaField
        label="Settings (JSON)"
        name="settings"
        rows={6}
        className="input mono"
        defaultValue={source ? JSON.stringify(source.settings, null, 2) : kind === "GREENHOUSE" ? GREENHOUSE_SETTINGS : GENERIC_SETTINGS}
        hint="See docs/ats-sync.md: endpoint, method, headers, body template, success statuses, remote id path; Greenhouse: onBehalfOf; OAuth2: tokenUrl"
      />
      <TextAreaField label="Field mapping (JSON: target field → candidate field)" name="fieldMapping" rows={3} className="input mono" defaultValue={source ? JSON.stringify(source.fieldMapping, null, 2) : ""} hint="Candidate fields: candidateId, name, firstName, lastName, email, resumeText, hiringStatus, hiredAt, jobPostingId, jobPostingTitle" />
      <div className="form__row">
        <TextField label="Job postings (ids, comma-separated)" name="jobPostingIds" defaultValue={source?.jobPostingIds?.join(", ") ?? ""} hint="Blank: every posting" />
        <TextField label="Concurrency" name="concurrency" type="number" min={1} max={64} defaultValue={source?.concurrency ?? 8} />
      </div>
      {error ? (
        <p className="form__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={created.loading || updated.loading}>
          {source ? "Save" : "Create source"}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
