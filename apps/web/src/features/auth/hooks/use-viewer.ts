import type { ViewerFragment } from "@taskline/schema/types";
import { createContext, useContext } from "react";

export type Viewer = ViewerFragment;

/**
 * - loading: asking `me` whether the cookie still holds a session
 * - unreachable: the API did not answer; nothing is known about the session
 * - signed-out: no session; `notice` says why when the session ended on its own (expired, revoked, deactivated),
 *   and `returnHere` whether signing in again should come back to the page the user was on
 * - signed-in: the live socket is open for this session
 */
export type AuthState =
  | { status: "loading" }
  | { status: "unreachable"; error: string }
  | { status: "signed-out"; notice: string | null; returnHere: boolean }
  | { status: "signed-in"; viewer: Viewer };

export type Auth = AuthState & {
  /** Rises whenever the live socket is re-created; the routed views are keyed by it, so they subscribe afresh. */
  liveEpoch: number;
  /** Resolves once signed in; rejects with the API's error (UNAUTHENTICATED, RATE_LIMITED, ...). */
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Asks `me` again (after "unreachable"). */
  reload(): void;
};

export const AuthContext = createContext<Auth | null>(null);

/** The session and the signed-in user; only inside AuthProvider. */
export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error("useAuth() needs an <AuthProvider> above it");
  return auth;
}

/** The signed-in user, or null. */
export function useViewer(): Viewer | null {
  const auth = useAuth();
  return auth.status === "signed-in" ? auth.viewer : null;
}
