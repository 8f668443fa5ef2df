import type { AtsSourceFieldsFragment } from "@taskline/schema/types";
import { useState } from "react";
import { Link } from "react-router";

import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import { errorText } from "@/lib/graphql-errors";
import { useCan } from "@/lib/permissions";

import { useAtsSources, useTestAtsSource, useUpdateAtsSource } from "../api/sources";
import { SourceForm } from "./source-form";

type TestOutcome = { ok: boolean; reason: string | null; message: string; durationMs: number };

/** ATS sources: create, edit, test the connection, enable or disable. Admins change them; everyone may read. */
export function SourcesPage() {
  const { data, error } = useAtsSources();
  const isAdmin = useCan("admin");
  const [editing, setEditing] = useState<AtsSourceFieldsFragment | "new" | null>(null);
  const [tests, setTests] = useState<Record<string, TestOutcome | "running" | string>>({});
  const [test] = useTestAtsSource();
  const [update] = useUpdateAtsSource();

  async function runTest(id: string) {
    setTests((t) => ({ ...t, [id]: "running" }));
    try {
      const { data: res } = await test({ variables: { id } });
      if (res) setTests((t) => ({ ...t, [id]: res.testAtsSource }));
    } catch (e) {
      setTests((t) => ({ ...t, [id]: errorText(e) }));
    }
  }

  return (
    <div className="page">
      <header className="page__head">
        <div>
          <h1 className="page__title">ATS sources</h1>
          <p className="muted small">
            Where hired candidates are sent. <Link to="/ats/history">Sync history</Link>
          </p>
        </div>
        {isAdmin && editing === null ? (
          <div className="page__head-actions">
            <Button variant="primary" onClick={() => setEditing("new")}>
              New source
            </Button>
          </div>
        ) : null}
      </header>
      {error ? <Callout tone="danger">{errorText(error)}</Callout> : null}
      {editing !== null ? <SourceForm key={editing === "new" ? "new" : editing.id} source={editing === "new" ? undefined : editing} onDone={() => setEditing(null)} /> : null}
      {data && data.atsSources.length === 0 ? <EmptyState title="No ATS sources yet">{isAdmin ? "Add one to sync hired candidates to it." : "An admin adds them."}</EmptyState> : null}
      {data && data.atsSources.length > 0 ? (
        <Table caption="ATS sources">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Credentials</th>
              <th scope="col">Postings</th>
              <th scope="col">State</th>
              {isAdmin ? <th scope="col">Actions</th> : null}
            </tr>
          </thead>
          <tbody>
            {data.atsSources.map((s) => {
              const t = tests[s.id];
              return (
                <tr key={s.id}>
                  <td>
                    <span className="strong">{s.name}</span>
                    <div className="muted small">{s.baseUrl}</div>
                  </td>
                  <td>{s.kind === "GREENHOUSE" ? "Greenhouse" : "Generic HTTP"}</td>
                  <td className="small">{s.authKind === "NONE" ? "none" : s.credentialsSet ? `set …${s.credentialsLast4 ?? ""}` : "missing"}</td>
                  <td className="small">{s.jobPostingIds ? `${s.jobPostingIds.length} posting(s)` : "all"}</td>
                  <td>
                    <span className={`badge badge--${s.enabled ? "success" : "muted"}`}>{s.enabled ? "enabled" : "disabled"}</span>
                    {t ? (
                      <div className="small" role="status">
                        {t === "running" ? "Testing…" : typeof t === "string" ? t : t.ok ? `✓ ${t.message} (${t.durationMs} ms)` : `✗ ${t.reason}: ${t.message}`}
                      </div>
                    ) : null}
                  </td>
                  {isAdmin ? (
                    <td>
                      <div className="actions">
                        <Button size="sm" onClick={() => void runTest(s.id)} busy={t === "running"}>
                          Test connection
                        </Button>
                        <Button size="sm" variant="ghost" onClick={() => setEditing(s)}>
                          Edit
                        </Button>
                        <Button size="sm" variant="ghost" onClick={() => void update({ variables: { id: s.id, input: { enabled: !s.enabled } } })}>
                          {s.enabled ? "Disable" : "Enable"}
                        </Button>
                      </div>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </Table>
      ) : null}
    </div>
  );
}
