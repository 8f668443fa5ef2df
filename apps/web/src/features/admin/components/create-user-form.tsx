import { useId, useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ALL_ROLES, presentRole } from "@/components/ui/role-badge";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { errorText } from "@/lib/graphql-errors";

import { useCreateUser } from "../api/create-user";

const MIN_PASSWORD_LENGTH = 12; // the API's policy

export function CreateUserForm({ onClose }: { onClose: () => void }) {
  const [createUser, { loading }] = useCreateUser();
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ email: string; temporaryPassword: string | null } | null>(null);
  const roleId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    setError(null);
    if (password !== "" && password.length < MIN_PASSWORD_LENGTH) {
      setError(`A password must be at least ${MIN_PASSWORD_LENGTH} characters long; leave it empty to generate one.`);
      return;
    }
    try {
      const { data } = await createUser({
        variables: {
          input: {
            email: String(form.get("email") ?? "").trim(),
            name: String(form.get("name") ?? "").trim(),
            role: ALL_ROLES.find((role) => role === form.get("role")) ?? "VIEWER",
            ...(password ? { password } : {}),
          },
        },
      });
      if (data) setCreated({ email: data.createUser.user.email, temporaryPassword: data.createUser.temporaryPassword });
    } catch (e) {
      setError(errorText(e));
    }
  }

  if (created) {
    return (
      <section className="card form" aria-labelledby="user-created-heading">
        <h2 id="user-created-heading" className="card__title">
          User {created.email} created
        </h2>
        {created.temporaryPassword ? (
          <SecretReveal
            label="Temporary password"
            secret={created.temporaryPassword}
            warning="This temporary password is shown only now. Give it to the user; they should change it after signing in."
            onDone={onClose}
          />
        ) : (
          <div className="form__actions">
            <Button variant="primary" onClick={onClose}>
              Done
            </Button>
          </div>
        )}
      </section>
    );
  }

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="create-user-heading">
      <h2 id="create-user-heading" className="card__title">
        New user
      </h2>
      <div className="form__row">
        <TextField label="Name" name="name" required autoComplete="off" />
        <TextField label="Email" name="email" type="email" required autoComplete="off" />
      </div>
      <div className="form__row">
        <div className="field">
          <label htmlFor={roleId} className="field__label">
            Role
          </label>
          <select id={roleId} name="role" className="input" defaultValue="RECRUITER">
            {ALL_ROLES.map((role) => (
              <option key={role} value={role}>
                {presentRole(role).label}
              </option>
            ))}
          </select>
        </div>
        <TextField
          label="Password (optional)"
          name="password"
          type="password"
          autoComplete="new-password"
          hint={`Leave empty to generate a temporary password. At least ${MIN_PASSWORD_LENGTH} characters.`}
        />
      </div>
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
          Create user
        </Button>
      </div>
    </form>
  );
}
