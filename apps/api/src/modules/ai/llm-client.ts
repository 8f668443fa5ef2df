import OpenAI from "openai";
import pLimit, { type LimitFunction } from "p-limit";
import { z } from "zod";
import { addUsage, NO_USAGE, type TokenUsage } from "./usage.js";

export type LlmConfig = {
  /** Unset: `configured` is false and every call throws LlmNotConfiguredError. */
  apiKey: string | undefined;
  baseUrl: string;
  /** One request's limit, in milliseconds. */
  timeoutMs: number;
  /** The SDK retries 408/409/429/5xx and connection errors this many times, honouring Retry-After (up to 60 s). */
  maxRetries: number;
  /** Requests this process has in flight at most, across all tasks. */
  processConcurrency: number;
};

export type StructuredRequest<T> = {
  model: string;
  system: string;
  user: string;
  /** The reply must parse as JSON and pass this schema. */
  schema: z.ZodType<T>;
  /** Names the schema for the server (`response_format.json_schema.name`). */
  schemaName: string;
  /** The task's signal: an abort cancels the request in flight, a Retry-After wait, and a queued call. */
  signal: AbortSignal;
  /** The task's own limit, inside the process's one. */
  limit?: LimitFunction;
  maxTokens?: number;
};

export type StructuredReply<T> = { value: T; usage: TokenUsage; model: string; calls: number };

/** The reply was not valid JSON of the expected shape, twice: the item fails, the task goes on. */
export class LlmInvalidReplyError extends Error {
  override name = "LlmInvalidReplyError";
  constructor(
    message: string,
    /** What the two attempts used: spent even though the item failed. */
    readonly usage: TokenUsage,
  ) {
    super(message);
  }
}

export class LlmNotConfiguredError extends Error {
  override name = "LlmNotConfiguredError";
  constructor() {
    super("No OPENAI_API_KEY is configured: only the built-in scorer is available");
  }
}

/** An invalid reply gets one more chance: a model's occasional malformed JSON is usually a one-off. */
const REPLY_ATTEMPTS = 2;

/**
 * The one way Taskline talks to an LLM: the openai SDK against OPENAI_BASE_URL (any OpenAI-compatible server),
 * structured output checked with zod, a process-wide bound on requests in flight, and the task's signal on every
 * call. Transient HTTP failures are the SDK's to retry (`maxRetries`: exponential backoff from 0.5 s, or exactly
 * the server's Retry-After / retry-after-ms when it is at most 60 s; see `retryRequest` in openai/src/client.ts).
 */
export class LlmClient {
  private readonly client: OpenAI | undefined;
  private readonly processLimit: LimitFunction;

  constructor(config: LlmConfig) {
    this.client = config.apiKey
      ? new OpenAI({ apiKey: config.apiKey, baseURL: config.baseUrl, timeout: config.timeoutMs, maxRetries: config.maxRetries })
      : undefined;
    this.processLimit = pLimit(config.processConcurrency);
  }

  get configured(): boolean {
    return this.client !== undefined;
  }

  /** Requests of this process waiting for a slot (for logs and the benchmark). */
  get pending(): number {
    return this.processLimit.pendingCount;
  }

  async structured<T>(req: StructuredRequest<T>): Promise<StructuredReply<T>> {
    const client = this.client;
    if (!client) throw new LlmNotConfiguredError();
    const run = () =>
      this.processLimit(async () => {
        // A call queued behind others may find its task cancelled by the time its slot frees up.
        req.signal.throwIfAborted();
        return this.exchange(client, req);
      });
    return req.limit ? req.limit(run) : run();
  }

  private async exchange<T>(client: OpenAI, req: StructuredRequest<T>): Promise<StructuredReply<T>> {
    let usage = NO_USAGE;
    let problem = "";
    const jsonSchema = z.toJSONSchema(req.schema, { target: "draft-7" }) as Record<string, unknown>;
    for (let attempt = 1; attempt <= REPLY_ATTEMPTS; attempt++) {
      req.signal.throwIfAborted();
      const completion = await client.chat.completions.create(
        {
          model: req.model,
          messages: [
            { role: "system", content: req.system },
            { role: "user", content: attempt === 1 ? req.user : `${req.user}\n\nYour previous reply was rejected: ${problem}. Reply with JSON matching the schema only.` },
          ],
          response_format: { type: "json_schema", json_schema: { name: req.schemaName, schema: jsonSchema, strict: false } },
          ...(req.maxTokens ? { max_completion_tokens: req.maxTokens } : {}),
        },
        { signal: req.signal },
      );
      usage = addUsage(usage, { promptTokens: completion.usage?.prompt_tokens ?? 0, completionTokens: completion.usage?.completion_tokens ?? 0 });
      const content = completion.choices[0]?.message?.content ?? "";
      problem = checkReply(content, req.schema);
      if (!problem) return { value: req.schema.parse(JSON.parse(content)), usage, model: completion.model || req.model, calls: attempt };
    }
    throw new LlmInvalidReplyError(`The model's reply was invalid twice: ${problem}`, usage);
  }
}

/** Why a reply does not do, or "" when it does. Short: it goes into item errors and the retry prompt. */
function checkReply<T>(content: string, schema: z.ZodType<T>): string {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    return `not JSON (${JSON.stringify(content.slice(0, 60))})`;
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return "";
  return parsed.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
    .join("; ");
}

/** A task's own bound toward the LLM (the admin setting), inside the process's. */
export function taskLimit(concurrency: number): LimitFunction {
  return pLimit(Math.max(1, concurrency));
}
