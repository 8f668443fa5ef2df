import type { DataSource } from "typeorm";
import type { AtsConfig } from "../../config.js";
import type { AuditService } from "../identity/audit.service.js";
import type { TaskService } from "../tasks/task.service.js";
import { WebhookService } from "../webhooks/webhook.service.js";
import { AtsHistoryService } from "./ats-history.service.js";
import { AtsSourceService } from "./ats-source.service.js";
import { AtsSyncService } from "./ats-sync.service.js";
import { CircuitBreakers } from "./circuit-breaker.js";
import { HiringService } from "./hiring.service.js";
import { OAuthTokens } from "./oauth.js";
import { SecretBox } from "./secret-box.js";

/** The ATS sync and webhooks services of one process, sharing one secret box, token cache and set of breakers. */
export function buildAts(ds: DataSource, tasks: TaskService, audit: AuditService, config: AtsConfig) {
  const box = new SecretBox(config.secretKey);
  const tokens = new OAuthTokens();
  const sources = new AtsSourceService(ds, box, tokens, audit, config.timeoutMs, config.concurrency);
  const breakers = new CircuitBreakers(config.breaker.threshold, config.breaker.cooldownMs);
  return {
    sources,
    sync: new AtsSyncService(ds, sources, tokens, breakers, audit, { timeoutMs: config.timeoutMs, retryBaseMs: config.retryBaseMs }),
    history: new AtsHistoryService(ds),
    hiring: new HiringService(ds, tasks, audit, config.autoSyncDelayMs),
    webhooks: new WebhookService(ds, box, audit, config.webhooks),
  };
}
