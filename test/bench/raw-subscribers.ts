import WebSocket from "ws";

/**
 * The baseline for fan-out: N plain WebSocket clients in a separate process, no GraphQL. Each message carries its
 * send timestamp; the delays go back to the parent. Same clock convention as subscribers.ts.
 */
const [url, countArg] = process.argv.slice(2);
const count = Number(countArg);
const delays: number[] = [];
const now = () => performance.timeOrigin + performance.now();
let open = 0;
const sockets = Array.from({ length: count }, () => {
  const ws = new WebSocket(url!);
  ws.on("open", () => ++open === count && process.send!({ ready: true }));
  ws.on("message", (data) => {
    const sent = Number(JSON.parse(String(data)).payload.data.taskUpdated.progress.message);
    delays.push(now() - sent);
  });
  return ws;
});

process.on("message", (msg: { report?: boolean }) => {
  if (msg.report) {
    process.send!({ delays }, undefined, {}, () => {
      for (const s of sockets) s.terminate();
      process.exit(0);
    });
  }
});
