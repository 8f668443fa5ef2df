import { pino, type Logger } from "pino";

export type { Logger };

/** One logger for the process; modules take a child of it, never a logger of their own. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { pid: process.pid },
    redact: {
      // SMTP_URL embeds the SMTP password: wherever the setting is logged by mistake, it is censored.
      paths: ["*.password", "*.secret", "*.token", "*.apiKey", "req.headers.authorization", "req.headers.cookie", "SMTP_URL", "*.SMTP_URL", "smtpUrl", "*.smtpUrl", "*.*.smtpUrl"],
      censor: "[redacted]",
    },
  });
}
