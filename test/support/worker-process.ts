import "reflect-metadata";
import { startTaskline } from "../../apps/api/src/app.js";
import { loadConfig } from "../../apps/api/src/config.js";
import { createLogger } from "../../apps/api/src/lib/logger.js";
import { onShutdownSignal } from "../../apps/api/src/lib/shutdown.js";
import { testTaskTypes } from "./task-types.js";

/** A worker-only process with the test task types, as `npm run worker` would be, for tests across processes. */
const config = loadConfig({ ...process.env, NODE_ENV: "test", PROGRESS_FLUSH_MS: "50" });
const app = await startTaskline({ config, log: createLogger(process.env.TEST_LOG_LEVEL ?? "silent"), api: false, worker: true, extraTaskTypes: testTaskTypes });
onShutdownSignal(createLogger("silent"), () => app.stop());
process.send?.("ready");
