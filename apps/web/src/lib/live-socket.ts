import { ApolloLink } from "@apollo/client";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { createClient, type Client } from "graphql-ws";
import { Observable } from "rxjs";

import { env } from "@/config/env";
import { connectionState } from "@/lib/connection-state";
import { sessionEvents } from "@/lib/session-events";

const KEEP_ALIVE_MS = 10_000; // ping every 10 seconds
const PONG_TIMEOUT_MS = 5_000; // a ping unanswered for 5 seconds means a half-open socket
const RETRY_BASE_MS = 500;
const RETRY_MAX_MS = 15_000;
/** graphql-ws's Forbidden: the API refused or revoked this socket's credentials (see apps/api realtime/live-connections.ts). */
export const CLOSE_FORBIDDEN = 4403;

function isForbiddenClose(value: unknown): boolean {
  return typeof value === "object" && value !== null && "code" in value && value.code === CLOSE_FORBIDDEN;
}

/**
 * One socket for the whole tab while signed in, opened eagerly (`lazy: false`): every live page needs it, the
 * connection badge is only truthful when the socket's life is independent of which widgets are mounted, and the
 * first subscription of a page skips the handshake. graphql-ws resubscribes every active subscription after a
 * reconnect; the API answers `taskUpdated` with a snapshot first, which corrects anything missed.
 *
 * The API authenticates the socket once, from the session cookie, when it opens. So there is no socket while
 * signed out, and a new one after every sign-in: `start`/`stop` follow the session.
 */
function createLiveClient(isCurrent: () => boolean): Client {
  let activeSocket: WebSocket | undefined;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;

  // With `lazy: false` graphql-ws starts connecting (and emitting events) inside createClient itself.
  return createClient({
    url: env.graphqlWsUrl,
    lazy: false,
    keepAlive: KEEP_ALIVE_MS,
    retryAttempts: Number.POSITIVE_INFINITY,
    // Browsers report every network failure as a CloseEvent: retry those. graphql-ws retries 4403 Forbidden too
    // unless told otherwise, but for this API it means the credentials are gone: retrying would hammer the
    // server with a dead cookie forever. The session decides what happens next (see features/auth).
    shouldRetry: (errOrCloseEvent) => !isForbiddenClose(errOrCloseEvent),
    retryWait: async (retries) => {
      const ceiling = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** retries);
      // Full jitter, so a restarted API is not hit by every tab at the same instant.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
    },
    onNonLazyError: (errOrCloseEvent) => {
      if (!isCurrent()) return;
      connectionState.failed();
      if (isForbiddenClose(errOrCloseEvent)) sessionEvents.emit("socket-forbidden");
    },
    on: {
      connecting: (isRetry) => {
        if (isCurrent()) connectionState.connecting(isRetry);
      },
      connected: (_socket, _payload, wasRetry) => {
        if (isCurrent()) connectionState.connected(wasRetry);
      },
      closed: () => {
        clearTimeout(pongTimer);
        if (isCurrent()) connectionState.closed();
      },
      ping: (received) => {
        if (received) return;
        pongTimer = setTimeout(() => {
          // 4408 is retryable: graphql-ws reconnects and resubscribes.
          if (activeSocket?.readyState === WebSocket.OPEN) activeSocket.close(4408, "Pong timeout");
        }, PONG_TIMEOUT_MS);
      },
      pong: (received) => {
        if (received) clearTimeout(pongTimer);
      },
      opened: (socket) => {
        activeSocket = socket as WebSocket;
      },
    },
  });
}

let current: { client: Client; link: GraphQLWsLink } | null = null;
/** Rises with every start and stop: events of a socket already replaced must not move the current one's badge. */
let generation = 0;

export const liveSocket = {
  /** Opens the socket (after sign-in, or when a signed-in tab loads); a no-op when one is open. */
  start(): void {
    if (current) return;
    connectionState.reset();
    const mine = ++generation;
    const client = createLiveClient(() => mine === generation);
    current = { client, link: new GraphQLWsLink(client) };
  },
  /** Closes the socket (before sign-out, when the session is gone); its subscriptions complete. */
  stop(): void {
    const previous = current;
    current = null;
    generation += 1;
    connectionState.reset();
    void previous?.client.dispose();
  },
  /** A new socket, authenticated afresh (after sign-in, or after the API closed it for a changed role). */
  restart(): void {
    liveSocket.stop();
    liveSocket.start();
  },
};

/**
 * The terminating link for subscriptions: whichever socket is current when the operation starts. Views subscribe
 * only behind the sign-in guard, so "no socket" means a view outlived its session.
 */
export const liveSocketLink = new ApolloLink((operation) => {
  if (!current) return new Observable((observer) => observer.error(new Error("Not signed in: there is no live connection")));
  // GraphQLWsLink is a terminating link: it takes the operation only.
  return current.link.request(operation);
});
