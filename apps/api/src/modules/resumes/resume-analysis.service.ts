import pLimit from "p-limit";
import type { DataSource, EntityManager } from "typeorm";
import { BadUserInputError, InsufficientCreditsError, LlmNotConfiguredError, NotFoundError } from "../../graphql/errors.js";
import { isUuid } from "../../lib/validate.js";
import type { AiSettingsService } from "../ai/ai-settings.js";
import type { LlmClient } from "../ai/llm-client.js";
import type { Analysis, AnalysisMode } from "../ai/resume-analyzer.js";
import type { CreditsService } from "../credits/credits.service.js";
import type { Viewer } from "../identity/viewer.js";
import type { RecruitingService } from "../recruiting/recruiting.service.js";
import type { Task } from "../tasks/task.entity.js";
import type { TaskService } from "../tasks/task.service.js";
import { type FileUpload, type IncomingFile, readUploads } from "./intake.js";
import { extractResumeText, identify } from "./parse.js";
import type { ResumeStore } from "./resume-store.js";

export const ANALYZE_RESUMES = "recruiting.analyze_resumes";
/** graphile-worker runs lower numbers first: an inline analysis overtakes everything queued at the default 0. */
export const INLINE_PRIORITY = -100;

export type AnalyzePayload = {
  jobPostingId: string;
  mode: AnalysisMode;
  fileIds: string[];
  candidateIds: string[];
  /** Queued (above the inline threshold) analyses email their outcome here; inline ones are watched live. */
  notifyEmail: string | null;
};

export type AnalysisItem = { key: string; kind: "file" | "candidate" };

export type StoredAnalysis = {
  id: string;
  candidateId: string;
  jobPostingId: string;
  taskId: string | null;
  mode: AnalysisMode;
  engine: string;
  model: string | null;
  fitScore: number;
  profile: Analysis["insights"]["profile"];
  matchedRequirements: string[];
  missingRequirements: string[];
  strengths: string[];
  concerns: string[];
  assessment: string | null;
  interviewQuestions: string[];
  promptTokens: number;
  completionTokens: number;
  costUsd: number | null;
  createdAt: Date;
};

export type ResumeFileRecord = { id: string; jobPostingId: string; candidateId: string | null; fileName: string; mediaType: string; sizeBytes: number; storageKey: string; parseError: string | null; createdAt: Date };

/**
 * Resume uploads and analyses: the intake and routing of `analyzeResumes`, and the per-item steps the task type
 * calls (read a file into a candidate, store a result and charge it in one transaction).
 */
export class ResumeAnalysisService {
  constructor(
    private readonly ds: DataSource,
    private readonly deps: { tasks: TaskService; recruiting: RecruitingService; credits: CreditsService; settings: AiSettingsService; store: ResumeStore; llm: LlmClient; maxFileBytes: number },
  ) {}

  get maxFileBytes(): number {
    return this.deps.maxFileBytes;
  }

  /**
   * One path for every size: a task, reserved credits, stored originals, all in one transaction. At or under the
   * inline threshold the task jumps the queue; above it, it waits its turn and emails its outcome.
   */
  async start(viewer: Viewer, input: { jobPostingId: string; mode: AnalysisMode; files?: Array<Promise<FileUpload> | FileUpload> | null; candidateIds?: string[] | null }): Promise<{ task: Task; inline: boolean }> {
    const { tasks, recruiting, credits, settings, store, llm } = this.deps;
    await recruiting.getPostingOrFail(input.jobPostingId);
    if (input.mode === "deep" && !llm.configured) throw new LlmNotConfiguredError("DEEP analysis");
    const files = input.files ?? [];
    const candidateIds = [...new Set(input.candidateIds ?? [])];
    if (!files.length && !candidateIds.length) throw new BadUserInputError("Send files or candidateIds", { field: "files" });
    if (files.length && candidateIds.length) throw new BadUserInputError("Send files or candidateIds, not both", { field: "candidateIds" });
    const config = await settings.get();
    if (candidateIds.length > config.maxFilesPerUpload) throw new BadUserInputError(`At most ${config.maxFilesPerUpload} candidates per analysis`, { field: "candidateIds" });
    if (candidateIds.length) await this.checkCandidates(input.jobPostingId, candidateIds);
    // Refused uploads (count, size, type, unsafe archives) throw here, before anything is stored.
    const incoming = files.length ? await readUploads(files, { maxFiles: config.maxFilesPerUpload, maxFileBytes: this.deps.maxFileBytes }) : [];
    const items = incoming.length + candidateIds.length;
    if (!items) throw new BadUserInputError("The upload holds no resume", { field: "files" });
    // Credits first: an analysis the user cannot pay for stores nothing.
    const { available } = await credits.balance(viewer.userId);
    if (available < items) throw new InsufficientCreditsError(items, available);

    const inline = items <= config.inlineThreshold;
    const created: string[] = [];
    try {
      const writes = pLimit(8);
      await Promise.all(
        incoming.map((f) =>
          writes(async () => {
            const { key, created: isNew } = await store.put(f.bytes);
            if (isNew) created.push(key);
          }),
        ),
      );
      const task = await this.ds.transaction(async (m) => {
        const fileIds = await this.insertFiles(m, viewer.userId, input.jobPostingId, incoming);
        const payload: AnalyzePayload = { jobPostingId: input.jobPostingId, mode: input.mode, fileIds, candidateIds, notifyEmail: inline ? null : viewer.email };
        const t = await tasks.enqueue(ANALYZE_RESUMES, payload, { createdById: viewer.userId, priority: inline ? INLINE_PRIORITY : 0 }, m);
        await credits.reserve(m, viewer.userId, t.id, items);
        return t;
      });
      return { task, inline };
    } catch (err) {
      await store.discard(created);
      throw err;
    }
  }

  private async checkCandidates(jobPostingId: string, ids: string[]): Promise<void> {
    const bad = ids.find((id) => !isUuid(id));
    if (bad) throw new NotFoundError("Candidate", bad);
    const rows: Array<{ id: string }> = await this.ds.query(`SELECT id FROM candidate WHERE id = ANY($1::uuid[]) AND job_posting_id = $2`, [ids, jobPostingId]);
    const found = new Set(rows.map((r) => r.id));
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw new NotFoundError("Candidate of this posting", missing);
  }

  private async insertFiles(m: EntityManager, userId: string, jobPostingId: string, files: IncomingFile[]): Promise<string[]> {
    if (!files.length) return [];
    const rows: Array<{ id: string }> = await m.query(
      `INSERT INTO resume_file (job_posting_id, uploaded_by, file_name, media_type, size_bytes, sha256, storage_key)
       SELECT $1, $2, f.n, f.t, f.s, f.h, f.k FROM unnest($3::text[], $4::text[], $5::int[], $6::text[], $6::text[]) WITH ORDINALITY AS f(n, t, s, h, k, ord) ORDER BY f.ord
       RETURNING id`,
      [jobPostingId, userId, files.map((f) => f.name), files.map((f) => f.mediaType), files.map((f) => f.bytes.length), files.map((f) => f.sha256)],
    );
    return rows.map((r) => r.id);
  }

  /**
   * The candidate a stored file is, creating or updating one: the same bytes already uploaded for the posting give
   * that file's candidate; else the resume's email finds the posting's candidate with that email, or makes one.
   * Throws ResumeParseError for a file that cannot be read (recorded on the file too).
   */
  async candidateForFile(fileId: string): Promise<{ candidateId: string; name: string; resumeText: string }> {
    const [file] = await this.ds.query(`SELECT * FROM resume_file WHERE id = $1`, [fileId]);
    if (!file) throw new Error(`Resume file ${fileId} no longer exists`);
    if (file.candidate_id) return this.candidateText(file.candidate_id);
    const [twin] = await this.ds.query(
      `SELECT candidate_id FROM resume_file WHERE job_posting_id = $1 AND sha256 = $2 AND candidate_id IS NOT NULL AND id <> $3 ORDER BY created_at LIMIT 1`,
      [file.job_posting_id, file.sha256, fileId],
    );
    if (twin) {
      await this.ds.query(`UPDATE resume_file SET candidate_id = $2, parse_error = NULL WHERE id = $1`, [fileId, twin.candidate_id]);
      return this.candidateText(twin.candidate_id);
    }
    let text: string;
    try {
      text = await extractResumeText(await this.deps.store.read(file.storage_key), file.media_type);
    } catch (err) {
      await this.ds.query(`UPDATE resume_file SET parse_error = $2 WHERE id = $1`, [fileId, err instanceof Error ? err.message : String(err)]);
      throw err;
    }
    const who = identify(text, file.file_name);
    // A resume without an email still becomes a candidate; its placeholder is unique per content.
    const email = who.email ?? `no-email-${String(file.sha256).slice(0, 12)}@resume.invalid`;
    const [candidate] = await this.ds.query(
      `INSERT INTO candidate (job_posting_id, name, email, resume_text) VALUES ($1, $2, $3, $4)
       ON CONFLICT (job_posting_id, lower(email)) DO UPDATE SET resume_text = excluded.resume_text, updated_at = now()
       RETURNING id, name`,
      [file.job_posting_id, who.name, email, text],
    );
    await this.ds.query(`UPDATE resume_file SET candidate_id = $2, parse_error = NULL WHERE id = $1`, [fileId, candidate.id]);
    return { candidateId: candidate.id, name: candidate.name, resumeText: text };
  }

  async candidateText(candidateId: string): Promise<{ candidateId: string; name: string; resumeText: string }> {
    const [c] = await this.ds.query(`SELECT id, name, resume_text FROM candidate WHERE id = $1`, [candidateId]);
    if (!c) throw new Error(`Candidate ${candidateId} no longer exists`);
    return { candidateId: c.id, name: c.name, resumeText: c.resume_text };
  }

  async fileLabel(fileId: string): Promise<string> {
    const [f] = await this.ds.query(`SELECT file_name FROM resume_file WHERE id = $1`, [fileId]);
    return f?.file_name ?? fileId;
  }

  /** Items of this task already stored by an earlier attempt: a retried task neither redoes nor re-charges them. */
  async doneItems(taskId: string): Promise<Set<string>> {
    const rows: Array<{ item_key: string }> = await this.ds.query(`SELECT item_key FROM resume_analysis WHERE task_id = $1`, [taskId]);
    return new Set(rows.map((r) => r.item_key));
  }

  /** Stores the result (the newest analysis of the candidate for the posting) and charges its credit, atomically. */
  async saveResult(r: { taskId: string; itemKey: string; label: string; candidateId: string; jobPostingId: string; mode: AnalysisMode; analysis: Analysis; costUsd: number | null }): Promise<void> {
    const { insights: i, usage } = r.analysis;
    await this.ds.transaction(async (m) => {
      await m.query(
        `INSERT INTO resume_analysis (candidate_id, job_posting_id, task_id, item_key, mode, engine, model, fit_score, profile, matched_requirements,
           missing_requirements, strengths, concerns, assessment, interview_questions, prompt_tokens, completion_tokens, cost_usd)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
         ON CONFLICT (candidate_id, job_posting_id) DO UPDATE SET task_id = excluded.task_id, item_key = excluded.item_key, mode = excluded.mode,
           engine = excluded.engine, model = excluded.model, fit_score = excluded.fit_score, profile = excluded.profile,
           matched_requirements = excluded.matched_requirements, missing_requirements = excluded.missing_requirements, strengths = excluded.strengths,
           concerns = excluded.concerns, assessment = excluded.assessment, interview_questions = excluded.interview_questions,
           prompt_tokens = excluded.prompt_tokens, completion_tokens = excluded.completion_tokens, cost_usd = excluded.cost_usd, created_at = now()`,
        [
          r.candidateId, r.jobPostingId, r.taskId, r.itemKey, r.mode, r.analysis.engine, r.analysis.model, i.fitScore, JSON.stringify(i.profile),
          JSON.stringify(i.matchedRequirements), JSON.stringify(i.missingRequirements), JSON.stringify(i.strengths), JSON.stringify(i.concerns),
          i.assessment, JSON.stringify(i.interviewQuestions), usage.promptTokens, usage.completionTokens, r.costUsd,
        ],
      );
      await this.deps.credits.charge(m, r.taskId, r.itemKey, r.label);
    });
  }

  /** The posting's analyses, best fit first. */
  async analyses(jobPostingId: string, taskId?: string | null): Promise<StoredAnalysis[]> {
    const rows = await this.ds.query(
      `SELECT * FROM resume_analysis WHERE job_posting_id = $1 AND ($2::uuid IS NULL OR task_id = $2) ORDER BY fit_score DESC, created_at, id`,
      [jobPostingId, taskId && isUuid(taskId) ? taskId : null],
    );
    return rows.map(analysisFromRow);
  }

  async analysisFor(candidateId: string, jobPostingId: string): Promise<StoredAnalysis | null> {
    const [row] = await this.ds.query(`SELECT * FROM resume_analysis WHERE candidate_id = $1 AND job_posting_id = $2`, [candidateId, jobPostingId]);
    return row ? analysisFromRow(row) : null;
  }

  async files(candidateId: string): Promise<ResumeFileRecord[]> {
    const rows = await this.ds.query(`SELECT * FROM resume_file WHERE candidate_id = $1 ORDER BY created_at DESC`, [candidateId]);
    return rows.map(fileFromRow);
  }

  async file(id: string): Promise<ResumeFileRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.ds.query(`SELECT * FROM resume_file WHERE id = $1`, [id]);
    return row ? fileFromRow(row) : null;
  }

  filePath(record: ResumeFileRecord): string {
    return this.deps.store.filePath(record.storageKey);
  }
}

function analysisFromRow(r: Record<string, any>): StoredAnalysis {
  return {
    id: r.id,
    candidateId: r.candidate_id,
    jobPostingId: r.job_posting_id,
    taskId: r.task_id,
    mode: r.mode,
    engine: r.engine,
    model: r.model,
    fitScore: r.fit_score,
    profile: r.profile,
    matchedRequirements: r.matched_requirements,
    missingRequirements: r.missing_requirements,
    strengths: r.strengths,
    concerns: r.concerns,
    assessment: r.assessment,
    interviewQuestions: r.interview_questions,
    promptTokens: r.prompt_tokens,
    completionTokens: r.completion_tokens,
    costUsd: r.cost_usd === null ? null : Number(r.cost_usd),
    createdAt: r.created_at,
  };
}

function fileFromRow(r: Record<string, any>): ResumeFileRecord {
  return { id: r.id, jobPostingId: r.job_posting_id, candidateId: r.candidate_id, fileName: r.file_name, mediaType: r.media_type, sizeBytes: r.size_bytes, storageKey: r.storage_key, parseError: r.parse_error, createdAt: r.created_at };
}
