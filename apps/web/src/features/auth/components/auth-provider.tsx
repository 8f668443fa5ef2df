import { useApolloClient } from "@apollo/client/react";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";

import { describeError, errorText } from "@/lib/graphql-errors";
import { liveSocket } from "@/lib/live-socket";
import { RoleContext } from "@/lib/permissions";
import { sessionEvents } from "@/lib/session-events";

import { GetViewerQuery } from "../api/get-viewer";
import { useSignInMutation } from "../api/sign-in";
import { useSignOutMutation } from "../api/sign-out";
import { AuthContext, type Auth, type AuthState, type Viewer } from "../hooks/use-viewer";

const SESSION_ENDED = "Your session has ended. Sign in again to continue.";
const SIGNED_OUT_REMOTELY = "You have been signed out: your session was ended or your account was deactivated.";
/** A socket refused again this soon after a restart is not a changed role but a refusal: stop, do not loop. */
const MIN_RESTART_INTERVAL_MS = 10_000; // 10 seconds

/**
 * The session, built on `me`. Owns the live socket's life: open only while signed in (the API authenticates it
 * from the cookie when it opens, and refuses an anonymous one with 4403), re-created after each sign-in.
 * The cache is cleared whenever the user changes, so nothing of one user is ever shown to the next.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const [signInMutation] = useSignInMutation();
  const [signOutMutation] = useSignOutMutation();
  const [state, setState] = useState<AuthState>({ status: "loading" });
  const [liveEpoch, setLiveEpoch] = useState(0);
  const [loadCount, setLoadCount] = useState(0);
  const stateRef = useRef(state);
  stateRef.current = state;
  const lastRestart = useRef(0);

  const fetchViewer = useCallback(async (): Promise<Viewer | null> => {
    const { data } = await client.query({ query: GetViewerQuery, fetchPolicy: "network-only" });
    return data?.me ?? null;
  }, [client]);

  const enter = useCallback((viewer: Viewer) => {
    lastRestart.current = Date.now();
    liveSocket.restart();
    setLiveEpoch((epoch) => epoch + 1);
    setState({ status: "signed-in", viewer });
  }, []);

  const leave = useCallback(
    async (notice: string | null, returnHere: boolean) => {
      liveSocket.stop();
      setState({ status: "signed-out", notice, returnHere });
      await client.clearStore();
    },
    [client],
  );

  // On load: does the cookie still hold a session?
  useEffect(() => {
    let ignore = false;
    fetchViewer().then(
      (viewer) => {
        if (ignore) return;
        if (viewer) enter(viewer);
        else setState({ status: "signed-out", notice: null, returnHere: true });
      },
      (error: unknown) => {
        if (!ignore) setState({ status: "unreachable", error: errorText(error) });
      },
    );
    return () => {
      ignore = true;
      liveSocket.stop();
    };
  }, [fetchViewer, enter, loadCount]);

  // The transport reports the session gone: an UNAUTHENTICATED answer, or the socket closed with 4403.
  useEffect(
    () =>
      sessionEvents.subscribe((event) => {
        if (stateRef.current.status !== "signed-in") return;
        if (event === "unauthenticated") {
          void leave(SESSION_ENDED, true);
          return;
        }
        // 4403 also follows a role change (the session stays, its rights changed): ask who we are now.
        void fetchViewer().then(
          async (viewer) => {
            if (viewer === null) return leave(SIGNED_OUT_REMOTELY, true);
            if (Date.now() - lastRestart.current < MIN_RESTART_INTERVAL_MS) return; // the badge shows "Offline — reload"
            await client.clearStore();
            enter(viewer);
          },
          () => {}, // the API is unreachable: the badge already says so; the next operation decides
        );
      }),
    [client, enter, fetchViewer, leave],
  );

  const signIn = useCallback(
    async (email: string, password: string) => {
      const { data } = await signInMutation({ variables: { email, password } });
      if (!data) throw new Error("The API answered the sign-in without data");
      await client.clearStore();
      enter(data.signIn.user);
    },
    [client, enter, signInMutation],
  );

  const signOut = useCallback(async () => {
    // Close the socket first: the API closes it with 4403 when the session ends, which is not news to us.
    liveSocket.stop();
    try {
      await signOutMutation();
    } catch (error) {
      // UNAUTHENTICATED: the session had already ended, so we are signed out. Anything else: the cookie may still
      // be valid, so say so rather than pretend.
      if (describeError(error).code !== "UNAUTHENTICATED") {
        liveSocket.start();
        setLiveEpoch((epoch) => epoch + 1);
        throw error;
      }
    }
    await leave(null, false);
  }, [leave, signOutMutation]);

  const reload = useCallback(() => {
    setState({ status: "loading" });
    setLoadCount((count) => count + 1);
  }, []);

  const auth = useMemo<Auth>(() => ({ ...state, liveEpoch, signIn, signOut, reload }), [state, liveEpoch, signIn, signOut, reload]);
  const role = state.status === "signed-in" ? state.viewer.role : null;

  return (
    <AuthContext value={auth}>
      <RoleContext value={role}>{children}</RoleContext>
    </AuthContext>
  );
}
