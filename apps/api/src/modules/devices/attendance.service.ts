import type { DataSource } from "typeorm";
import { type Connection, decodeCursor, toConnection } from "../../graphql/connection.js";
import { BadUserInputError } from "../../graphql/errors.js";
import { isUuid } from "../../lib/validate.js";
import { type AttendanceEvent, attendanceEventFromRow } from "./attendance-event.entity.js";
import type { AttendanceFilter } from "./device.inputs.js";
import { escapeLike } from "./employee.service.js";

/** Rows per INSERT: big enough that 100,000 punches are a handful of statements, small enough to stay well in memory. */
export const STORE_BATCH = 20_000;

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

export class AttendanceService {
  constructor(private readonly ds: DataSource) {}

  /**
   * Stores punches in one transaction (all or nothing: a failed download leaves no half of itself behind), in
   * batches; each batch is prepared while the previous one is inserted. Returns how many were new.
   */
  async store(deviceId: string, taskId: string | null, batches: Iterable<AttendanceBatch>, onStored?: (done: number) => void): Promise<number> {
    const runner = this.ds.createQueryRunner();
    await runner.connect();
    let inserted = 0;
    let done = 0;
    try {
      await runner.startTransaction();
      // The next batch is prepared (the generator converts its times) while Postgres inserts this one.
      let inflight: Promise<void> | undefined;
      for (const batch of batches) {
        await inflight;
        const size = batch.userIds.length;
        inflight = runner.query(INSERT_SQL, [deviceId, taskId, batch.userIds, batch.epochSeconds, batch.verifyTypes, batch.punchStates], true).then((r: { affected?: number }) => {
          inserted += r.affected ?? 0;
          done += size;
          onStored?.(done);
        });
      }
      await inflight;
      await runner.commitTransaction();
      return inserted;
    } catch (err) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw err;
    } finally {
      await runner.release();
    }
  }

  /** Newest first. */
  async list(first: number, after: string | null | undefined, filter: AttendanceFilter | null | undefined): Promise<Connection<AttendanceEvent>> {
    const { where, params } = filterSql(filter);
    const [{ count }] = await this.ds.query(`SELECT count(*)::int AS count FROM attendance_event a LEFT JOIN employee e ON e.id = a.employee_id ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`, params);
    const cursor = decodeCursor(after);
    if (cursor) {
      if (!/^\d+$/.test(cursor.id)) throw new BadUserInputError("The cursor is not one this API gave out");
      where.push(`(a.occurred_at, a.id) < ($${params.push(cursor.at)}::timestamptz, $${params.push(cursor.id)}::bigint)`);
    }
    const rows = await this.ds.query(
      `SELECT a.* FROM attendance_event a LEFT JOIN employee e ON e.id = a.employee_id ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
       ORDER BY a.occurred_at DESC, a.id DESC LIMIT $${params.push(first + 1)}`,
      params,
    );
    return toConnection(rows.map(attendanceEventFromRow), first, count, (a) => a.occurredAt);
  }

  /** For the CSV download: every matching punch with its employee and device, newest first, in pages. */
  async *csvRows(filter: AttendanceFilter | null | undefined, pageSize = 5_000): AsyncGenerator<Record<string, any>[]> {
    let lastAt: Date | null = null;
    let lastId: string | null = null;
    for (;;) {
      const { where, params } = filterSql(filter);
      if (lastAt) where.push(`(a.occurred_at, a.id) < ($${params.push(lastAt)}::timestamptz, $${params.push(lastId)}::bigint)`);
      const rows: Record<string, any>[] = await this.ds.query(
        `SELECT a.id, a.occurred_at, a.device_user_id, a.verify_type, a.punch_state, e.employee_number, e.name AS employee_name, e.department,
                d.name AS device_name, d.timezone AS device_timezone
         FROM attendance_event a LEFT JOIN employee e ON e.id = a.employee_id LEFT JOIN device d ON d.id = a.device_id
         ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY a.occurred_at DESC, a.id DESC LIMIT $${params.push(pageSize)}`,
        params,
      );
      if (!rows.length) return;
      yield rows;
      if (rows.length < pageSize) return;
      lastAt = rows.at(-1)!.occurred_at;
      lastId = String(rows.at(-1)!.id);
    }
  }
}

function filterSql(filter: AttendanceFilter | null | undefined): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter?.employeeId) where.push(isUuid(filter.employeeId) ? `a.employee_id = $${params.push(filter.employeeId)}` : "false");
  if (filter?.deviceId) where.push(isUuid(filter.deviceId) ? `a.device_id = $${params.push(filter.deviceId)}` : "false");
  if (filter?.from) where.push(`a.occurred_at >= $${params.push(filter.from)}`);
  if (filter?.to) where.push(`a.occurred_at < $${params.push(filter.to)}`);
  if (filter?.search?.trim()) {
    const p = params.push(`%${escapeLike(filter.search.trim().toLowerCase())}%`);
    where.push(`(lower(e.name) LIKE $${p} OR lower(a.device_user_id) LIKE $${p})`);
  }
  return { where, params };
}
