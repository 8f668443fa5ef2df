import { NotFoundError } from "../../graphql/errors.js";
import { CoalescingChannel } from "../../realtime/channel.js";
import type { AppServices } from "../../graphql/context.js";
import { canSeeTask, type Viewer } from "../identity/viewer.js";
import type { Task } from "./task.entity.js";
import type { TaskFilterArgs } from "./task.service.js";

/**
 * One task's states: its current snapshot first, then each newer version. The hub listener is attached before the
 * snapshot is read, so a change committed in between is not missed; anything not newer than what was sent is
 * dropped.
 */
export async function watchTask(app: AppServices, viewer: Viewer, id: string): Promise<AsyncIterableIterator<Task>> {
  let last = -1;
  const early: Task[] = [];
  let ready = false;
  const channel = new CoalescingChannel<Task>(() => unsubscribe());
  const deliver = (task: Task) => {
    if (!ready) {
      early.push(task);
    } else if (task.version > last) {
      last = task.version;
      channel.push(task.id, task);
    }
  };
  const unsubscribe = app.hub.subscribeTask(id, deliver);
  try {
    const snapshot = await app.tasks.getFor(viewer, id);
    if (!snapshot) throw new NotFoundError("Task", id);
    ready = true;
    deliver(snapshot);
    for (const t of early) deliver(t);
    return channel;
  } catch (err) {
    channel.close();
    throw err;
  }
}

/**
 * Changes to every task matching the filter that the viewer may see (checked per event), newest state per task (a
 * list view needs no history).
 */
export function watchTasks(app: AppServices, viewer: Viewer, filter: TaskFilterArgs | null | undefined): AsyncIterableIterator<Task> {
  const statuses = filter?.status?.length ? new Set(filter.status) : undefined;
  const types = filter?.type?.length ? new Set(filter.type) : undefined;
  const versions = new Map<string, number>();
  const channel = new CoalescingChannel<Task>(() => unsubscribe());
  const unsubscribe = app.hub.subscribeAll((task) => {
    if (statuses && !statuses.has(task.status)) return;
    if (types && !types.has(task.type)) return;
    if (!canSeeTask(viewer, task)) return;
    if ((versions.get(task.id) ?? -1) >= task.version) return;
    versions.set(task.id, task.version);
    if (versions.size > 10_000) versions.delete(versions.keys().next().value!);
    channel.push(task.id, task);
  });
  return channel;
}
