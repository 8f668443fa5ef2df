import { createClient } from "graphql-ws";
import WebSocket from "ws";

/**
 * A separate process holding N graphql-ws subscribers to one task (each on its own connection, as browsers would
 * be). For every event whose progress message is a send timestamp it records the delay, then reports to the
 * parent. Timestamps are `performance.timeOrigin + performance.now()` in both processes (one machine, one clock).
 */
const [url, taskId, countArg, apiKey] = process.argv.slice(2);
const count = Number(countArg);
const delays: number[] = [];
const now = () => performance.timeOrigin + performance.now();
let ready = 0;

const clients = Array.from({ length: count }, () => createClient({ url: url!, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, connectionParams: { authorization: `Bearer ${apiKey}` } }));
for (const client of clients) {
  let first = true;
  client.subscribe<{ taskUpdated: { version: number; progress: { message: string | null } } }>(
    { query: `subscription($id: ID!) { taskUpdated(id: $id) { id status version progress { current total message } } }`, variables: { id: taskId } },
    {
      next: ({ data }) => {
        if (first) {
          first = false;
          if (++ready === count) process.send!({ ready: true });
          return;
        }
        const sent = Number(data?.taskUpdated.progress.message);
        if (Number.isFinite(sent) && sent > 0) delays.push(now() - sent);
      },
      error: (err) => process.send!({ error: String((err as Error)?.message ?? err) }),
      complete: () => {},
    },
  );
}

process.on("message", async (msg: { report?: boolean }) => {
  if (msg.report) {
    // Exit only once the report is out: process.send is asynchronous and a large message takes a while.
    process.send!({ delays }, undefined, {}, async () => {
      await Promise.all(clients.map((c) => c.dispose()));
      process.exit(0);
    });
  }
});
