import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

/** One logger for the process; modules take a child of it, never a logger of their own. */
/** `destination`: where lines go (default stdout); tests pass a stream to read what would be logged. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({
    level,
    base: { pid: process.pid },
    redact: {
      // SMTP_URL embeds the SMTP password: wherever the setting is logged by mistake, it is censored.
      paths: ["*.password", "*.secret", "*.token", "*.apiKey", "req.headers.authorization", "req.headers.cookie", "SMTP_URL", "*.SMTP_URL", "smtpUrl", "*.smtpUrl", "*.*.smtpUrl",
        // ATS source credentials and webhook secrets (modules/ats, modules/webhooks), wherever an object carrying them is logged.
        "TASKLINE_SECRET_KEY", "*.TASKLINE_SECRET_KEY", "*.secretKey", "*.clientSecret", "*.credentials", "*.*.credentials", "*.*.apiKey", "*.*.clientSecret",
        "*.headers.authorization", "*.headers.Authorization", "*.*.headers.authorization", "*.*.headers.Authorization"],
      censor: "[redacted]",
    },
  }, destination as DestinationStream);
}
