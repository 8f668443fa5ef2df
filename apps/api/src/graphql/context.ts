import type { RecruitingService } from "../modules/recruiting/recruiting.service.js";
import type { TaskDetailsCache } from "../modules/tasks/task-details-cache.js";
import type { TaskTypeRegistry } from "../modules/tasks/task-registry.js";
import type { TaskService } from "../modules/tasks/task.service.js";
import type { TaskHub } from "../realtime/task-hub.js";

/** The services resolvers call; built once per process. */
export type AppServices = {
  tasks: TaskService;
  recruiting: RecruitingService;
  registry: TaskTypeRegistry;
  hub: TaskHub;
  taskDetails: TaskDetailsCache;
};

/** Per request (HTTP) or per connection (graphql-ws). */
export type Context = { app: AppServices };
