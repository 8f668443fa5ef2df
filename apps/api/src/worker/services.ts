import type { WorkerUtils } from "graphile-worker";
import type { DataSource } from "typeorm";
import type { EnrichmentService } from "../modules/enrichment/enrichment.service.js";
import type { GithubClient } from "../modules/enrichment/github-client.js";
import type { ExportService } from "../modules/exports/export.service.js";
import type { AtsSyncService } from "../modules/ats/ats-sync.service.js";
import type { WebhookService } from "../modules/webhooks/webhook.service.js";
import type { MailService } from "../modules/mail/mail.service.js";
import type { RecruitingService } from "../modules/recruiting/recruiting.service.js";
import type { Clock } from "../modules/schedules/clock.js";
import type { AiSettingsService } from "../modules/ai/ai-settings.js";
import type { LlmClient } from "../modules/ai/llm-client.js";
import type { ResumeAnalysisService } from "../modules/resumes/resume-analysis.service.js";
import type { DeviceOperations } from "../modules/devices/device-operations.js";
import type { DeviceService } from "../modules/devices/device.service.js";

/** What task types may use besides their context: built once per worker process, shared by all tasks. */
export type TaskServices = {
  db: DataSource;
  recruiting: RecruitingService;
  /** The outbox: `enqueue` a message (in the caller's transaction if given); delivery is mail.send_email. */
  mail: MailService;
  /** graphile-worker's admin API on the process's pool (system.retention_cleanup). */
  workerUtils: WorkerUtils;
  /** RETENTION_DAYS: the age past which system.retention_cleanup removes finished work. */
  retention: { defaultDays: number };
  /** "Now" for time-window decisions (interview reminders, the weekly report); a fake clock in tests. */
  clock: Clock;
  /** TASKLINE_TIMEZONE: the timezone times in emails and report weeks are read in. */
  timeZone: string;
  /** candidate_profile, for recruiting.enrich_candidates. */
  enrichment: EnrichmentService;
  /** GITHUB_API_URL with GITHUB_TOKEN. */
  github: GithubClient;
  /** Candidate exports: Google Sheets or the CSV fallback. */
  exports: ExportService;
  /** OPENAI_* through the openai SDK; `configured` false without a key. */
  llm: LlmClient;
  aiSettings: AiSettingsService;
  /** Resume files, candidates made from them, analyses and their credit charges. */
  resumeAnalysis: ResumeAnalysisService;
  /** Hired-candidate sync to ATS sources (ats.sync_hired_candidates, ats.sync_pending). */
  ats: AtsSyncService;
  /** Outbound webhook deliveries (webhooks.deliver). */
  webhooks: WebhookService;
  /** ZKTeco devices: their rows and queues, and the operations run on a device session. */
  devices: { service: DeviceService; operations: DeviceOperations };
};
