import http from "node:http";
import type { AddressInfo } from "node:net";

/** What the server does with one request instead of answering normally. */
export type Fault =
  | { kind: "429"; retryAfterSeconds: number }
  | { kind: "500" }
  | { kind: "invalid-json" }
  /** Valid JSON that does not match the schema. */
  | { kind: "wrong-shape" }
  /** Never answers (until the client gives up or the server closes). */
  | { kind: "stall" };

/** A fault for requests whose user message contains `match` (every request when unset), `times` times (default: always). */
export type FaultRule = { match?: string; fault: Fault; times?: number };

export type ChatRequest = {
  model: string;
  messages: Array<{ role: string; content: string }>;
  response_format?: { type: string; json_schema?: { name: string; schema: JsonSchema } };
};

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minItems?: number;
  anyOf?: JsonSchema[];
};

export type OpenAiServerOptions = {
  /** Delay before each answer, in milliseconds. */
  latencyMs?: number;
  /**
   * Builds the JSON content of a reply. Default: a value generated from the request's json_schema (every property
   * present, numbers at the middle of their range), so any structured request gets a valid answer.
   */
  reply?: (req: ChatRequest) => unknown;
};

/**
 * An OpenAI-compatible chat completions server on loopback: POST {url}/chat/completions with JSON answers, usage
 * figures (about one token per four characters) and injectable faults. Counts every request it receives.
 */
export async function startOpenAiServer(options: OpenAiServerOptions = {}) {
  const state = {
    latencyMs: options.latencyMs ?? 0,
    reply: options.reply ?? ((req: ChatRequest) => fromSchema(req.response_format?.json_schema?.schema ?? { type: "object" })),
    rules: [] as FaultRule[],
    /** Every request received, faulty or not. */
    calls: 0,
    /** Requests answered with 200. */
    answered: 0,
    /** Requests in flight right now, and the most there ever were at once. */
    inFlight: 0,
    maxInFlight: 0,
    authorizations: new Set<string>(),
    requests: [] as ChatRequest[],
    /** Usage sent back, summed over 200 answers. */
    usage: { promptTokens: 0, completionTokens: 0 },
  };
  const stalled = new Set<http.ServerResponse>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => void handle(req, res, Buffer.concat(chunks).toString("utf8")));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string) {
    state.calls++;
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    let closed = false;
    res.on("close", () => {
      closed = true;
      state.inFlight--;
    });
    if (req.headers.authorization) state.authorizations.add(req.headers.authorization);
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      if (closed) return;
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) return json(404, { error: { message: "Not found", type: "invalid_request_error" } });
    let body: ChatRequest;
    try {
      body = JSON.parse(raw);
    } catch {
      return json(400, { error: { message: "Invalid JSON body", type: "invalid_request_error" } });
    }
    state.requests.push(body);
    if (state.latencyMs) await new Promise((r) => setTimeout(r, state.latencyMs));
    const userText = body.messages.filter((m) => m.role === "user").map((m) => m.content).join("\n");
    const rule = state.rules.find((r) => (r.times === undefined || r.times > 0) && (!r.match || userText.includes(r.match)));
    if (rule && rule.times !== undefined) rule.times--;
    const fault = rule?.fault;
    if (fault?.kind === "stall") {
      stalled.add(res);
      return;
    }
    if (fault?.kind === "429") return json(429, { error: { message: "Rate limit reached", type: "rate_limit_error" } }, { "retry-after": String(fault.retryAfterSeconds) });
    if (fault?.kind === "500") return json(500, { error: { message: "The server had an error", type: "server_error" } });
    const content =
      fault?.kind === "invalid-json" ? '{"fitScore": 7' : fault?.kind === "wrong-shape" ? JSON.stringify({ unexpected: true }) : JSON.stringify(state.reply(body));
    const promptTokens = Math.ceil(body.messages.reduce((n, m) => n + m.content.length, 0) / 4);
    const completionTokens = Math.ceil(content.length / 4);
    if (closed) return;
    state.answered++;
    state.usage.promptTokens += promptTokens;
    state.usage.completionTokens += completionTokens;
    json(200, {
      id: `chatcmpl-${state.calls}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: "stop", logprobs: null }],
      usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    });
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return {
    url,
    state,
    fail(rule: FaultRule) {
      state.rules.push(rule);
    },
    reset() {
      state.rules = [];
      state.calls = 0;
      state.answered = 0;
      state.maxInFlight = state.inFlight;
      state.requests = [];
      state.usage = { promptTokens: 0, completionTokens: 0 };
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of stalled) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type OpenAiServer = Awaited<ReturnType<typeof startOpenAiServer>>;

/** A valid value for a JSON schema: every property present, numbers mid-range, one item per array. */
export function fromSchema(schema: JsonSchema): unknown {
  if (schema.enum?.length) return schema.enum[0];
  if (schema.anyOf?.length) return fromSchema(schema.anyOf.find((s) => s.type !== "null") ?? schema.anyOf[0]!);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object":
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, fromSchema(v)]));
    case "array":
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => fromSchema(schema.items ?? { type: "string" }));
    case "integer":
    case "number": {
      const lo = schema.minimum ?? 0;
      const hi = schema.maximum ?? lo + 10;
      return type === "integer" ? Math.round((lo + hi) / 2) : (lo + hi) / 2;
    }
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return "A sample answer";
  }
}
