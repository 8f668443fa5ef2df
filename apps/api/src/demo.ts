import "reflect-metadata";
import { startTaskline } from "./app.js";
import { loadConfig } from "./config.js";
import { createLogger } from "./lib/logger.js";
import { DEMO_POSTING, demoCandidates } from "./modules/recruiting/demo-data.js";
import { RANK_CANDIDATES } from "./modules/recruiting/recruiting.service.js";
import { ensureDemoDevice } from "./modules/devices/demo-device.js";

/**
 * `npm run demo`: adds the demo posting and its candidates and starts a ranking, against the database `npm start`
 * uses (the running embedded one, or DATABASE_URL). Open the printed task in the dashboard to watch it.
 */
const config = loadConfig();
const app = await startTaskline({ config, log: createLogger("warn"), api: false, worker: false, joinEmbedded: true });
try {
  const posting = await app.services.recruiting.createPosting(DEMO_POSTING);
  const candidates = await app.services.recruiting.addCandidates(posting.id, demoCandidates());
  const task = await app.services.tasks.enqueue(RANK_CANDIDATES, { jobPostingId: posting.id });
  console.log(`Demo posting "${posting.title}" with ${candidates.length} candidates.`);
  console.log(`Ranking started: http://localhost:${config.port}/tasks/${task.id}`);
  const device = await ensureDemoDevice(app.services.devices, config.defaults.timezone);
  console.log(`Demo device "${device.name}" at ${device.address}:${device.port}: start the simulator with`);
  console.log(`  npm run zk-sim -- --port ${device.port} --users 3000 --attendance 100000 --timezone ${device.timezone}`);
  console.log(`then open http://localhost:${config.port}/devices`);
} finally {
  await app.stop();
}
