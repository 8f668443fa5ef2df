import type { Logger } from "../lib/logger.js";
import { taskFromEvent } from "../modules/tasks/task-record.js";
import type { Task } from "../modules/tasks/task.entity.js";
import type { PgListener } from "./pg-listener.js";

export const TASK_CHANNEL = "taskline_task";

type Listener = (task: Task) => void;

export type TaskHubSources = {
  /** Current rows of these tasks. */
  loadTasks(ids: string[]): Promise<Task[]>;
  /** Tasks changed at or after this instant. */
  loadChangedSince(since: Date): Promise<Task[]>;
};

/** Versions remembered per task, to drop duplicates and stale events; beyond this the oldest are forgotten. */
const MAX_TRACKED_TASKS = 100_000;
/** Re-read a little before the drop: the clocks of Postgres and this process differ slightly. */
const RESYNC_MARGIN_MS = 2_000;

/**
 * Fans task changes out from the process's one LISTEN connection to its in-memory subscribers, in version order,
 * each version once. After a reconnect it re-reads what subscribers watch, since NOTIFYs sent while the connection
 * was down are lost: watched tasks by id, and for list subscribers every task changed since the drop.
 */
export class TaskHub {
  private readonly byTask = new Map<string, Set<Listener>>();
  private readonly everyTask = new Set<Listener>();
  private readonly versions = new Map<string, number>();
  private disconnectedAt: Date | undefined;

  constructor(
    private readonly listener: PgListener,
    private readonly sources: TaskHubSources,
    private readonly log: Logger,
  ) {
    listener.on("notification", (channel: string, payload: string) => {
      if (channel === TASK_CHANNEL) this.onNotification(payload);
    });
    listener.on("disconnected", () => {
      this.disconnectedAt ??= new Date();
    });
    listener.on("reconnected", () => {
      void this.resync();
    });
  }

  get subscriberCount(): number {
    let n = this.everyTask.size;
    for (const set of this.byTask.values()) n += set.size;
    return n;
  }

  subscribeTask(id: string, listener: Listener): () => void {
    let set = this.byTask.get(id);
    if (!set) this.byTask.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.byTask.get(id) === set) this.byTask.delete(id);
    };
  }

  subscribeAll(listener: Listener): () => void {
    this.everyTask.add(listener);
    return () => this.everyTask.delete(listener);
  }

  /** Delivers a task state unless this version (or a newer one) was already delivered. */
  publish(task: Task): void {
    const known = this.versions.get(task.id);
    if (known !== undefined && known >= task.version) return;
    this.versions.delete(task.id);
    this.versions.set(task.id, task.version);
    if (this.versions.size > MAX_TRACKED_TASKS) this.versions.delete(this.versions.keys().next().value!);
    const listeners = this.byTask.get(task.id);
    if (listeners) for (const l of listeners) l(task);
    for (const l of this.everyTask) l(task);
  }

  private onNotification(payload: string): void {
    let entries: unknown[][];
    try {
      entries = JSON.parse(payload) as unknown[][];
    } catch (err) {
      this.log.error({ err, payload: payload.slice(0, 200) }, "unreadable task event");
      return;
    }
    for (const entry of entries) this.publish(taskFromEvent(entry));
  }

  private async resync(): Promise<void> {
    const since = this.disconnectedAt;
    this.disconnectedAt = undefined;
    try {
      const ids = [...this.byTask.keys()];
      const tasks = ids.length ? await this.sources.loadTasks(ids) : [];
      if (this.everyTask.size && since) tasks.push(...(await this.sources.loadChangedSince(new Date(since.getTime() - RESYNC_MARGIN_MS))));
      tasks.sort((a, b) => a.version - b.version);
      for (const t of tasks) this.publish(t);
      this.log.info({ watched: ids.length, reread: tasks.length }, "task events resynchronised after reconnect");
    } catch (err) {
      this.log.error({ err }, "resynchronising task events failed");
      this.disconnectedAt ??= since;
    }
  }
}
