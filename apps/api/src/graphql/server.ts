import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { GraphQLError, type GraphQLSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { Logger } from "../lib/logger.js";
import type { AppServices, Context } from "./context.js";
import { maskError } from "./errors.js";
import { createSharedSubscribe } from "./shared-subscribe.js";

export type HttpServerOptions = {
  schema: GraphQLSchema;
  services: AppServices;
  port: number;
  host: string;
  /** The built SPA; served at / when present. */
  webDist?: string;
  exposeInternalErrors: boolean;
  log: Logger;
};

export type HttpServer = { url: string; port: number; stop(): Promise<void> };

/** GraphQL over HTTP and graphql-ws on one port and one path, `/graphql`, and the SPA at `/`. */
export async function startHttpServer(opts: HttpServerOptions): Promise<HttpServer> {
  const { schema, services, log } = opts;
  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);

  const wsServer = new WebSocketServer({ server: httpServer, path: "/graphql" });
  const wsCleanup = useServer<Record<string, unknown>, { context?: Context }>(
    {
      schema,
      context: (): Context => ({ app: services }),
      // Until identity lands every caller sees the same results, so one viewer key serves all.
      subscribe: createSharedSubscribe(() => "anyone"),
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!result.errors?.length) return result;
        return { ...result, errors: result.errors.map((e) => maskError(e.toJSON(), e, opts.exposeInternalErrors)) as unknown as GraphQLError[] };
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<Context>({
    schema,
    includeStacktraceInErrorResponses: opts.exposeInternalErrors,
    formatError: (formatted, error) => maskError(formatted, error, opts.exposeInternalErrors),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
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

  app.get("/healthz", (_req, res) => {
    res.json({ ok: true });
  });
  app.use("/graphql", express.json({ limit: "5mb" }), expressMiddleware(apollo, { context: async (): Promise<Context> => ({ app: services }) }));

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
