import { pino, type Logger } from "pino";

export type { Logger };

/** One logger for the process; modules take a child of it, never a logger of their own. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { pid: process.pid },
    redact: { paths: ["*.password", "*.secret", "*.token", "*.apiKey", "req.headers.authorization", "req.headers.cookie"], censor: "[redacted]" },
  });
}
