import type { DataSource } from "typeorm";
import type { ApiKeysService } from "../modules/identity/api-keys.service.js";
import type { AuditService } from "../modules/identity/audit.service.js";
import type { AuthService, RequestMeta } from "../modules/identity/auth.service.js";
import type { RateLimits } from "../modules/identity/rate-limits.js";
import type { UsersService } from "../modules/identity/users.service.js";
import type { Viewer } from "../modules/identity/viewer.js";
import type { RecruitingService } from "../modules/recruiting/recruiting.service.js";
import type { InterviewService } from "../modules/interviews/interview.service.js";
import type { ReportService } from "../modules/reports/report.service.js";
import type { EnrichmentService } from "../modules/enrichment/enrichment.service.js";
import type { ExportService } from "../modules/exports/export.service.js";
import type { AtsSourceService } from "../modules/ats/ats-source.service.js";
import type { AtsHistoryService } from "../modules/ats/ats-history.service.js";
import type { HiringService } from "../modules/ats/hiring.service.js";
import type { WebhookService } from "../modules/webhooks/webhook.service.js";
import type { MailService } from "../modules/mail/mail.service.js";
import type { Clock } from "../modules/schedules/clock.js";
import type { ScheduleService } from "../modules/schedules/schedule.service.js";
import type { Scheduler } from "../modules/schedules/scheduler.js";
import type { ScheduleHub } from "../realtime/schedule-hub.js";
import type { TaskDetailsCache } from "../modules/tasks/task-details-cache.js";
import type { TaskTypeRegistry } from "../modules/tasks/task-registry.js";
import type { TaskService } from "../modules/tasks/task.service.js";
import type { TaskHub } from "../realtime/task-hub.js";
import type { AiSettingsService } from "../modules/ai/ai-settings.js";
import type { LlmClient } from "../modules/ai/llm-client.js";
import type { CreditsService } from "../modules/credits/credits.service.js";
import type { ResumeAnalysisService } from "../modules/resumes/resume-analysis.service.js";
import type { Logger } from "../lib/logger.js";
import type { OperationsService } from "../modules/operations/operations.service.js";
import type { OperationsHub } from "../realtime/operations-hub.js";
import type { AttendanceService } from "../modules/devices/attendance.service.js";
import type { DeviceService } from "../modules/devices/device.service.js";
import type { EmployeeService } from "../modules/devices/employee.service.js";

/** The services resolvers call; built once per process. */
export type AppServices = {
  tasks: TaskService;
  recruiting: RecruitingService;
  registry: TaskTypeRegistry;
  hub: TaskHub;
  taskDetails: TaskDetailsCache;
  auth: AuthService;
  users: UsersService;
  apiKeys: ApiKeysService;
  audit: AuditService;
  rateLimits: RateLimits;
  db: DataSource;
  /** The schedule engine's "now" (a fake one in tests). */
  clock: Clock;
  schedules: ScheduleService;
  scheduler: Scheduler;
  scheduleHub: ScheduleHub;
  mail: MailService;
  interviews: InterviewService;
  reports: ReportService;
  enrichment: EnrichmentService;
  exports: ExportService;
  llm: LlmClient;
  aiSettings: AiSettingsService;
  credits: CreditsService;
  resumeAnalysis: ResumeAnalysisService;
  operations: OperationsService;
  operationsHub: OperationsHub;
  atsSources: AtsSourceService;
  atsHistory: AtsHistoryService;
  hiring: HiringService;
  webhooks: WebhookService;
  devices: DeviceService;
  employees: EmployeeService;
  attendance: AttendanceService;
};

/** Per request (HTTP) or per connection (graphql-ws). */
export type Context = {
  app: AppServices;
  /** Null for anonymous callers. */
  viewer: Viewer | null;
  /** Credentials were sent but are not (or no longer) valid. */
  credentialsInvalid: boolean;
  meta: RequestMeta & { ip: string };
  /** The request's logger (`requestId` on every line; per socket `connectionId` for graphql-ws). */
  log?: Logger;
  /** HTTP only: sets or clears the session cookie on the response. */
  sessionCookie?: { set(token: string, expiresAt: Date): void; clear(): void };
};

/** A viewer the resolver's @Authorized already guaranteed. */
export function viewerOf(ctx: Context): Viewer {
  if (!ctx.viewer) throw new Error("viewerOf called without @Authorized");
  return ctx.viewer;
}
