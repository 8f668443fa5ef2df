import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { GraphQLError, type GraphQLSchema, specifiedRules, validate } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { Logger } from "../lib/logger.js";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { Viewer } from "../modules/identity/viewer.js";
import type { LiveConnections } from "../realtime/live-connections.js";
import { authenticate, originAllowed, SESSION_COOKIE } from "./authenticate.js";
import type { AppServices, Context } from "./context.js";
import { maskError } from "./errors.js";
import { createSharedSubscribe } from "./shared-subscribe.js";
import { candidatesCsvRoute } from "../modules/exports/download-route.js";
import { CSV_DOWNLOAD_PATH } from "../modules/exports/export.service.js";
import graphqlUploadExpress from "graphql-upload/graphqlUploadExpress.mjs";
import { UPLOAD_HARD_MAX } from "../modules/ai/ai-settings.js";
import { resumeFileRoute } from "../modules/resumes/download-route.js";
import { RESUME_DOWNLOAD_PREFIX } from "../modules/resumes/resume-analysis.resolver.js";
import type { Metrics } from "../ops/metrics.js";
import type { opsHandler } from "../ops/ops-routes.js";
import { operationLogPlugin, requestLogger } from "../ops/request-log.js";
import { randomUUID } from "node:crypto";
import { ATTENDANCE_CSV_PATH, deviceCsvRoutes, EMPLOYEES_CSV_PATH } from "../modules/devices/csv-routes.js";

export type HttpServerOptions = {
  schema: GraphQLSchema;
  services: AppServices;
  live: LiveConnections;
  allowedOrigins: string[];
  trustProxy: boolean;
  introspection: boolean;
  port: number;
  host: string;
  /** The built SPA; served at / when present. */
  webDist?: string;
  exposeInternalErrors: boolean;
  log: Logger;
  /** /livez, /readyz, /healthz and the token-protected /metrics (ops/ops-routes.ts). */
  ops: ReturnType<typeof opsHandler>;
  metrics: Metrics;
};

export type HttpServer = { url: string; port: number; stop(): Promise<void> };

/** GraphQL over HTTP and graphql-ws on one port and one path, `/graphql`, and the SPA at `/`. */
export async function startHttpServer(opts: HttpServerOptions): Promise<HttpServer> {
  const { schema, services, log, live } = opts;
  const app = express();
  app.disable("x-powered-by");
  if (opts.trustProxy) app.set("trust proxy", true);
  const httpServer = http.createServer(app);

  // Depth, cost, aliases, directives and token limits, for HTTP and WebSocket alike.
  const armor = new ApolloArmor({
    maxDepth: { n: 10 },
    costLimit: { maxCost: 5_000 },
    maxAliases: { n: 15 },
    maxDirectives: { n: 20 },
    maxTokens: { n: 2_000 },
    blockFieldSuggestion: { enabled: !opts.exposeInternalErrors },
  }).protect();
  const rules = [...specifiedRules, ...armor.validationRules];

  // 64 KiB is far above any document the SPA or a tool sends, far below what would hurt.
  const wsServer = new WebSocketServer({ server: httpServer, path: "/graphql", maxPayload: 64 * 1024 });
  type Extra = { viewer?: Viewer; ip?: string; log?: Logger };
  // Open sockets' graphql-ws contexts: their `subscriptions` are the open subscriptions, counted on scrape.
  const wsContexts = new Set<{ subscriptions: Record<string, unknown> }>();
  opts.metrics.countSubscriptionsWith(() => {
    let n = 0;
    for (const c of wsContexts) n += Object.keys(c.subscriptions).length;
    return n;
  });
  const wsCleanup = useServer<Record<string, unknown>, Extra>(
    {
      schema,
      validate: (s, document) => validate(s, document, rules),
      // graphql-ws refuses the socket with 4403 Forbidden when this returns false.
      onConnect: async (ctx) => {
        const req = ctx.extra.request;
        const param = ctx.connectionParams?.authorization;
        const auth = await authenticate(services, typeof param === "string" ? param : undefined, typeof param === "string" ? undefined : req.headers.cookie);
        if (!auth.viewer) return false;
        if (auth.byCookie && !originAllowed(req, opts.allowedOrigins)) {
          log.warn({ origin: req.headers.origin }, "refused a cookie-authenticated WebSocket from a foreign origin");
          return false;
        }
        (ctx.extra as Extra).viewer = auth.viewer;
        (ctx.extra as Extra).ip = req.socket.remoteAddress ?? "unknown";
        (ctx.extra as Extra).log = log.child({ connectionId: randomUUID() });
        live.add(ctx.extra.socket, auth.viewer);
        wsContexts.add(ctx);
        return true;
      },
      onClose: (ctx) => {
        wsContexts.delete(ctx);
        live.remove(ctx.extra.socket);
      },
      context: (ctx): Context => ({
        app: services,
        viewer: (ctx.extra as Extra).viewer ?? null,
        credentialsInvalid: false,
        log: (ctx.extra as Extra).log,
        meta: { ip: (ctx.extra as Extra).ip ?? "unknown", userAgent: ctx.extra.request.headers["user-agent"] ?? null },
      }),
      // Callers with the same role see the same task fields, so they can share one execution per event.
      subscribe: createSharedSubscribe((c) => (c as Context).viewer?.role ?? "anonymous"),
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!result.errors?.length) return result;
        return { ...result, errors: result.errors.map((e) => maskError(e.toJSON(), e, opts.exposeInternalErrors)) as unknown as GraphQLError[] };
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: opts.introspection,
    // Apollo's CSRF prevention stays on (the default): a simple cross-site form POST is refused.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    validationRules: armor.validationRules,
    includeStacktraceInErrorResponses: opts.exposeInternalErrors,
    formatError: (formatted, error) => maskError(formatted, error, opts.exposeInternalErrors),
    plugins: [
      // graphql-armor is typed against the CommonJS build of @apollo/server; the plugins are the same at runtime.
      ...(armor.plugins as unknown as ApolloServerPlugin<Context>[]),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      operationLogPlugin(),
      // The sandbox goes with introspection: production hides both unless GRAPHQL_INTROSPECTION=true.
      ...(opts.introspection ? [] : [ApolloServerPluginLandingPageDisabled()]),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.use(requestLogger(log));
  app.use((req, res, next) => {
    opts.ops(req, res).then((handled) => handled || next(), next);
  });
  app.get(CSV_DOWNLOAD_PATH, candidatesCsvRoute(services));
  app.get(`${RESUME_DOWNLOAD_PREFIX}/:id`, resumeFileRoute(services));
  const deviceCsv = deviceCsvRoutes(services);
  app.get(ATTENDANCE_CSV_PATH, (req, res, next) => deviceCsv.attendance(req, res).catch(next));
  app.get(EMPLOYEES_CSV_PATH, (req, res, next) => deviceCsv.employees(req, res).catch(next));
  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    // GraphQL multipart requests (resume uploads). Apollo's CSRF prevention stays on: such a request needs an
    // `Apollo-Require-Preflight` header, which a cross-site form cannot send. The admin's per-upload limit is checked
    // in the resolver, with a clear error; these are the hard bounds.
    graphqlUploadExpress({ maxFileSize: services.resumeAnalysis.maxFileBytes, maxFiles: UPLOAD_HARD_MAX + 1, maxFieldSize: 1024 * 1024 }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<Context> => {
        const auth = await authenticate(services, req.headers.authorization, req.headers.cookie);
        return {
          app: services,
          viewer: auth.viewer,
          credentialsInvalid: auth.credentialsInvalid,
          log: req.log,
          meta: { ip: req.ip ?? "unknown", userAgent: req.headers["user-agent"] ?? null },
          sessionCookie: {
            set: (token, expiresAt) => res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: "lax", secure: req.secure, expires: expiresAt, path: "/" }),
            clear: () => res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: "lax", secure: req.secure, path: "/" }),
          },
        };
      },
    }),
  );

  if (opts.webDist && fs.existsSync(path.join(opts.webDist, "index.html"))) {
    const index = path.join(opts.webDist, "index.html");
    app.use(express.static(opts.webDist, { index: false, maxAge: "1h" }));
    // Client-side routes (/tasks/…) all load the SPA.
    app.get(/^\/(?!graphql).*/, (_req, res) => res.sendFile(index));
  } else {
    app.get("/", (_req, res) => {
      res.type("text").send("Taskline API. GraphQL at /graphql. The SPA is not built: run `npm run build`.");
    });
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const shownHost = opts.host === "0.0.0.0" || opts.host === "::" ? "localhost" : opts.host;
  log.info({ port }, "HTTP server listening");
  return {
    url: `http://${shownHost}:${port}`,
    port,
    async stop() {
      for (const client of wsServer.clients) client.terminate();
      await apollo.stop();
    },
  };
}
