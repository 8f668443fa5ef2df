import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";

import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { assertNever } from "@/lib/assert-never";

import { useAuth } from "../hooks/use-viewer";

/** Where the sign-in page sends the user once signed in (a path with its query and hash). */
export interface SignInLocationState {
  from?: string;
}

/** Renders its children only when signed in; anyone else goes to /sign-in, and comes back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const location = useLocation();

  switch (auth.status) {
    case "loading":
      return (
        <p className="muted auth-splash" aria-busy="true">
          Loading…
        </p>
      );
    case "unreachable":
      return (
        <div className="auth-splash">
          <Callout tone="danger">
            Taskline cannot be reached: {auth.error}{" "}
            <Button size="sm" variant="ghost" onClick={auth.reload}>
              Try again
            </Button>
          </Callout>
        </div>
      );
    case "signed-out": {
      const state: SignInLocationState = auth.returnHere ? { from: `${location.pathname}${location.search}${location.hash}` } : {};
      return <Navigate to="/sign-in" replace state={state} />;
    }
    case "signed-in":
      return children;
    default:
      return assertNever(auth);
  }
}
