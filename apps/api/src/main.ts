import "reflect-metadata";
import { startTaskline } from "./app.js";
import { loadConfig } from "./config.js";
import { createLogger } from "./lib/logger.js";
import { onShutdownSignal } from "./lib/shutdown.js";

/** `npm start`: the API, the subscriptions, the SPA and (unless turned off) a worker, in one process. */
const config = loadConfig();
const log = createLogger(config.logLevel, { pretty: config.logPretty });
const taskline = await startTaskline({ config, log, api: true, worker: config.worker.embedded });
onShutdownSignal(log, () => taskline.stop());

console.log(`
  Taskline is running at ${taskline.url}
  GraphQL (HTTP and WebSocket): ${taskline.url}/graphql
  Database: ${config.databaseUrl ? "DATABASE_URL" : `embedded Postgres under ${config.dataDir}`}
  Workers: ${config.worker.embedded ? `one in this process (concurrency ${config.worker.concurrency}); add more with \`npm run worker\`` : "none here; run `npm run worker`"}
  Sign in: ${signIn(taskline.firstAdmin, config.auth.adminEmail)}
  First time? Open the URL and choose "Load demo data" (or run \`npm run demo\`).
  Stop with Ctrl-C.
`);

/** The first admin's password is printed here once, never logged; later starts only say who the admin is. */
function signIn(created: { email: string; generatedPassword?: string } | undefined, configured: string | undefined): string {
  if (created?.generatedPassword) return `${created.email} with password ${created.generatedPassword} (generated now, shown once: change it after signing in)`;
  if (created) return `${created.email} with TASKLINE_ADMIN_PASSWORD`;
  return `with your account (the first admin: ${configured ?? "admin@taskline.local"}, unless changed)`;
}
