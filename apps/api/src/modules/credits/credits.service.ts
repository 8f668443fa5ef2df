import type { DataSource, EntityManager } from "typeorm";
import { type Connection, decodeCursor, toConnection } from "../../graphql/connection.js";
import { BadUserInputError, InsufficientCreditsError, NotFoundError } from "../../graphql/errors.js";
import { isUuid } from "../../lib/validate.js";
import type { AuditService } from "../identity/audit.service.js";
import type { Viewer } from "../identity/viewer.js";

export type CreditBalance = { userId: string; balance: number; held: number; available: number };

export type CreditEntry = {
  id: string;
  userId: string;
  kind: "top_up" | "reserve" | "charge" | "release";
  amount: number;
  held: number;
  taskId: string | null;
  itemKey: string | null;
  note: string | null;
  createdAt: Date;
};

/**
 * Analysis credits. A ledger, never a mutable balance: `amount` moves the balance (top-ups, charges), `held` the
 * credits reserved for running analyses. A task reserves its items up front, is charged once per succeeded item
 * (unique per task and item), and the database trigger of migration 1764220000000 releases whatever is still held
 * when the task reaches a final status, whichever process or path got it there.
 */
export class CreditsService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async balance(userId: string, manager: EntityManager = this.ds.manager): Promise<CreditBalance> {
    const [r] = await manager.query(`SELECT coalesce(sum(amount), 0)::int AS balance, coalesce(sum(held), 0)::int AS held FROM credit_ledger WHERE user_id = $1`, [userId]);
    return { userId, balance: r.balance, held: r.held, available: r.balance - r.held };
  }

  async topUp(actor: Viewer, userId: string, amount: number, note: string | null, ip?: string | null): Promise<CreditBalance> {
    if (!Number.isInteger(amount) || amount === 0 || Math.abs(amount) > 1_000_000) throw new BadUserInputError("amount must be a non-zero whole number of at most 1,000,000", { field: "amount" });
    if (note && note.length > 500) throw new BadUserInputError("note is longer than 500 characters", { field: "note" });
    if (!isUuid(userId) || !(await this.ds.query(`SELECT 1 FROM app_user WHERE id = $1`, [userId])).length) throw new NotFoundError("User", userId);
    const result = await this.ds.transaction(async (m) => {
      await lockUser(m, userId);
      const current = await this.balance(userId, m);
      // A correction may take credits back, never below what is free: held credits belong to running analyses.
      if (current.available + amount < 0) throw new BadUserInputError(`Only ${current.available} credit(s) are available to take back`, { field: "amount" });
      await m.query(`INSERT INTO credit_ledger (user_id, kind, amount, note, actor_id) VALUES ($1, 'top_up', $2, $3, $4)`, [userId, amount, note?.trim() || null, actor.userId]);
      return this.balance(userId, m);
    });
    await this.audit.record(actor, "CREDITS_TOPPED_UP", { type: "User", id: userId }, { amount, note }, ip);
    return result;
  }

  /** Holds `items` credits for the task, in the caller's transaction (the one that enqueues the task). */
  async reserve(m: EntityManager, userId: string, taskId: string, items: number): Promise<void> {
    await lockUser(m, userId);
    const { available } = await this.balance(userId, m);
    if (available < items) throw new InsufficientCreditsError(items, available);
    await m.query(`INSERT INTO credit_ledger (user_id, kind, held, task_id, note) VALUES ($1, 'reserve', $2, $3, $4)`, [
      userId,
      items,
      taskId,
      `${items} credit(s) reserved`,
    ]);
  }

  /**
   * Charges one succeeded item, in the transaction that stores its result. A second charge for the same task and
   * item (a retried attempt) inserts nothing. Without a reservation (not a metered task) it does nothing.
   */
  async charge(m: EntityManager, taskId: string, itemKey: string, label: string): Promise<void> {
    const [reserve] = await m.query(`SELECT user_id FROM credit_ledger WHERE task_id = $1 AND kind = 'reserve' FOR UPDATE`, [taskId]);
    if (!reserve) return;
    await m.query(
      `INSERT INTO credit_ledger (user_id, kind, amount, held, task_id, item_key, note)
       SELECT $1, 'charge', -1, CASE WHEN coalesce(sum(held), 0) > 0 THEN -1 ELSE 0 END, $2, $3, $4 FROM credit_ledger WHERE task_id = $2
       ON CONFLICT (task_id, item_key) WHERE kind = 'charge' DO NOTHING`,
      [reserve.user_id, taskId, itemKey, `Analysed ${label}`.slice(0, 200)],
    );
  }

  /** Newest first. */
  async ledger(userId: string, first: number, after?: string | null): Promise<Connection<CreditEntry>> {
    const params: unknown[] = [userId];
    const [{ count }] = await this.ds.query(`SELECT count(*)::int AS count FROM credit_ledger WHERE user_id = $1`, params);
    const cursor = decodeCursor(after);
    let where = `user_id = $1`;
    if (cursor) where += ` AND (created_at, id) < ($${params.push(cursor.at)}::timestamptz, $${params.push(cursor.id)}::bigint)`;
    const rows = await this.ds.query(`SELECT * FROM credit_ledger WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT $${params.push(first + 1)}`, params);
    return toConnection(rows.map(entryFromRow), first, count, (e: CreditEntry) => e.createdAt);
  }

  /** Credits a task has used and still holds. */
  async forTask(taskId: string): Promise<{ charged: number; held: number; reserved: number }> {
    const [r] = await this.ds.query(
      `SELECT coalesce(sum(held) FILTER (WHERE kind = 'reserve'), 0)::int AS reserved, count(*) FILTER (WHERE kind = 'charge')::int AS charged,
         coalesce(sum(held), 0)::int AS held FROM credit_ledger WHERE task_id = $1`,
      [taskId],
    );
    return r;
  }
}

/** One user's reservations and top-ups are serialised, so two analyses cannot both spend the last credits. */
async function lockUser(m: EntityManager, userId: string): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtext('taskline.credits:' || $1))`, [userId]);
}

function entryFromRow(r: Record<string, any>): CreditEntry {
  return { id: String(r.id), userId: r.user_id, kind: r.kind, amount: r.amount, held: r.held, taskId: r.task_id, itemKey: r.item_key, note: r.note, createdAt: r.created_at };
}
