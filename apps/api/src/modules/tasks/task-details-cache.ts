import type { TaskService } from "./task.service.js";
import type { Task } from "./task.entity.js";

type Details = { payload: unknown; result: unknown };

/** Entries kept; one per task version recently pushed to subscribers. */
const MAX_ENTRIES = 2_000;

/**
 * Task events carry no payload or result. When a thousand subscribers of one task ask for its result at the same
 * version, this makes that one query, not a thousand: entries are keyed by id and version, and a version's payload
 * and result never change.
 */
export class TaskDetailsCache {
  private readonly entries = new Map<string, Promise<Details | undefined>>();

  constructor(private readonly tasks: TaskService) {}

  get(task: Pick<Task, "id" | "version">): Promise<Details | undefined> {
    const key = `${task.id}:${task.version}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = this.tasks.loadDetails(task.id);
      entry.catch(() => this.entries.delete(key));
      this.entries.set(key, entry);
      if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    }
    return entry;
  }
}
