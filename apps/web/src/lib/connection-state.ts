import { useSyncExternalStore } from "react";

/**
 * The state of the one graphql-ws socket, as live widgets should present it.
 * - connecting: first connection not acknowledged yet
 * - connected: acknowledged; subscriptions are flowing
 * - reconnecting: the socket dropped; graphql-ws is retrying and will resubscribe, and each task subscription's
 *   first event (the snapshot) will correct whatever happened meanwhile. What is on screen may be stale.
 * - failed: retries gave up (fatal close code); a reload is needed.
 */
export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "failed";

export interface ConnectionState {
  status: ConnectionStatus;
  /** Increments on every acknowledged reconnect, so views without a snapshot (lists) can refetch. */
  reconnects: number;
}

let state: ConnectionState = { status: "connecting", reconnects: 0 };
const listeners = new Set<() => void>();

function set(next: ConnectionState): void {
  if (next.status === state.status && next.reconnects === state.reconnects) return;
  state = next;
  for (const listener of listeners) listener();
}

export const connectionState = {
  get: (): ConnectionState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  connecting(isRetry: boolean): void {
    set({ ...state, status: isRetry || state.status !== "connecting" ? "reconnecting" : "connecting" });
  },
  connected(wasRetry: boolean): void {
    set({ status: "connected", reconnects: wasRetry ? state.reconnects + 1 : state.reconnects });
  },
  closed(): void {
    if (state.status !== "failed") set({ ...state, status: "reconnecting" });
  },
  failed(): void {
    set({ ...state, status: "failed" });
  },
  /** A new socket is on its way (sign-in, restart); keeps the reconnect counter, which only ever rises. */
  reset(): void {
    set({ ...state, status: "connecting" });
  },
};

export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(connectionState.subscribe, connectionState.get, connectionState.get);
}
