import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { describeError, errorText } from "@/lib/graphql-errors";

import { useChangePassword } from "../api/change-password";

/** The API's policy (apps/api modules/identity/passwords.ts); checked here too, to say so before the round trip. */
export const MIN_PASSWORD_LENGTH = 12;

export function ChangePasswordForm() {
  const [changePassword, { loading }] = useChangePassword();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const currentPassword = String(form.get("currentPassword") ?? "");
    const newPassword = String(form.get("newPassword") ?? "");
    setError(null);
    setNotice(null);
    if (newPassword.length < MIN_PASSWORD_LENGTH) return setError(`The new password must be at least ${MIN_PASSWORD_LENGTH} characters long.`);
    if (newPassword !== form.get("confirmPassword")) return setError("The new passwords do not match.");
    try {
      await changePassword({ variables: { currentPassword, newPassword } });
      setNotice("Password changed. Your other sessions have been signed out.");
      formElement.reset();
    } catch (e) {
      // A wrong current password comes back UNAUTHENTICATED; it does not end this session.
      setError(describeError(e).code === "UNAUTHENTICATED" ? "The current password is wrong." : errorText(e));
    }
  }

  return (
    <form className="card form narrow" onSubmit={submit} aria-labelledby="change-password-heading">
      <h2 id="change-password-heading" className="card__title">
        Change password
      </h2>
      <TextField label="Current password" name="currentPassword" type="password" required autoComplete="current-password" />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. Your other sessions will be signed out.`}
      />
      <TextField label="Repeat the new password" name="confirmPassword" type="password" required autoComplete="new-password" />
      {error ? (
        <p className="form__error" role="alert">
          {error}
        </p>
      ) : null}
      {notice ? (
        <p className="form__notice" role="status">
          {notice}
        </p>
      ) : null}
      <div className="form__actions">
        <Button type="submit" variant="primary" busy={loading}>
          Change password
        </Button>
      </div>
    </form>
  );
}
