import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import type { FieldMergeFunction, FieldPolicy, Reference } from "@apollo/client/cache";
import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { ErrorLink } from "@apollo/client/link/error";
import { isSubscriptionOperation } from "@apollo/client/utilities";

import { env } from "@/config/env";
import { liveSocketLink } from "@/lib/live-socket";
import { sessionEvents } from "@/lib/session-events";

/**
 * Operations whose UNAUTHENTICATED is an answer, not a lost session: a wrong password (SignIn, ChangePassword's
 * current password), signing out of a session that already ended, and `me`, which is open to anyone.
 */
const ANSWERS_UNAUTHENTICATED = new Set(["SignIn", "SignOut", "ChangePassword", "GetViewer"]);

/** Any other UNAUTHENTICATED means the session is gone: the auth feature clears the cache and asks to sign in. */
const sessionLossLink = new ErrorLink(({ error, operation }) => {
  if (!CombinedGraphQLErrors.is(error)) return;
  if (operation.operationName && ANSWERS_UNAUTHENTICATED.has(operation.operationName)) return;
  if (error.errors.some((e) => e.extensions?.code === "UNAUTHENTICATED")) sessionEvents.emit("unauthenticated");
});

/** Ignores any Task whose `version` is older than the cached one: events may arrive out of order across reconnects. */
const mergeByVersion: FieldMergeFunction = (existing, incoming, { readField, isReference }) => {
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

  return new ApolloClient({
    link: ApolloLink.from([sessionLossLink, ApolloLink.split(({ query }) => isSubscriptionOperation(query), liveSocketLink, httpLink)]),
    cache: new InMemoryCache({
      typePolicies: {
        Task: { merge: mergeByVersion },
        // `scheduleUpdated` events and query results may cross; an older version never overwrites a newer one.
        Schedule: { merge: mergeByVersion },
        TaskProgress: { merge: true },
        JobPosting: { fields: { candidates: connection(false) } },
        Query: {
          fields: {
            tasks: connection(["filter"]),
            jobPostings: connection(false),
            auditLog: connection(["action"]),
            reports: connection(false),
            outbox: connection(["status"]),
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
