import type { DataSource, EntityManager } from "typeorm";
import { type Connection, decodeCursor, toConnection } from "../../graphql/connection.js";
import { BadUserInputError } from "../../graphql/errors.js";
import type { EmployeeFilter, EmployeeInput } from "./device.inputs.js";
import { DEVICE_ROLE, type Employee, employeeFromRow, Privilege, privilegeOfRole } from "./employee.entity.js";
import type { DeviceUser } from "./zk-records.js";

export const EMPLOYEE_NUMBER = /^[0-9A-Za-z]{1,9}$/;
const MAX_DEVICE_UID = 65_535;

export type ImportCounts = { created: number; updated: number; unchanged: number };
export type ImportProblem = { user: DeviceUser; reason: string };

/** Employees as HR keeps them; terminals hold a copy keyed by employee number. */
export class EmployeeService {
  constructor(private readonly ds: DataSource) {}

  /** Newest first. */
  async list(first: number, after: string | null | undefined, filter: EmployeeFilter | null | undefined): Promise<Connection<Employee>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter?.search?.trim()) {
      const p = params.push(`%${escapeLike(filter.search.trim().toLowerCase())}%`);
      where.push(`(lower(name) LIKE $${p} OR lower(employee_number) LIKE $${p})`);
    }
    if (filter?.department?.trim()) where.push(`department = $${params.push(filter.department.trim())}`);
    if (filter?.active !== undefined && filter?.active !== null) where.push(`active = $${params.push(filter.active)}`);
    const [{ count }] = await this.ds.query(`SELECT count(*)::int AS count FROM employee ${whereSql(where)}`, params);
    const cursor = decodeCursor(after);
    if (cursor) where.push(`(created_at, id) < ($${params.push(cursor.at)}::timestamptz, $${params.push(cursor.id)}::uuid)`);
    const rows = await this.ds.query(`SELECT * FROM employee ${whereSql(where)} ORDER BY created_at DESC, id DESC LIMIT $${params.push(first + 1)}`, params);
    return toConnection(rows.map(employeeFromRow), first, count, (e) => e.createdAt);
  }

  async get(id: string): Promise<Employee | null> {
    const rows = await this.ds.query(`SELECT * FROM employee WHERE id::text = $1`, [id]);
    return rows[0] ? employeeFromRow(rows[0]) : null;
  }

  async departments(): Promise<string[]> {
    const rows = await this.ds.query(`SELECT DISTINCT department FROM employee WHERE department IS NOT NULL ORDER BY department`);
    return rows.map((r: { department: string }) => r.department);
  }

  /** Creates the employee, or updates the one with this employee number. */
  async save(input: EmployeeInput): Promise<{ employee: Employee; created: boolean }> {
    const number = input.employeeNumber.trim();
    if (!EMPLOYEE_NUMBER.test(number)) throw new BadUserInputError("employeeNumber must be 1 to 9 letters or digits (what a terminal accepts as user id)", { field: "employeeNumber" });
    const name = input.name.trim();
    if (!name || name.length > 100) throw new BadUserInputError("name must be 1 to 100 characters", { field: "name" });
    const card = input.cardNumber ?? null;
    if (card !== null && (!Number.isInteger(card) || card < 0 || card > 4_294_967_295)) throw new BadUserInputError("cardNumber must be a whole number from 0 to 4294967295", { field: "cardNumber" });
    const department = input.department?.trim() || null;
    const [row] = await this.ds.query(
      `INSERT INTO employee (employee_number, name, card_number, privilege, department, active) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (employee_number) DO UPDATE SET name = EXCLUDED.name, card_number = EXCLUDED.card_number, privilege = EXCLUDED.privilege,
         department = EXCLUDED.department, active = EXCLUDED.active, updated_at = now()
       RETURNING *, (xmax = 0) AS inserted`,
      [number, name, card, input.privilege ?? Privilege.USER, department, input.active ?? true],
    );
    return { employee: employeeFromRow(row), created: row.inserted };
  }

  /**
   * What a sync to a device writes: every active employee (each given a device slot if it has none yet) and the
   * inactive ones that hold a slot, to be deleted from the device. By employee number.
   */
  async forDevice(): Promise<{ active: Employee[]; inactive: Employee[] }> {
    await this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('taskline.employee_device_uid'))`);
      await m.query(
        `UPDATE employee e SET device_uid = n.uid FROM (
           SELECT id, (SELECT coalesce(max(device_uid), 0) FROM employee) + row_number() OVER (ORDER BY employee_number) AS uid
           FROM employee WHERE device_uid IS NULL AND active) n
         WHERE e.id = n.id AND n.uid <= $1`,
        [MAX_DEVICE_UID],
      );
    });
    const rows = await this.ds.query(`SELECT * FROM employee WHERE active OR device_uid IS NOT NULL ORDER BY employee_number`);
    const all: Employee[] = rows.map(employeeFromRow);
    return { active: all.filter((e) => e.active), inactive: all.filter((e) => !e.active && e.deviceUid !== null) };
  }

  /** The 72-byte record fields a terminal stores for an employee. */
  static toDeviceUser(e: Employee): DeviceUser {
    return { uid: e.deviceUid!, role: DEVICE_ROLE[e.privilege], name: e.name, cardNumber: e.cardNumber ?? 0, userId: e.employeeNumber };
  }

  /**
   * Merges a device's users by employee number in one transaction: new numbers are created, known ones get the
   * device's name (when it has one), card and privilege. Department and active stay as HR set them. A device slot
   * is adopted when the employee has none and no one else holds it. `onUser` reports each user as it is decided.
   */
  async importFromDevice(users: DeviceUser[], onUser: (user: DeviceUser, problem: string | null) => void): Promise<ImportCounts & { problems: ImportProblem[] }> {
    const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
    const problems: ImportProblem[] = [];
    const valid: DeviceUser[] = [];
    const seen = new Set<string>();
    for (const user of users) {
      const problem = !EMPLOYEE_NUMBER.test(user.userId)
        ? `user id "${user.userId}" is not a valid employee number (1 to 9 letters or digits)`
        : seen.has(user.userId)
          ? `user id ${user.userId} appears twice on the device (slots ${users.find((u) => u.userId === user.userId)!.uid} and ${user.uid}); the first was imported`
          : null;
      seen.add(user.userId);
      if (problem) {
        problems.push({ user, reason: problem });
        onUser(user, problem);
      } else valid.push(user);
    }
    await this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('taskline.employee_device_uid'))`);
      const existing = await this.byNumber(m, valid.map((u) => u.userId));
      const toCreate: DeviceUser[] = [];
      const toUpdate: { id: string; name: string; card: number | null; privilege: Privilege }[] = [];
      for (const user of valid) {
        const current = existing.get(user.userId);
        const name = user.name.trim() || current?.name || `Employee ${user.userId}`;
        const card = user.cardNumber === 0 ? null : user.cardNumber;
        const privilege = privilegeOfRole(user.role);
        if (!current) {
          toCreate.push({ ...user, name });
          counts.created++;
        } else if (current.name !== name || current.cardNumber !== card || current.privilege !== privilege) {
          toUpdate.push({ id: current.id, name, card, privilege });
          counts.updated++;
        } else counts.unchanged++;
        onUser(user, null);
      }
      if (toCreate.length) {
        await m.query(
          `INSERT INTO employee (employee_number, name, card_number, privilege)
           SELECT u.num, left(u.name, 100), nullif(u.card, 0), u.privilege FROM unnest($1::text[], $2::text[], $3::int8[], $4::text[]) AS u(num, name, card, privilege)`,
          [toCreate.map((u) => u.userId), toCreate.map((u) => u.name), toCreate.map((u) => u.cardNumber), toCreate.map((u) => privilegeOfRole(u.role))],
        );
      }
      if (toUpdate.length) {
        await m.query(
          `UPDATE employee e SET name = left(u.name, 100), card_number = u.card, privilege = u.privilege, updated_at = now()
           FROM unnest($1::uuid[], $2::text[], $3::int8[], $4::text[]) AS u(id, name, card, privilege) WHERE e.id = u.id`,
          [toUpdate.map((u) => u.id), toUpdate.map((u) => u.name), toUpdate.map((u) => u.card), toUpdate.map((u) => u.privilege)],
        );
      }
      // Adopt the device's slot numbers where free, so the next sync writes each person back to the same slot.
      await m.query(
        `UPDATE employee e SET device_uid = u.uid FROM unnest($1::text[], $2::int[]) AS u(num, uid)
         WHERE e.employee_number = u.num AND e.device_uid IS NULL AND NOT EXISTS (SELECT 1 FROM employee o WHERE o.device_uid = u.uid)`,
        [valid.map((u) => u.userId), valid.map((u) => u.uid)],
      );
    });
    return { ...counts, problems };
  }

  private async byNumber(m: EntityManager, numbers: string[]): Promise<Map<string, Employee>> {
    const rows = await m.query(`SELECT * FROM employee WHERE employee_number = ANY($1::text[])`, [numbers]);
    return new Map(rows.map((r: Record<string, unknown>) => [r.employee_number as string, employeeFromRow(r)]));
  }
}

function whereSql(where: string[]): string {
  return where.length ? `WHERE ${where.join(" AND ")}` : "";
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
