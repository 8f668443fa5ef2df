import type { DataSource, QueryRunner } from "typeorm";

/**
 * Rows per INSERT. Measured here for 100,000 punches in one transaction: 5,000 a statement was never slower than
 * 10,000 or 20,000 (7-24% faster as bare statements, within the noise through this writer; 2,000 was slower), and
 * while a download streams it keeps the part left to store after the device's last chunk small.
 */
export const STORE_BATCH = 5_000;

/** Punches ready to store: instants already in UTC (device-time.ts). */
export type AttendanceBatch = { userIds: string[]; epochSeconds: number[]; verifyTypes: number[]; punchStates: number[] };

/**
 * One statement per batch: the employee is looked up by number in the same statement, and the unique key
 * (device, user id, instant) drops punches stored by an earlier download.
 */
const INSERT_SQL = `
  INSERT INTO attendance_event (device_id, device_user_id, employee_id, occurred_at, verify_type, punch_state, task_id)
  SELECT $1, u.user_id, e.id, to_timestamp(u.at), u.verify_type, u.punch_state, $2
  FROM unnest($3::text[], $4::int8[], $5::int2[], $6::int2[]) AS u(user_id, at, verify_type, punch_state)
  LEFT JOIN employee e ON e.employee_number = u.user_id
  ON CONFLICT (device_id, device_user_id, occurred_at) DO NOTHING`;

/**
 * One download's punches, stored in one transaction (all or nothing: a failed download leaves no part of itself
 * behind) while they are still arriving. At most one INSERT is in flight: `write` returns as soon as its batch has
 * started, so the caller decodes the next one meanwhile, and waits only when it hands over a batch while the
 * previous one is still being inserted. One caller at a time: `write` is not meant to be called concurrently.
 */
export class AttendanceWriter {
  /** Rows the inserts so far added (punches not stored before). */
  inserted = 0;
  /** Punches the inserts so far carried, new or not. */
  written = 0;
  private inflight: Promise<void> | null = null;
  private ended = false;

  private constructor(
    private readonly runner: QueryRunner,
    private readonly deviceId: string,
    private readonly taskId: string | null,
  ) {}

  static async begin(ds: DataSource, deviceId: string, taskId: string | null): Promise<AttendanceWriter> {
    const runner = ds.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
    } catch (err) {
      await runner.release();
      throw err;
    }
    return new AttendanceWriter(runner, deviceId, taskId);
  }

  /**
   * Starts inserting `batch` once the insert before it is done (rethrowing its failure); `onStored` runs when this
   * one is done. Resolves when the insert has started, not when it is done.
   */
  async write(batch: AttendanceBatch, onStored?: (size: number) => void): Promise<void> {
    if (this.ended) throw new Error("The attendance transaction has ended");
    await this.inflight;
    const size = batch.userIds.length;
    const insert = this.runner.query(INSERT_SQL, [this.deviceId, this.taskId, batch.userIds, batch.epochSeconds, batch.verifyTypes, batch.punchStates], true).then((r: { affected?: number }) => {
      this.inserted += r.affected ?? 0;
      this.written += size;
      if (this.inflight === insert) this.inflight = null;
      onStored?.(size);
    });
    // A failure surfaces from the next write or from commit; until then nobody awaits it.
    insert.catch(() => undefined);
    this.inflight = insert;
  }

  /** Waits for the last insert and commits; on any failure rolls back and rethrows. Returns the rows added. */
  async commit(): Promise<number> {
    try {
      await this.inflight;
      this.ended = true;
      await this.runner.commitTransaction();
      return this.inserted;
    } catch (err) {
      await this.rollback();
      throw err;
    } finally {
      await this.release();
    }
  }

  /** Discards everything written. Never throws: it runs on failure paths. */
  async rollback(): Promise<void> {
    this.ended = true;
    await this.inflight?.catch(() => undefined);
    if (this.runner.isTransactionActive) await this.runner.rollbackTransaction().catch(() => undefined);
    await this.release();
  }

  private async release(): Promise<void> {
    if (!this.runner.isReleased) await this.runner.release();
  }
}
