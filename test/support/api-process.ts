import "reflect-metadata";
import { startTaskline } from "../../apps/api/src/app.js";
import { loadConfig } from "../../apps/api/src/config.js";
import { createLogger } from "../../apps/api/src/lib/logger.js";
import { onShutdownSignal } from "../../apps/api/src/lib/shutdown.js";
import { testTaskTypes } from "./task-types.js";

/** An API-only process (GraphQL, subscriptions, no worker), as a second API replica would be, for tests across processes. */
const config = loadConfig({ ...process.env, NODE_ENV: "test", PORT: "0", HOST: "127.0.0.1", TASKLINE_DEFAULT_SCHEDULES: "false" });
const app = await startTaskline({ config, log: createLogger(process.env.TEST_LOG_LEVEL ?? "silent"), api: true, worker: false, extraTaskTypes: testTaskTypes });
onShutdownSignal(createLogger("silent"), () => app.stop());
process.send?.({ url: app.url });
