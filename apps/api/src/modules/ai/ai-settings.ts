import type { DataSource } from "typeorm";
import { z } from "zod";
import { BadUserInputError } from "../../graphql/errors.js";
import type { AuditService } from "../identity/audit.service.js";
import type { Viewer } from "../identity/viewer.js";
import type { ModelPrice } from "./usage.js";

/** No admin setting may raise the files of one upload past this: it bounds one request's memory and disk. */
export const UPLOAD_HARD_MAX = 1_000;

export type AiSettings = {
  /** Analyses of at most this many resumes run at the highest priority (inline); more are queued normally. */
  inlineThreshold: number;
  /** Files one upload may hold (ZIP entries counted one by one). */
  maxFilesPerUpload: number;
  /** The model analyses and re-ranking use; the config's OPENAI_MODEL until an admin picks one. */
  defaultModel: string;
  /** LLM requests one task has in flight at most. */
  taskConcurrency: number;
  /** How many of the built-in scorer's best candidates the model re-ranks. */
  rerankTopN: number;
  prices: ModelPrice[];
  updatedAt: Date;
};

export type AiSettingsPatch = Partial<Omit<AiSettings, "updatedAt">>;

const patchSchema = z
  .object({
    inlineThreshold: z.number().int().min(0).max(UPLOAD_HARD_MAX),
    maxFilesPerUpload: z.number().int().min(1).max(UPLOAD_HARD_MAX),
    defaultModel: z.string().trim().min(1).max(100),
    taskConcurrency: z.number().int().min(1).max(256),
    rerankTopN: z.number().int().min(1).max(200),
    prices: z
      .array(z.object({ model: z.string().trim().min(1).max(100), inputPerMillion: z.number().min(0).max(10_000), outputPerMillion: z.number().min(0).max(10_000) }))
      .max(50)
      .refine((ps) => new Set(ps.map((p) => p.model)).size === ps.length, "lists a model twice"),
  })
  .partial();

/** The admin-editable settings of resume analysis and AI ranking: one row, read fresh by every mutation and task. */
export class AiSettingsService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly configModel: string,
  ) {}

  async get(): Promise<AiSettings> {
    const [r] = await this.ds.query(`SELECT * FROM ai_settings WHERE id = 1`);
    return {
      inlineThreshold: r.inline_threshold,
      maxFilesPerUpload: r.max_files_per_upload,
      defaultModel: r.default_model ?? this.configModel,
      taskConcurrency: r.task_concurrency,
      rerankTopN: r.rerank_top_n,
      prices: r.prices,
      updatedAt: r.updated_at,
    };
  }

  async update(actor: Viewer, patch: AiSettingsPatch, ip?: string | null): Promise<AiSettings> {
    const parsed = patchSchema.safeParse(stripNulls(patch));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new BadUserInputError(`${issue.path.join(".") || "input"}: ${issue.message}`, { field: String(issue.path[0] ?? "input") });
    }
    const p = parsed.data;
    const before = await this.get();
    await this.ds.query(
      `UPDATE ai_settings SET inline_threshold = coalesce($1, inline_threshold), max_files_per_upload = coalesce($2, max_files_per_upload),
         default_model = coalesce($3, default_model), task_concurrency = coalesce($4, task_concurrency), rerank_top_n = coalesce($5, rerank_top_n),
         prices = coalesce($6::jsonb, prices), updated_at = now(), updated_by = $7 WHERE id = 1`,
      [p.inlineThreshold ?? null, p.maxFilesPerUpload ?? null, p.defaultModel ?? null, p.taskConcurrency ?? null, p.rerankTopN ?? null, p.prices ? JSON.stringify(p.prices) : null, actor.userId],
    );
    const after = await this.get();
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(p) as (keyof AiSettingsPatch)[]) {
      if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { from: before[key], to: after[key] };
    }
    await this.audit.record(actor, "AI_SETTINGS_UPDATED", { type: "AiSettings", id: "1" }, { changes }, ip);
    return after;
  }
}

function stripNulls<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T;
}
