// The only place the SPA reads its environment. The API serves the SPA and /graphql from one origin, so the
// defaults need no configuration; VITE_GRAPHQL_URL exists for pointing a dev build at another server.
const graphqlPath = import.meta.env.VITE_GRAPHQL_URL ?? "/graphql";

function toWebSocketUrl(httpUrl: string): string {
  const url = new URL(httpUrl, window.location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.toString();
}

export const env = {
  graphqlHttpUrl: new URL(graphqlPath, window.location.href).toString(),
  graphqlWsUrl: toWebSocketUrl(graphqlPath),
} as const;
