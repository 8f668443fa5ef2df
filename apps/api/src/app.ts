import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { makeWorkerUtils } from "graphile-worker";
import pg from "pg";
import type { TaskType } from "../../../tasks/contract.js";
import { taskTypes as builtInTaskTypes } from "../../../tasks/index.js";
import type { Config } from "./config.js";
import { createDataSource } from "./db/data-source.js";
import { type EmbeddedDatabase, runningEmbeddedUrl, startEmbeddedPostgres } from "./db/embedded.js";
import { migrate } from "./db/migrate.js";
import type { AppServices } from "./graphql/context.js";
import { buildTasklineSchema } from "./graphql/schema.js";
import { type HttpServer, startHttpServer } from "./graphql/server.js";
import type { Logger } from "./lib/logger.js";
import { ApiKeysService } from "./modules/identity/api-keys.service.js";
import { AuditService } from "./modules/identity/audit.service.js";
import { AUTH_CHANNEL, AuthService } from "./modules/identity/auth.service.js";
import { RateLimits } from "./modules/identity/rate-limits.js";
import { UsersService } from "./modules/identity/users.service.js";
import { RecruitingService } from "./modules/recruiting/recruiting.service.js";
import { EnrichmentService } from "./modules/enrichment/enrichment.service.js";
import { GithubClient } from "./modules/enrichment/github-client.js";
import { ExportService } from "./modules/exports/export.service.js";
import { MailService } from "./modules/mail/mail.service.js";
import { buildAts } from "./modules/ats/ats-module.js";
import { Mailer } from "./modules/mail/mailer.js";
import { graphileLogger } from "./lib/graphile-logger.js";
import { LiveConnections } from "./realtime/live-connections.js";
import { TaskDetailsCache } from "./modules/tasks/task-details-cache.js";
import { TaskTypeRegistry } from "./modules/tasks/task-registry.js";
import { CANCEL_CHANNEL, TaskService } from "./modules/tasks/task.service.js";
import { PgListener } from "./realtime/pg-listener.js";
import { SCHEDULE_CHANNEL, ScheduleHub } from "./realtime/schedule-hub.js";
import { type Clock, systemClock } from "./modules/schedules/clock.js";
import { ScheduleService } from "./modules/schedules/schedule.service.js";
import { DUE_CHANNEL, Scheduler } from "./modules/schedules/scheduler.js";
import { seedDefaultSchedules } from "./modules/schedules/default-schedules.js";
import { InterviewService } from "./modules/interviews/interview.service.js";
import { ReportService } from "./modules/reports/report.service.js";
import { AttendanceService } from "./modules/devices/attendance.service.js";
import { DeviceOperations } from "./modules/devices/device-operations.js";
import { DeviceService } from "./modules/devices/device.service.js";
import { withDeviceSettings } from "./modules/devices/device-task-settings.js";
import { EmployeeService } from "./modules/devices/employee.service.js";
import { TASK_CHANNEL, TaskHub } from "./realtime/task-hub.js";
import { Sweeper } from "./worker/sweeper.js";
import { PAUSE_CHANNEL } from "./worker/pause-gate.js";
import { OperationsService } from "./modules/operations/operations.service.js";
import { OperationsHub } from "./realtime/operations-hub.js";
import { checkReadiness } from "./ops/health.js";
import { Metrics } from "./ops/metrics.js";
import { opsHandler, startOpsServer } from "./ops/ops-routes.js";
import { startWorker, type Worker } from "./worker/worker.js";
import { AiSettingsService } from "./modules/ai/ai-settings.js";
import { LlmClient } from "./modules/ai/llm-client.js";
import { CreditsService } from "./modules/credits/credits.service.js";
import { ResumeAnalysisService } from "./modules/resumes/resume-analysis.service.js";
import { ResumeStore } from "./modules/resumes/resume-store.js";
import { packageVersion } from "./worker/version.js";

/** The built SPA: found by walking up from this file, which runs from src/ (tsx) or dist/apps/api/src/ (tsc). */
export const WEB_DIST = findUp(path.dirname(fileURLToPath(import.meta.url)), "apps/web/dist");

function findUp(from: string, relative: string): string | undefined {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "apps", "api", "package.json"))) return path.join(dir, relative);
  }
  return undefined;
}

export type TasklineOptions = {
  config: Config;
  log: Logger;
  /** Serve GraphQL and the SPA. */
  api: boolean;
  /** Run tasks in this process. */
  worker: boolean;
  /** More task types besides the built-in ones (tests). */
  extraTaskTypes?: TaskType<any, unknown>[];
  /** `npm run worker` without DATABASE_URL joins the embedded server an `npm start` runs, never starts its own. */
  joinEmbedded?: boolean;
  /** The schedule engine's clock; tests pass a fake one. Default: the system clock. */
  clock?: Clock;
};

export type Taskline = {
  url: string | undefined;
  /** Set when this start created the first admin with a generated password: print it once. */
  firstAdmin: { email: string; generatedPassword?: string } | undefined;
  databaseUrl: string;
  services: AppServices;
  worker: Worker | undefined;
  listener: PgListener;
  pool: pg.Pool;
  metrics: Metrics;
  /** The internal ops port (METRICS_PORT), when configured. */
  opsPort: number | undefined;
  stop(): Promise<void>;
};

/** The composition root: everything a Taskline process runs, started in order and stopped in reverse. */
export async function startTaskline(opts: TasklineOptions): Promise<Taskline> {
  const { config, log } = opts;
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl && opts.joinEmbedded) {
    databaseUrl = await runningEmbeddedUrl(config.dataDir);
    if (!databaseUrl) throw new Error(`No DATABASE_URL and no embedded database running under ${config.dataDir}: start one with \`npm start\`, or set DATABASE_URL.`);
  }
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.pgPort, log: log.child({ component: "postgres" }) });
    databaseUrl = embedded.url;
  }

  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((err) => log.error({ err }, "error during shutdown"));
  };
  if (embedded) stops.push(() => embedded.stop());
  try {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: config.databasePoolSize, application_name: "taskline" });
    // An idle client's connection can drop (Postgres restart); without these handlers that error kills the process.
    pool.on("error", (err) => log.warn({ err: err.message }, "idle database connection lost"));
    pool.on("connect", (client) => client.on("error", (err) => log.warn({ err: err.message }, "database connection error")));
    stops.push(() => pool.end());

    const ds = createDataSource(databaseUrl);
    await ds.initialize();
    stops.push(() => ds.destroy());
    await migrate(ds, pool, log);

    // A worker-only process serves no subscribers, so it does not take every task's and schedule's events (with
    // 10,000 scheduled tasks a minute, megabytes of NOTIFY a minute parsed for nobody).
    const subscriberChannels = opts.worker && !opts.api ? [] : [TASK_CHANNEL, AUTH_CHANNEL, SCHEDULE_CHANNEL];
    const listener = new PgListener({ connectionString: databaseUrl, channels: [...subscriberChannels, CANCEL_CHANNEL, PAUSE_CHANNEL, DUE_CHANNEL], log: log.child({ component: "listener" }) });
    await listener.start();
    stops.push(() => listener.stop());
    const metrics = new Metrics({ pool, graceSeconds: config.worker.poolGraceSeconds, log });
    listener.on("reconnected", () => metrics.listenReconnects.inc());

    const registry = new TaskTypeRegistry(withDeviceSettings([...builtInTaskTypes, ...(opts.extraTaskTypes ?? [])], config.devices));
    const tasks = new TaskService(ds, registry);
    const recruiting = new RecruitingService(ds);
    const hub = new TaskHub(listener, { loadTasks: (ids) => tasks.loadMany(ids), loadChangedSince: (since) => tasks.loadChangedSince(since) }, log);
    const audit = new AuditService(ds, (err) => log.error({ err }, "writing the audit log failed"));
    const auth = new AuthService(ds, pool, audit, config.auth.sessionTtlMs);
    const clock = opts.clock ?? systemClock;
    const scheduler = new Scheduler(ds, tasks, clock, log.child({ component: "scheduler" }));
    const schedules = new ScheduleService(ds, registry, tasks, scheduler, clock);
    const scheduleHub = new ScheduleHub(listener, { load: (id) => schedules.get(id), loadAll: () => schedules.list() }, log);
    const mailer = config.mail.smtpUrl ? new Mailer({ smtpUrl: config.mail.smtpUrl, from: config.mail.from }) : undefined;
    if (mailer) stops.push(async () => mailer.close());
    // The URL without its password: SMTP_URL itself never reaches the log.
    log.info({ smtp: mailer?.description ?? null }, mailer ? "mail goes out over SMTP" : "no SMTP_URL: mail is held in the outbox");
    const mail = new MailService(ds, tasks, mailer);
    const enrichment = new EnrichmentService(ds);
    const exports = new ExportService(ds, { dataDir: config.dataDir, sheets: config.sheets });
    const llm = new LlmClient(config.llm);
    const aiSettings = new AiSettingsService(ds, audit, config.llm.model);
    const credits = new CreditsService(ds, audit);
    const resumeAnalysis = new ResumeAnalysisService(ds, { tasks, recruiting, credits, settings: aiSettings, store: new ResumeStore(config.dataDir), llm, maxFileBytes: config.resumes.maxFileBytes });
    const operations = new OperationsService(ds, registry, clock, config.worker.heartbeatMs);
    const ats = buildAts(ds, tasks, audit, config.ats);
    const devices = new DeviceService(ds, tasks, config.devices, log.child({ component: "devices" }));
    const employees = new EmployeeService(ds);
    const attendance = new AttendanceService(ds);
    const deviceOperations = new DeviceOperations(devices, employees, attendance, config.devices);
    const services: AppServices = {
      llm,
      aiSettings,
      credits,
      resumeAnalysis,
      tasks,
      recruiting,
      registry,
      hub,
      taskDetails: new TaskDetailsCache(tasks),
      auth,
      audit,
      users: new UsersService(ds, auth, audit),
      apiKeys: new ApiKeysService(ds, auth, audit),
      rateLimits: new RateLimits(pool, config.auth),
      db: ds,
      clock,
      schedules,
      scheduler,
      scheduleHub,
      mail,
      enrichment,
      exports,
      interviews: new InterviewService(ds, clock),
      reports: new ReportService(ds),
      operations,
      operationsHub: new OperationsHub(listener, () => operations.overview(), log.child({ component: "operations" })),
      atsSources: ats.sources,
      atsHistory: ats.history,
      hiring: ats.hiring,
      webhooks: ats.webhooks,
      devices,
      employees,
      attendance,
    };
    stops.push(async () => services.operationsHub.stop());
    const firstAdmin = opts.api ? await auth.ensureFirstAdmin(config.auth.adminEmail, config.auth.adminPassword) : undefined;
    if (opts.api && config.defaults.schedules) {
      const seeded = await seedDefaultSchedules({ ds, registry, audit, clock, log }, config.defaults.timezone);
      if (seeded.length) log.info({ schedules: seeded, timezone: config.defaults.timezone }, "created the default schedules");
    }

    // On our pool: release() leaves it open, and the pool is ended last.
    const workerUtils = await makeWorkerUtils({ pgPool: pool, logger: graphileLogger(log.child({ component: "graphile-worker" })) });
    stops.push(async () => workerUtils.release());
    // Every process sweeps, an API without a worker too (the last worker standing may be the one that died); the
    // advisory lock lets one act per round. Looking once per beat keeps recovery near grace + one beat.
    const { heartbeatMs, poolGraceSeconds } = config.worker;
    const sweeper = new Sweeper(pool, workerUtils, log.child({ component: "sweeper" }), {
      graceSeconds: poolGraceSeconds,
      intervalMs: Math.min(heartbeatMs, poolGraceSeconds * 1000),
      onSwept: (pools) => metrics.sweptPools.inc(pools.length),
    });
    sweeper.start();
    stops.push(() => sweeper.stop());

    let worker: Worker | undefined;
    if (opts.worker) {
      worker = await startWorker({
        pool,
        listener,
        registry,
        scheduler,
        services: { db: ds, recruiting, mail, workerUtils, retention: { defaultDays: config.retention.days }, clock, timeZone: config.defaults.timezone,
          enrichment,
          github: new GithubClient(config.github),
          exports,
          llm,
          aiSettings,
          resumeAnalysis,
          ats: ats.sync,
          webhooks: ats.webhooks,
          devices: { service: devices, operations: deviceOperations },
        },
        log,
        metrics,
        concurrency: config.worker.concurrency,
        progressFlushMs: config.worker.progressFlushMs,
        shutdownGraceMs: config.worker.shutdownGraceMs,
        pools: { heartbeatMs, version: packageVersion() },
      });
      stops.push(() => worker!.stop());
    }

    const migrationNames = ds.migrations.map((m) => m.name ?? m.constructor.name);
    const readiness = () => checkReadiness({ pool, listener, migrationNames });
    const opsOptions = { metrics, readiness, metricsToken: config.metrics.token, log };
    let opsPort: number | undefined;
    if (config.metrics.port !== undefined) {
      const ops = await startOpsServer(opsHandler({ ...opsOptions, metricsOpen: true }), config.metrics.port, config.metrics.host, log);
      stops.push(() => ops.stop());
      opsPort = ops.port;
    }

    let http: HttpServer | undefined;
    if (opts.api) {
      http = await startHttpServer({
        schema: await buildTasklineSchema(),
        services,
        live: new LiveConnections(listener, log),
        allowedOrigins: config.auth.allowedOrigins,
        trustProxy: config.auth.trustProxy,
        introspection: config.introspection,
        port: config.port,
        host: config.host,
        webDist: WEB_DIST,
        exposeInternalErrors: config.env === "development",
        log,
        ops: opsHandler({ ...opsOptions, metricsOpen: false }),
        metrics,
      });
      stops.push(() => http!.stop());
    }
    return { url: http?.url, firstAdmin, databaseUrl, services, worker, listener, pool, metrics, opsPort, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
