import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { createPubSub } from "@graphql-yoga/subscription";
import { buildSchema } from "type-graphql";
import { CandidateResolver, JobPostingResolver } from "../modules/recruiting/recruiting.resolver.js";
import { IdentityResolver } from "../modules/identity/identity.resolver.js";
import { TaskResolver } from "../modules/tasks/task.resolver.js";
import { ScheduleResolver } from "../modules/schedules/schedule.resolver.js";
import { CandidateProfileResolver } from "../modules/enrichment/candidate-profile.resolver.js";
import { CandidateExportResolver } from "../modules/exports/candidate-export.resolver.js";
import { MailResolver } from "../modules/mail/mail.resolver.js";
import { InterviewResolver } from "../modules/interviews/interview.resolver.js";
import { ReportResolver } from "../modules/reports/report.resolver.js";
import { CandidateResumeResolver, ResumeAnalysisResolver } from "../modules/resumes/resume-analysis.resolver.js";
import { CreditsResolver } from "../modules/credits/credits.resolver.js";
import { TaskQueueResolver } from "../modules/tasks/task-queue.resolver.js";
import { OperationsResolver } from "../modules/operations/operations.resolver.js";
import { AtsSourceResolver, AtsSyncRunResolver, CandidateAtsResolver, JobPostingAtsResolver } from "../modules/ats/ats.resolver.js";
import { WebhookDeliveryResolver, WebhookResolver } from "../modules/webhooks/webhook.resolver.js";
import { authChecker } from "./auth-checker.js";
import { Node } from "./node.js";
import { AttendanceEventResolver, DeviceResolver } from "../modules/devices/device.resolver.js";

export const resolvers = [TaskResolver, JobPostingResolver, CandidateResolver, IdentityResolver, MailResolver, ScheduleResolver, CandidateProfileResolver, CandidateExportResolver, InterviewResolver, ReportResolver, ResumeAnalysisResolver, CandidateResumeResolver, CreditsResolver, TaskQueueResolver, OperationsResolver, AtsSourceResolver, AtsSyncRunResolver, CandidateAtsResolver, JobPostingAtsResolver, WebhookResolver, WebhookDeliveryResolver, DeviceResolver, AttendanceEventResolver] as const;

export function buildTasklineSchema(): Promise<GraphQLSchema> {
  // Subscriptions take their events from the TaskHub (each has its own `subscribe`); type-graphql still insists on
  // a PubSub being configured.
  return buildSchema({ resolvers, orphanedTypes: [Node], validate: false, authChecker, authMode: "error", pubSub: createPubSub() });
}
