import { useEffect, useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { TextField } from "@/components/ui/field";
import { formatWait } from "@/lib/format";
import { describeError, errorText, retryAfterSeconds } from "@/lib/graphql-errors";

import { useAuth } from "../hooks/use-viewer";

/** Seconds left until `until` (ms since epoch), ticking once a second; 0 once passed. */
function useSecondsUntil(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}

function signInErrorText(error: unknown): string {
  const { code, message } = describeError(error);
  if (code === "UNAUTHENTICATED") return message; // "Invalid email or password"
  return errorText(error);
}

export function SignInForm() {
  const auth = useAuth();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);
  const wait = useSecondsUntil(lockedUntil);
  const locked = wait > 0;
  const notice = auth.status === "signed-out" ? auth.notice : null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    setBusy(true);
    try {
      await auth.signIn(String(form.get("email") ?? "").trim(), String(form.get("password") ?? ""));
      // Signed in: the sign-in route sends the user on to where they were going.
    } catch (e) {
      const seconds = retryAfterSeconds(e);
      if (seconds !== null) {
        setLockedUntil(Date.now() + seconds * 1000);
        setError(null);
      } else {
        setError(signInErrorText(e));
      }
      setBusy(false);
    }
  }

  return (
    <form className="card form auth-card" onSubmit={submit} aria-labelledby="sign-in-heading">
      <div className="auth-card__brand">
        <span className="brand__mark" aria-hidden="true" />
        <h1 id="sign-in-heading" className="page__title">
          Sign in to Taskline
        </h1>
      </div>
      {notice ? <Callout tone="warning">{notice}</Callout> : null}
      <TextField label="Email" name="email" type="email" required autoComplete="username" autoFocus />
      <TextField label="Password" name="password" type="password" required autoComplete="current-password" />
      {error ? (
        <p className="form__error" role="alert">
          {error}
        </p>
      ) : null}
      {locked ? (
        <p className="form__error" role="alert">
          Too many failed sign-ins. Try again in {formatWait(wait)}.
        </p>
      ) : null}
      <Button type="submit" variant="primary" busy={busy} disabled={locked}>
        Sign in
      </Button>
    </form>
  );
}
