import type { DataSource } from "typeorm";
import { type Connection, decodeCursor, toConnection } from "../../graphql/connection.js";
import { BadUserInputError } from "../../graphql/errors.js";
import { isUuid } from "../../lib/validate.js";
import { type AttendanceEvent, attendanceEventFromRow } from "./attendance-event.entity.js";
import type { AttendanceFilter } from "./device.inputs.js";
import { AttendanceWriter } from "./attendance-writer.js";
import { escapeLike } from "./employee.service.js";

export class AttendanceService {
  constructor(private readonly ds: DataSource) {}

  /** Opens the transaction one download's punches are stored in (attendance-writer.ts). */
  begin(deviceId: string, taskId: string | null): Promise<AttendanceWriter> {
    return AttendanceWriter.begin(this.ds, deviceId, taskId);
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
