/**
 * How the transport tells the signed-in state that the server no longer accepts the session. `lib/` cannot import
 * the auth feature (imports flow shared -> features -> app), so the Apollo links and the live socket announce here
 * and `features/auth` listens.
 * - unauthenticated: an HTTP operation came back UNAUTHENTICATED (session expired, revoked, user deactivated).
 * - socket-forbidden: the server closed the live socket with 4403 (revoked credentials, changed role, expiry).
 */
export type SessionEvent = "unauthenticated" | "socket-forbidden";

type Listener = (event: SessionEvent) => void;
const listeners = new Set<Listener>();

export const sessionEvents = {
  emit(event: SessionEvent): void {
    for (const listener of listeners) listener(event);
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
