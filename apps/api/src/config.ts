import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * The only place that reads the environment. Every setting has its default and unit here; a bad value stops the
 * process at start with the name of the variable, never later in a request.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Unset: an embedded Postgres under TASKLINE_DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  TASKLINE_DATA_DIR: z.string().default("./.data"),
  /** Port for the embedded Postgres; 0 picks a free one (this machine may already run a server on 5432). */
  TASKLINE_PG_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default("0.0.0.0"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Human-readable logs (pino-pretty) instead of JSON lines; default: when stdout is a terminal, never in production. */
  LOG_PRETTY: z.enum(["true", "false"]).optional(),
  /** With it, /metrics on the API's port answers `Authorization: Bearer <token>` only. A secret. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional().or(z.literal("").transform(() => undefined)),
  /** An internal port serving /metrics, /livez and /readyz only (also in `npm run worker`); unset: none. Keep it unpublished. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().default("127.0.0.1"),
  /** Tasks one worker process runs at once. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Connections of the process's main pool (graphile-worker, claims, progress writes); unset: concurrency + 10, at most 50. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(500).optional(),
  /** How often a worker writes the coalesced progress of its running tasks, in milliseconds. */
  PROGRESS_FLUSH_MS: z.coerce.number().int().min(10).max(10_000).default(200),
  /** How often a worker pool records that it is alive, in milliseconds. */
  WORKER_HEARTBEAT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /** A worker pool silent for longer than this many seconds is declared lost and its tasks run again elsewhere. */
  WORKER_POOL_GRACE_SECONDS: z.coerce.number().min(1).max(3_600).default(30),
  /** On SIGTERM, how long a worker's running tasks may go on before they are aborted and retried elsewhere, in ms. */
  WORKER_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
  /** Run a worker inside the API process (`npm start`); `npm run worker` runs workers alone. */
  /** The first admin, created on the first start on an empty database (else a password is generated and printed). */
  TASKLINE_ADMIN_EMAIL: z.string().email().optional(),
  TASKLINE_ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  /** How long a browser session lasts, in hours. */
  SESSION_TTL_HOURS: z.coerce.number().min(0.01).max(24 * 90).default(12),
  /** Other origins whose pages may use the session cookie (e.g. the Vite dev server); comma-separated. */
  ALLOWED_ORIGINS: z.string().default(""),
  /** Behind a TLS-terminating proxy: trust X-Forwarded-* (makes the cookie Secure and client IPs right). */
  TRUST_PROXY: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
  /** Schema introspection and the sandbox; default on except in production. */
  GRAPHQL_INTROSPECTION: z.enum(["true", "false"]).optional(),
  SIGNIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  SIGNIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(50),
  START_WORK_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  TASKLINE_EMBEDDED_WORKER: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  /** `smtp://user:pass@host:587` or `smtps://…:465`; unset: mail is held in the outbox for admins to read. A secret. */
  SMTP_URL: z
    .string()
    .url()
    .refine((u) => /^smtps?:$/.test(new URL(u).protocol), "must be an smtp:// or smtps:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** The sender of every message Taskline sends. */
  MAIL_FROM: z.string().min(3).default("Taskline <taskline@localhost>"),
  /** Finished tasks, sent mail and failed jobs older than this many days are removed by system.retention_cleanup. */
  RETENTION_DAYS: z.coerce.number().min(1).max(3650).default(30),
  /** IANA timezone of the built-in default schedules and of times in emails (reminders, the weekly report). */
  TASKLINE_TIMEZONE: z
    .string()
    .default("UTC")
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, "must be an IANA timezone such as Europe/Berlin"),
  /** Create the built-in default schedules on first start (docs/schedules.md); `false` leaves schedules to admins. */
  TASKLINE_DEFAULT_SCHEDULES: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  /** The GitHub REST API recruiting.enrich_candidates reads public profiles from (tests: a loopback server). */
  GITHUB_API_URL: z.string().url().default("https://api.github.com"),
  /** Optional: raises GitHub's limit from 60 to 5,000 requests an hour. A secret. */
  GITHUB_TOKEN: z.string().optional().transform((v) => v || undefined),
  /** One GitHub request's limit, in milliseconds. */
  GITHUB_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** A Google service account's JSON key, inline or as a file path; with GOOGLE_SHEET_ID, exports go to Sheets. A secret. */
  GOOGLE_SHEETS_CREDENTIALS: z.string().optional().transform((v) => v || undefined),
  GOOGLE_SHEET_ID: z.string().optional().transform((v) => v || undefined),
  /** The tab candidates are written to. */
  GOOGLE_SHEET_TAB: z.string().min(1).default("Sheet1"),
  GOOGLE_SHEETS_API_URL: z.string().url().default("https://sheets.googleapis.com"),
  /** The OAuth token endpoint; unset: the key's `token_uri`, else Google's. */
  GOOGLE_OAUTH_TOKEN_URL: z.string().url().optional(),
  /** Unset: the built-in scorer serves QUICK analyses and ranking; DEEP analyses are refused. A secret. */
  OPENAI_API_KEY: z.string().optional().transform((v) => v || undefined),
  /** Any OpenAI-compatible server (a local one included). */
  OPENAI_BASE_URL: z.string().url().default("https://api.openai.com/v1"),
  /** The model used until an admin picks another in the AI settings. */
  OPENAI_MODEL: z.string().min(1).default("gpt-4o-mini"),
  /** One LLM request's limit, in milliseconds (each retry gets its own). */
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(120_000),
  /** Retries of a 408/409/429/5xx or connection error, honouring Retry-After (the openai SDK's own). */
  OPENAI_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(4),
  /** LLM requests one process has in flight at most, across all its tasks. */
  LLM_PROCESS_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).default(64),
  /** The largest resume file (or ZIP) accepted, in bytes. */
  RESUME_MAX_FILE_BYTES: z.coerce.number().int().min(1_024).max(200 * 1024 * 1024).default(10 * 1024 * 1024),
  /** Encrypts ATS source credentials and webhook secrets at rest (AES-256-GCM); unset: they cannot be stored. A secret. */
  TASKLINE_SECRET_KEY: z.string().min(16, "must be at least 16 characters (32 random bytes, base64, recommended)").optional().or(z.literal("").transform(() => undefined)),
  /** Calls one ATS source takes at once within a sync. */
  ATS_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  /** One ATS call's limit, in milliseconds. */
  ATS_TIMEOUT_MS: z.coerce.number().int().min(50).max(120_000).default(10_000),
  /** First retry delay of a failed ATS call (doubling, with jitter; 3 retries), in milliseconds. */
  ATS_RETRY_BASE_MS: z.coerce.number().int().min(1).max(60_000).default(500),
  /** Consecutive failed pairs that open a source's circuit breaker, and how long it stays open (seconds). */
  ATS_BREAKER_THRESHOLD: z.coerce.number().int().min(1).max(1000).default(5),
  ATS_BREAKER_COOLDOWN_SECONDS: z.coerce.number().min(0.1).max(86_400).default(60),
  /** How long a candidate moved to HIRED waits for more moves before its posting's auto-sync starts, in milliseconds. */
  ATS_AUTO_SYNC_DELAY_MS: z.coerce.number().int().min(0).max(3_600_000).default(5_000),
  /** First retry delay of a failed webhook delivery (x3 per retry, 5 attempts), in milliseconds; one attempt's timeout. */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).max(600_000).default(10_000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(10_000),
  /** Time limit of one device operation (a task attempt), in milliseconds: past it the session is killed. */
  DEVICE_TIME_LIMIT_MS: z.coerce.number().int().min(1_000).max(24 * 3_600_000).default(5 * 60_000),
  /** node-zklib's per-command timeout, and the bound on connecting to a device, in milliseconds. */
  DEVICE_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Delay before retrying a failed device operation (doubling per attempt, up to 5 minutes), in milliseconds. */
  DEVICE_RETRY_DELAY_MS: z.coerce.number().int().min(0).max(300_000).default(5_000),
  /** Device tasks waiting or running per device before more are refused (DEVICE_QUEUE_FULL). */
  DEVICE_QUEUE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(50),
  /** The same over all devices. */
  DEVICE_QUEUE_LIMIT_TOTAL: z.coerce.number().int().min(1).max(100_000).default(50),
});

export type Config = {
  env: "development" | "production" | "test";
  databaseUrl: string | undefined;
  databasePoolSize: number;
  dataDir: string;
  pgPort: number;
  port: number;
  host: string;
  logLevel: string;
  logPretty: boolean;
  /** `token` is a secret. `port`: the internal ops port, if any. */
  metrics: { token: string | undefined; port: number | undefined; host: string };
  worker: { concurrency: number; progressFlushMs: number; embedded: boolean; heartbeatMs: number; poolGraceSeconds: number; shutdownGraceMs: number };
  auth: {
    adminEmail: string | undefined;
    adminPassword: string | undefined;
    sessionTtlMs: number;
    allowedOrigins: string[];
    trustProxy: boolean;
    signInFailuresPerAccount: number;
    signInFailuresPerIp: number;
    startWorkPerMinute: number;
  };
  introspection: boolean;
  /** `smtpUrl` holds a password: never log it or return it (see modules/mail/mailer.ts, `describeSmtpUrl`). */
  mail: { smtpUrl: string | undefined; from: string };
  retention: { days: number };
  /** The built-in schedules' timezone and whether to create them on first start. */
  defaults: { timezone: string; schedules: boolean };
  /** `token` is a secret: never log it or return it. */
  github: { apiUrl: string; token: string | undefined; timeoutMs: number };
  /** Unset: candidate exports go to a CSV under `dataDir`. `credentials.privateKey` is a secret. */
  sheets: SheetsConfig | undefined;
  /** `apiKey` is a secret: never log it or return it. Unset: the built-in scorer only. */
  llm: { apiKey: string | undefined; baseUrl: string; model: string; timeoutMs: number; maxRetries: number; processConcurrency: number };
  resumes: { maxFileBytes: number };
  /** ZKTeco device operations (docs/devices.md). */
  devices: DeviceConfig;
  /** `secretKey` is a secret: never log it. ATS sync and webhook tuning (docs/ats-sync.md). */
  ats: AtsConfig;
};

export type AtsConfig = {
  secretKey: string | undefined;
  concurrency: number;
  timeoutMs: number;
  retryBaseMs: number;
  breaker: { threshold: number; cooldownMs: number };
  autoSyncDelayMs: number;
  webhooks: { retryBaseMs: number; timeoutMs: number };
};

export type DeviceConfig = { timeLimitMs: number; commandTimeoutMs: number; retryDelayMs: number; queueLimit: number; queueLimitTotal: number };

export type SheetsConfig = {
  credentials: { clientEmail: string; privateKey: string };
  sheetId: string;
  tab: string;
  apiUrl: string;
  tokenUrl: string;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}\nSee docs/configuration.md.`);
  }
  const e = parsed.data;
  // A grace shorter than two beats would declare live pools lost between their beats.
  if (e.WORKER_POOL_GRACE_SECONDS * 1000 < 2 * e.WORKER_HEARTBEAT_MS) {
    throw new Error(`Invalid configuration:\n  WORKER_POOL_GRACE_SECONDS: must be at least two WORKER_HEARTBEAT_MS beats long\nSee docs/configuration.md.`);
  }
  return {
    github: { apiUrl: e.GITHUB_API_URL.replace(/\/+$/, ""), token: e.GITHUB_TOKEN, timeoutMs: e.GITHUB_TIMEOUT_MS },
    sheets: sheetsConfig(e),
    llm: {
      apiKey: e.OPENAI_API_KEY,
      baseUrl: e.OPENAI_BASE_URL.replace(/\/+$/, ""),
      model: e.OPENAI_MODEL,
      timeoutMs: e.OPENAI_TIMEOUT_MS,
      maxRetries: e.OPENAI_MAX_RETRIES,
      processConcurrency: e.LLM_PROCESS_CONCURRENCY,
    },
    resumes: { maxFileBytes: e.RESUME_MAX_FILE_BYTES },
    ats: {
      secretKey: e.TASKLINE_SECRET_KEY,
      concurrency: e.ATS_CONCURRENCY,
      timeoutMs: e.ATS_TIMEOUT_MS,
      retryBaseMs: e.ATS_RETRY_BASE_MS,
      breaker: { threshold: e.ATS_BREAKER_THRESHOLD, cooldownMs: e.ATS_BREAKER_COOLDOWN_SECONDS * 1000 },
      autoSyncDelayMs: e.ATS_AUTO_SYNC_DELAY_MS,
      webhooks: { retryBaseMs: e.WEBHOOK_RETRY_BASE_MS, timeoutMs: e.WEBHOOK_TIMEOUT_MS },
    },
    env: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL,
    // Claims, progress and completions are batched per worker, so a high concurrency does not need a connection per
    // task; the cap keeps WORKER_CONCURRENCY in the thousands under Postgres's max_connections.
    databasePoolSize: e.DATABASE_POOL_SIZE ?? Math.min(e.WORKER_CONCURRENCY + 10, 50),
    dataDir: path.resolve(e.TASKLINE_DATA_DIR),
    pgPort: e.TASKLINE_PG_PORT,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    logPretty: e.LOG_PRETTY ? e.LOG_PRETTY === "true" && e.NODE_ENV !== "production" : e.NODE_ENV === "development" && Boolean(process.stdout.isTTY),
    metrics: { token: e.METRICS_TOKEN, port: e.METRICS_PORT, host: e.METRICS_HOST },
    worker: {
      concurrency: e.WORKER_CONCURRENCY,
      progressFlushMs: e.PROGRESS_FLUSH_MS,
      embedded: e.TASKLINE_EMBEDDED_WORKER,
      heartbeatMs: e.WORKER_HEARTBEAT_MS,
      poolGraceSeconds: e.WORKER_POOL_GRACE_SECONDS,
      shutdownGraceMs: e.WORKER_SHUTDOWN_GRACE_MS,
    },
    auth: {
      adminEmail: e.TASKLINE_ADMIN_EMAIL,
      adminPassword: e.TASKLINE_ADMIN_PASSWORD,
      sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
      allowedOrigins: [
        ...e.ALLOWED_ORIGINS.split(",").map((o) => o.trim()).filter(Boolean),
        // The Vite dev server proxies /graphql from its own origin.
        ...(e.NODE_ENV === "development" ? ["http://localhost:5173", "http://127.0.0.1:5173"] : []),
      ],
      trustProxy: e.TRUST_PROXY,
      signInFailuresPerAccount: e.SIGNIN_MAX_FAILURES_PER_ACCOUNT,
      signInFailuresPerIp: e.SIGNIN_MAX_FAILURES_PER_IP,
      startWorkPerMinute: e.START_WORK_PER_MINUTE,
    },
    introspection: e.GRAPHQL_INTROSPECTION ? e.GRAPHQL_INTROSPECTION === "true" : e.NODE_ENV !== "production",
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    retention: { days: e.RETENTION_DAYS },
    defaults: { timezone: e.TASKLINE_TIMEZONE, schedules: e.TASKLINE_DEFAULT_SCHEDULES },
    devices: {
      timeLimitMs: e.DEVICE_TIME_LIMIT_MS,
      commandTimeoutMs: e.DEVICE_COMMAND_TIMEOUT_MS,
      retryDelayMs: e.DEVICE_RETRY_DELAY_MS,
      queueLimit: e.DEVICE_QUEUE_LIMIT,
      queueLimitTotal: e.DEVICE_QUEUE_LIMIT_TOTAL,
    },
  };
}

/** Credentials and sheet id come together or not at all: half a configuration is a mistake to report at start. */
function sheetsConfig(e: z.infer<typeof schema>): SheetsConfig | undefined {
  const fail = (message: string): never => {
    throw new Error(`Invalid configuration:\n  ${message}\nSee docs/configuration.md.`);
  };
  if (!e.GOOGLE_SHEETS_CREDENTIALS && !e.GOOGLE_SHEET_ID) return undefined;
  if (!e.GOOGLE_SHEETS_CREDENTIALS) return fail("GOOGLE_SHEETS_CREDENTIALS: must be set with GOOGLE_SHEET_ID");
  if (!e.GOOGLE_SHEET_ID) return fail("GOOGLE_SHEET_ID: must be set with GOOGLE_SHEETS_CREDENTIALS");
  const raw = e.GOOGLE_SHEETS_CREDENTIALS.trim();
  let key: { client_email?: unknown; private_key?: unknown; token_uri?: unknown };
  try {
    key = JSON.parse(raw.startsWith("{") ? raw : fs.readFileSync(raw, "utf8"));
  } catch {
    // Never echo the value: it may be the key itself.
    return fail("GOOGLE_SHEETS_CREDENTIALS: must be a service account's JSON key or the path of a readable file holding one");
  }
  if (typeof key.client_email !== "string" || typeof key.private_key !== "string") {
    return fail("GOOGLE_SHEETS_CREDENTIALS: the key has no client_email or private_key");
  }
  const tokenUrl = e.GOOGLE_OAUTH_TOKEN_URL ?? (typeof key.token_uri === "string" ? key.token_uri : "https://oauth2.googleapis.com/token");
  return {
    credentials: { clientEmail: key.client_email, privateKey: key.private_key },
    sheetId: e.GOOGLE_SHEET_ID,
    tab: e.GOOGLE_SHEET_TAB,
    apiUrl: e.GOOGLE_SHEETS_API_URL.replace(/\/+$/, ""),
    tokenUrl,
  };
}
