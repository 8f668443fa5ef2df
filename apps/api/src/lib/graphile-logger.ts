import { Logger as WorkerLogger } from "graphile-worker";
import type { Logger } from "./logger.js";

/** graphile-worker logs through its own Logger class; route it into the process's pino logger. */
export function graphileLogger(log: Logger): WorkerLogger {
  return new WorkerLogger((scope) => (level, message, meta) => {
    const fields = { ...scope, ...meta };
    if (level === "error") log.error(fields, message);
    else if (level === "warning") log.warn(fields, message);
    // graphile-worker logs every job at info; that is our debug (tasks log their own lifecycle).
    else if (level === "info") log.debug(fields, message);
    else log.debug(fields, message);
  });
}
