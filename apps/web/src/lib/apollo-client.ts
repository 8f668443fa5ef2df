import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import type { FieldMergeFunction, FieldPolicy, Reference } from "@apollo/client/cache";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { isSubscriptionOperation } from "@apollo/client/utilities";
import { createClient } from "graphql-ws";

import { env } from "@/config/env";
import { connectionState } from "@/lib/connection-state";

const KEEP_ALIVE_MS = 10_000; // ping every 10 seconds
const PONG_TIMEOUT_MS = 5_000; // a ping unanswered for 5 seconds means a half-open socket
const RETRY_BASE_MS = 500;
const RETRY_MAX_MS = 15_000;

/**
 * One socket for the whole tab, opened eagerly (`lazy: false`): every live page needs it, the connection badge
 * is only truthful when the socket's life is independent of which widgets are mounted, and the first
 * subscription of a page skips the handshake. graphql-ws resubscribes every active subscription after a
 * reconnect; the API answers `taskUpdated` with a snapshot first, which corrects anything missed.
 */
let activeSocket: WebSocket | undefined;

export const wsClient = createClient({
  url: env.graphqlWsUrl,
  lazy: false,
  keepAlive: KEEP_ALIVE_MS,
  retryAttempts: Number.POSITIVE_INFINITY,
  // Browsers report every network failure as a CloseEvent, but be explicit: only fatal close codes
  // (4400, 4401, 4409, 4500, ...) stop the retries, and graphql-ws enforces those regardless.
  shouldRetry: () => true,
  retryWait: async (retries) => {
    const ceiling = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** retries);
    // Full jitter, so a restarted API is not hit by every tab at the same instant.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
  },
  onNonLazyError: () => connectionState.failed(),
  on: (() => {
    let pongTimer: ReturnType<typeof setTimeout> | undefined;
    return {
      connecting: (isRetry: boolean) => connectionState.connecting(isRetry),
      connected: (_socket: unknown, _payload: unknown, wasRetry: boolean) => connectionState.connected(wasRetry),
      closed: () => {
        clearTimeout(pongTimer);
        connectionState.closed();
      },
      ping: (received: boolean) => {
        if (received) return;
        pongTimer = setTimeout(() => {
          // 4408 is retryable: graphql-ws reconnects and resubscribes.
          if (activeSocket?.readyState === WebSocket.OPEN) activeSocket.close(4408, "Pong timeout");
        }, PONG_TIMEOUT_MS);
      },
      pong: (received: boolean) => {
        if (received) clearTimeout(pongTimer);
      },
      opened: (socket: unknown) => {
        activeSocket = socket as WebSocket;
      },
    };
  })(),
});

/** Ignores any Task whose `version` is older than the cached one: events may arrive out of order across reconnects. */
const mergeTaskByVersion: FieldMergeFunction = (existing, incoming, { readField, isReference }) => {
  // Called once for the entity itself (existing = its Reference, incoming = the new fields) and once for each
  // parent field pointing at it (incoming = a Reference): only the first kind carries a version to compare.
  if (!existing || isReference(incoming)) return incoming;
  const cachedVersion = readField("version", existing);
  const incomingVersion = readField("version", incoming);
  if (typeof cachedVersion === "number" && typeof incomingVersion === "number" && incomingVersion < cachedVersion) {
    return existing; // a Reference: the store keeps the newer fields untouched
  }
  return incoming;
};

interface ConnectionShape {
  edges: Array<{ node: Reference }>;
  [key: string]: unknown;
}

/**
 * Relay connections paged with `first`/`after`: a page without `after` replaces the list (a refetch or the
 * live prepend), a page with `after` appends, skipping edges already shown (live rows may have shifted pages).
 */
function connection(keyArgs: FieldPolicy["keyArgs"]): FieldPolicy<ConnectionShape> {
  return {
    keyArgs,
    merge(existing, incoming, { args }) {
      if (!existing || !args?.after) return incoming;
      const seen = new Set(existing.edges.map((edge) => edge.node.__ref));
      return { ...incoming, edges: [...existing.edges, ...incoming.edges.filter((edge) => !seen.has(edge.node.__ref))] };
    },
  };
}

export function createApolloClient(): ApolloClient {
  const httpLink = new HttpLink({ uri: env.graphqlHttpUrl, credentials: "include" });
  const wsLink = new GraphQLWsLink(wsClient);

  return new ApolloClient({
    link: ApolloLink.split(({ query }) => isSubscriptionOperation(query), wsLink, httpLink),
    cache: new InMemoryCache({
      typePolicies: {
        Task: { merge: mergeTaskByVersion },
        TaskProgress: { merge: true },
        JobPosting: { fields: { candidates: connection(false) } },
        Query: {
          fields: {
            tasks: connection(["filter"]),
            jobPostings: connection(false),
            // A task or posting already in the cache (from a list, a mutation) renders at once.
            task: { read: (existing, { args, toReference }) => existing ?? toReference({ __typename: "Task", id: args?.id }) },
            jobPosting: {
              read: (existing, { args, toReference }) => existing ?? toReference({ __typename: "JobPosting", id: args?.id }),
            },
          },
        },
      },
    }),
  });
}
