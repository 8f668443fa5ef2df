import { createHash, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../lib/logger.js";
import type { Readiness } from "./health.js";
import type { Metrics } from "./metrics.js";

export type OpsRoutesOptions = {
  metrics: Metrics;
  readiness: () => Promise<Readiness>;
  /** METRICS_TOKEN: when set, /metrics wants `Authorization: Bearer <token>` wherever it is served. */
  metricsToken: string | undefined;
  /** Serve /metrics without a token (the internal METRICS_PORT when no token is configured). */
  metricsOpen: boolean;
  log: Logger;
};

/**
 * /livez, /readyz (and /healthz, its older name) and /metrics as one plain Node handler, so the API's Express app
 * and the internal ops port (METRICS_PORT, also in worker processes) serve exactly the same thing.
 * Resolves false for any other path.
 */
export function opsHandler(opts: OpsRoutesOptions): (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean> {
  const tokenHash = opts.metricsToken ? sha256(opts.metricsToken) : undefined;
  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
    res.end(JSON.stringify(body));
  };
  return async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const path = (req.url ?? "/").split("?")[0];
    switch (path) {
      case "/livez":
        json(res, 200, { live: true, pid: process.pid, uptimeSeconds: Math.round(process.uptime()) });
        return true;
      case "/readyz":
      case "/healthz": {
        const r = await opts.readiness();
        json(res, r.ready ? 200 : 503, r);
        return true;
      }
      case "/metrics": {
        const given = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
        const allowed = tokenHash ? given !== undefined && timingSafeEqual(sha256(given), tokenHash) : opts.metricsOpen;
        if (!allowed) {
          res.writeHead(tokenHash ? 401 : 404, { "content-type": "text/plain", ...(tokenHash ? { "www-authenticate": 'Bearer realm="metrics"' } : {}) });
          res.end(tokenHash ? "metrics need Authorization: Bearer <METRICS_TOKEN>\n" : "metrics are served on METRICS_PORT, or here with METRICS_TOKEN\n");
          return true;
        }
        try {
          const { contentType, body } = await opts.metrics.scrape();
          res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" });
          res.end(body);
        } catch (err) {
          opts.log.error({ err }, "collecting metrics failed");
          res.writeHead(500, { "content-type": "text/plain" });
          res.end("collecting metrics failed\n");
        }
        return true;
      }
      default:
        return false;
    }
  };
}

/** The internal ops port (METRICS_PORT): health and metrics only, never GraphQL, meant to stay unpublished. */
export async function startOpsServer(handle: ReturnType<typeof opsHandler>, port: number, host: string, log: Logger): Promise<{ port: number; stop(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    handle(req, res).then(
      (handled) => {
        if (handled) return;
        res.writeHead(404, { "content-type": "text/plain" });
        res.end("not found: /livez, /readyz, /metrics\n");
      },
      (err) => {
        log.error({ err }, "ops request failed");
        if (!res.headersSent) res.writeHead(500);
        res.end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  log.info({ port: bound, host }, "ops server (health, metrics) listening");
  return {
    port: bound,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sha256(s: string): Buffer {
  return createHash("sha256").update(s).digest();
}
