import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

/**
 * Keys whose values never reach a log line, at any depth up to REDACT_DEPTH (pino's redaction takes explicit paths;
 * `*` stands for one level). Task payloads, settings and request headers all pass through these.
 */
export const REDACTED_KEYS = [
  "password",
  "passwd",
  "secret",
  "token",
  "apiKey",
  "api_key",
  "accessToken",
  "access_token",
  "refreshToken",
  "refresh_token",
  "clientSecret",
  "client_secret",
  "privateKey",
  "private_key",
  "credentials",
  "authorization",
  "cookie",
  "set-cookie",
  // SMTP_URL embeds the SMTP password; GITHUB_TOKEN and METRICS_TOKEN are tokens.
  "smtpUrl",
  "SMTP_URL",
  "GITHUB_TOKEN",
  "METRICS_TOKEN",
  "GOOGLE_SHEETS_CREDENTIALS",
  // ATS source credentials and webhook secrets (modules/ats, modules/webhooks), wherever an object carrying them is logged.
  "TASKLINE_SECRET_KEY",
  "secretKey",
];
const REDACT_DEPTH = 4;

export function redactPaths(keys = REDACTED_KEYS, depth = REDACT_DEPTH): string[] {
  const paths: string[] = [];
  for (const key of keys) {
    const segment = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
    for (let d = 0; d <= depth; d++) {
      // A bracketed key follows its parent without a dot: `*["set-cookie"]`.
      const prefix = segment.startsWith("[") ? "*.".repeat(d).slice(0, -1) : "*.".repeat(d);
      paths.push(prefix + segment);
    }
  }
  return paths;
}

export type LoggerOptions = {
  /** Human-readable lines through pino-pretty (config.logPretty: development on a terminal, never production). */
  pretty?: boolean;
  /** Where lines go; default stdout. Tests pass a stream to read what was logged. */
  destination?: DestinationStream;
};

/** One logger for the process; modules take a child of it (request id, task id, component), never one of their own. */
export function createLogger(level: string, opts: LoggerOptions = {}): Logger {
  const options = {
    level,
    base: { pid: process.pid },
    redact: { paths: redactPaths(), censor: "[redacted]" },
  };
  if (opts.pretty && !opts.destination) {
    return pino({ ...options, transport: { target: "pino-pretty", options: { colorize: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid" } } });
  }
  return opts.destination ? pino(options, opts.destination) : pino(options);
}
