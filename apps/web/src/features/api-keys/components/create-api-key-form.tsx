import { useId, useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { TextField } from "@/components/ui/field";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { errorText } from "@/lib/graphql-errors";
import { isScope, useGrantedScopes } from "@/lib/permissions";

import { useCreateApiKey } from "../api/create-api-key";
import { useScopes } from "../api/get-scopes";

const DAY_MS = 86_400_000;
const EXPIRY_CHOICES = [
  { value: "", label: "Never" },
  { value: "7", label: "In 7 days" },
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In a year" },
] as const;

/** Scopes offered are those the API knows and the signed-in role has; the API refuses anything beyond the role. */
export function CreateApiKeyForm({ onClose }: { onClose: () => void }) {
  const [createApiKey, { loading }] = useCreateApiKey();
  const { data: scopesData, error: scopesError } = useScopes();
  const granted = useGrantedScopes();
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const expiryId = useId();
  const offered = (scopesData?.scopes ?? []).filter((scope) => isScope(scope) && granted.has(scope));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const scopes = form.getAll("scopes").map(String);
    const days = Number(form.get("expiresIn") || 0);
    setError(null);
    if (scopes.length === 0) {
      setError("Choose at least one scope.");
      return;
    }
    try {
      const { data } = await createApiKey({
        variables: {
          input: {
            name: String(form.get("name") ?? "").trim(),
            scopes,
            expiresAt: days > 0 ? new Date(Date.now() + days * DAY_MS).toISOString() : null,
          },
        },
      });
      if (data) setSecret({ name: data.createApiKey.apiKey.name, value: data.createApiKey.secret });
    } catch (e) {
      setError(errorText(e));
    }
  }

  if (secret) {
    return (
      <section className="card form" aria-labelledby="key-created-heading">
        <h2 id="key-created-heading" className="card__title">
          Key “{secret.name}” created
        </h2>
        <SecretReveal
          label="API key secret"
          secret={secret.value}
          warning="Copy this key now: it is shown only once and cannot be recovered. Send it as `Authorization: Bearer <key>`."
          onDone={onClose}
        />
      </section>
    );
  }

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="create-key-heading">
      <h2 id="create-key-heading" className="card__title">
        New API key
      </h2>
      <div className="form__row">
        <TextField label="Name" name="name" required maxLength={100} autoComplete="off" placeholder="CI deploy" />
        <div className="field">
          <label htmlFor={expiryId} className="field__label">
            Expires
          </label>
          <select id={expiryId} name="expiresIn" className="input" defaultValue="90">
            {EXPIRY_CHOICES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {scopesError ? <Callout tone="danger">{errorText(scopesError)}</Callout> : null}
      <fieldset className="checks">
        <legend>Scopes</legend>
        {offered.map((scope) => (
          <label key={scope} className="check">
            <input type="checkbox" name="scopes" value={scope} defaultChecked={scope.endsWith(":read")} />
            <span className="mono">{scope}</span>
          </label>
        ))}
      </fieldset>
      {error ? (
        <p className="form__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form__actions">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" busy={loading}>
          Create key
        </Button>
      </div>
    </form>
  );
}
