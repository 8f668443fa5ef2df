import { setTimeout as sleep } from "node:timers/promises";
import type { TestTaskline } from "./taskline.js";

export async function waitFor<T>(what: string, read: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Starts a task of `type` as the system would (no creator) and waits until it is final; returns its row. */
export async function runTask(app: TestTaskline, type: string, payload: unknown = {}): Promise<Record<string, any>> {
  const task = await app.services.tasks.enqueue(type, payload);
  return waitFor(`${type} to finish`, async () => {
    const { rows } = await app.pool.query(`SELECT * FROM task WHERE id = $1 AND status IN ('completed', 'failed', 'cancelled')`, [task.id]);
    return rows[0];
  });
}

/** Waits until no email is waiting for delivery (every outbox row SENT or FAILED). */
export async function outboxSettled(app: TestTaskline): Promise<void> {
  await waitFor("the outbox to settle", async () => {
    const { rows } = await app.pool.query(`SELECT count(*)::int AS n FROM outbox WHERE status = 'pending'`);
    return rows[0].n === 0;
  });
}
