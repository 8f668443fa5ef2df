import { Navigate, useLocation } from "react-router";

import { SignInForm } from "@/features/auth/components/sign-in-form";
import type { SignInLocationState } from "@/features/auth/components/require-auth";
import { useAuth } from "@/features/auth/hooks/use-viewer";

/** Only same-app paths: a `from` is never an open redirect. */
function destination(state: unknown): string {
  const from = (state as SignInLocationState | null)?.from;
  return typeof from === "string" && from.startsWith("/") && !from.startsWith("//") && !from.startsWith("/sign-in") ? from : "/tasks";
}

export function SignInRoute() {
  const auth = useAuth();
  const location = useLocation();
  if (auth.status === "signed-in") return <Navigate to={destination(location.state)} replace />;
  if (auth.status === "loading") {
    return (
      <p className="muted auth-splash" aria-busy="true">
        Loading…
      </p>
    );
  }
  return (
    <main className="auth-page">
      <SignInForm />
    </main>
  );
}
