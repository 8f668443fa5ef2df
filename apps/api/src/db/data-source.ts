import { DataSource } from "typeorm";
import { ApiKey } from "../modules/identity/api-key.entity.js";
import { AuditEntry } from "../modules/identity/audit-entry.entity.js";
import { User } from "../modules/identity/user.entity.js";
import { Candidate } from "../modules/recruiting/candidate.entity.js";
import { JobPosting } from "../modules/recruiting/job-posting.entity.js";
import { Task } from "../modules/tasks/task.entity.js";
import { Schedule } from "../modules/schedules/schedule.entity.js";
import { OutboxMessage } from "../modules/mail/outbox-message.entity.js";
import { TaskPipeline1764072000000 } from "./migrations/1764072000000-TaskPipeline.js";
import { Identity1764086400000 } from "./migrations/1764086400000-Identity.js";
import { Schedules1764100800000 } from "./migrations/1764100800000-Schedules.js";
import { Mail1764097200000 } from "./migrations/1764097200000-Mail.js";
import { WorkerPools1764104400000 } from "./migrations/1764104400000-WorkerPools.js";
import { EnrichmentExports1764111600000 } from "./migrations/1764111600000-Enrichment-Exports.js";
import { ResumeAnalysis1764220000000 } from "./migrations/1764220000000-Resume-Analysis.js";
import { AtsSync1764210000000 } from "./migrations/1764210000000-Ats-Sync.js";
import { RecruitingOperations1764108000000 } from "./migrations/1764108000000-Recruiting-Operations.js";
import { Operations1764230000000 } from "./migrations/1764230000000-Operations.js";
import { JobStatistics1764240000000 } from "./migrations/1764240000000-Job-Statistics.js";
import { Devices1764200000000 } from "./migrations/1764200000000-Devices.js";

export const entities = [Task, JobPosting, Candidate, User, ApiKey, AuditEntry, OutboxMessage, Schedule];
/** Append-only, in order. Never edit one that has landed. */
export const migrations = [TaskPipeline1764072000000, Identity1764086400000, Mail1764097200000, Schedules1764100800000, WorkerPools1764104400000, RecruitingOperations1764108000000, EnrichmentExports1764111600000, Devices1764200000000, AtsSync1764210000000, ResumeAnalysis1764220000000, Operations1764230000000, JobStatistics1764240000000];

export function createDataSource(url: string, poolSize = 10): DataSource {
  return new DataSource({
    type: "postgres",
    url,
    entities,
    migrations,
    migrationsTableName: "taskline_migrations",
    synchronize: false,
    logging: false,
    extra: { max: poolSize },
  });
}
