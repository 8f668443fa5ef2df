import "reflect-metadata";
import { startTaskline } from "./app.js";
import { loadConfig } from "./config.js";
import { createLogger } from "./lib/logger.js";
import { onShutdownSignal } from "./lib/shutdown.js";

/** `npm run worker`: a worker-only process; any number of them, on any machine that reaches the database. */
const config = loadConfig();
const log = createLogger(config.logLevel, { pretty: config.logPretty });
const taskline = await startTaskline({ config, log, api: false, worker: true, joinEmbedded: true });
onShutdownSignal(log, () => taskline.stop());
log.info({ concurrency: config.worker.concurrency }, "worker process ready");
