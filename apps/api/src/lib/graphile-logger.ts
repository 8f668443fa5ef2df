import { Logger as WorkerLogger } from "graphile-worker";
import type { Logger } from "./logger.js";

/**
 * graphile-worker's warning when the pool has fewer connections than worker slots. Taskline sizes the pool on
 * purpose (DATABASE_POOL_SIZE): claims, progress and completions of the slots go out in batches, so 1,000 slots
 * share a few connections. Logged at debug so a deliberate setting does not read as a fault.
 */
const POOL_SMALLER_THAN_CONCURRENCY = /^WARNING: having maxPoolSize \(\d+\) smaller than concurrency/;

/** graphile-worker logs through its own Logger class; route it into the process's pino logger. */
export function graphileLogger(log: Logger): WorkerLogger {
  return new WorkerLogger((scope) => (level, message, meta) => {
    const fields = { ...scope, ...meta };
    if (level === "error") log.error(fields, message);
    else if (level === "warning" && !POOL_SMALLER_THAN_CONCURRENCY.test(message)) log.warn(fields, message);
    // graphile-worker logs every job at info; that is our debug (tasks log their own lifecycle).
    else log.debug(fields, message);
  });
}
