import type { TaskType } from "./contract.js";
import rankCandidates from "./recruiting/rank_candidates.js";
import enrichCandidates from "./recruiting/enrich_candidates.js";
import exportCandidates from "./recruiting/export_candidates.js";
import sendEmail from "./mail/send_email.js";
import retentionCleanup from "./system/retention_cleanup.js";
import sendInterviewReminders from "./recruiting/send_interview_reminders.js";
import weeklyReport from "./reporting/weekly_report.js";
import analyzeResumes from "./recruiting/analyze_resumes.js";
import atsSyncHiredCandidates from "./ats/sync_hired_candidates.js";
import atsSyncPending from "./ats/sync_pending.js";
import webhooksDeliver from "./webhooks/deliver.js";
import syncEmployeesToDevice from "./devices/sync_employees_to_device.js";
import syncEmployeesFromDevice from "./devices/sync_employees_from_device.js";
import downloadAttendance from "./devices/download_attendance.js";
import downloadAllAttendance from "./devices/download_all_attendance.js";

/** Every task type Taskline runs. Adding one: a file under tasks/<domain>/ and a line here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const taskTypes: TaskType<any, unknown>[] = [rankCandidates, sendEmail, retentionCleanup, enrichCandidates, exportCandidates, sendInterviewReminders, weeklyReport, analyzeResumes, atsSyncHiredCandidates, atsSyncPending, webhooksDeliver, syncEmployeesToDevice, syncEmployeesFromDevice, downloadAttendance, downloadAllAttendance];
