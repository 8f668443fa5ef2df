import type { DataSource } from "typeorm";
import type { DeviceConfig } from "../../config.js";
import { BadUserInputError, DeviceQueueFullError, NotFoundError } from "../../graphql/errors.js";
import { isUuid } from "../../lib/validate.js";
import type { Logger } from "../../lib/logger.js";
import { taskFromRow } from "../tasks/task-record.js";
import type { Task } from "../tasks/task.entity.js";
import type { TaskService } from "../tasks/task.service.js";
import { Device, deviceFromRow } from "./device.entity.js";
import type { CreateDeviceInput, DeviceConnectionTest, UpdateDeviceInput } from "./device.inputs.js";
import { DeviceClock, isTimeZone } from "./device-time.js";
import { DeviceSessionError, withDeviceSession } from "./session/device-session.js";

/** The named graphile-worker queue of a device: its operations run strictly one at a time. */
export const deviceQueue = (deviceId: string) => `device:${deviceId}`;

export const DEVICE_TASKS = {
  syncToDevice: "devices.sync_employees_to_device",
  syncFromDevice: "devices.sync_employees_from_device",
  downloadAttendance: "devices.download_attendance",
  downloadAll: "devices.download_all_attendance",
} as const;

const UNIQUE_VIOLATION = "23505";
const OPEN = `status IN ('pending', 'running', 'retrying')`;
// One lock for every device enqueue: the limits are counted and the task added atomically.
const ENQUEUE_LOCK = `SELECT pg_advisory_xact_lock(hashtext('taskline.device_queue'))`;
const HOST = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^[0-9a-fA-F:]+$/;

/** Devices: their rows, their queues (one operation at a time, bounded) and the direct "test connection". */
export class DeviceService {
  constructor(
    private readonly ds: DataSource,
    private readonly tasks: TaskService,
    private readonly config: DeviceConfig,
    private readonly log?: Logger,
  ) {}

  async list(): Promise<Device[]> {
    const rows = await this.ds.query(`SELECT * FROM device ORDER BY lower(name), id`);
    return rows.map(deviceFromRow);
  }

  async get(id: string): Promise<Device | null> {
    if (!isUuid(id)) return null;
    const rows = await this.ds.query(`SELECT * FROM device WHERE id = $1`, [id]);
    return rows[0] ? deviceFromRow(rows[0]) : null;
  }

  async getOrFail(id: string): Promise<Device> {
    const device = await this.get(id);
    if (!device) throw new NotFoundError("Device", id);
    return device;
  }

  async create(input: CreateDeviceInput): Promise<Device> {
    const v = checkDevice(input);
    const rows = await this.unique(() =>
      this.ds.query(`INSERT INTO device (name, address, port, timezone, location, enabled) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`, [
        v.name,
        v.address,
        v.port ?? 4370,
        v.timezone ?? "UTC",
        v.location ?? null,
        input.enabled ?? true,
      ]),
    );
    return deviceFromRow(rows[0]);
  }

  async update(id: string, input: UpdateDeviceInput): Promise<Device> {
    const current = await this.getOrFail(id);
    const v = checkDevice(input);
    const rows = await this.unique(() =>
      this.ds.query(
        `UPDATE device SET name = $2, address = $3, port = $4, timezone = $5, location = $6, enabled = $7, updated_at = now() WHERE id = $1 RETURNING *`,
        [
          id,
          v.name ?? current.name,
          v.address ?? current.address,
          v.port ?? current.port,
          v.timezone ?? current.timezone,
          v.location === undefined ? current.location : v.location,
          input.enabled ?? current.enabled,
        ],
      ),
    );
    return deviceFromRow(updated(rows)[0]);
  }

  /** Its punches stay (attendance is payroll history); its waiting operations are cancelled. */
  async delete(id: string): Promise<Device> {
    const device = await this.getOrFail(id);
    await this.ds.transaction(async (m) => {
      const waiting = await m.query(`SELECT id FROM task WHERE queue_name = $1 AND status IN ('pending', 'retrying')`, [deviceQueue(id)]);
      for (const { id: taskId } of waiting) await m.query(`SELECT graphile_worker.remove_job($1)`, [taskId]);
      await m.query(
        `UPDATE task SET status = 'cancelled', finished_at = now(), run_at = NULL, error = 'The device was deleted' WHERE queue_name = $1 AND status IN ('pending', 'retrying')`,
        [deviceQueue(id)],
      );
      await m.query(`DELETE FROM device WHERE id = $1`, [id]);
    });
    return device;
  }

  /**
   * Queues an operation on the device's own queue, unless DEVICE_QUEUE_LIMIT operations wait there already or
   * DEVICE_QUEUE_LIMIT_TOTAL over all devices (DEVICE_QUEUE_FULL, nothing queued). A task that has to wait for
   * another one on the same device says so from the start: its message reads "Waiting for device …" until it runs.
   */
  async enqueue(type: string, device: Device, payload: Record<string, unknown>, opts: { createdById?: string | null } = {}): Promise<Task> {
    const queue = deviceQueue(device.id);
    return this.ds.transaction(async (m) => {
      await m.query(ENQUEUE_LOCK);
      const [counts] = await m.query(
        `SELECT count(*) FILTER (WHERE queue_name = $1)::int AS device, count(*)::int AS total FROM task WHERE queue_name LIKE 'device:%' AND ${OPEN}`,
        [queue],
      );
      if (counts.device >= this.config.queueLimit) throw new DeviceQueueFullError("device", this.config.queueLimit, device.id);
      if (counts.total >= this.config.queueLimitTotal) throw new DeviceQueueFullError("all", this.config.queueLimitTotal, device.id);
      const task = await this.tasks.enqueue(type, { ...payload, deviceId: device.id }, { createdById: opts.createdById ?? null }, m);
      if (counts.device === 0) return task;
      const rows = await m.query(`UPDATE task SET progress_message = $2 WHERE id = $1 AND status = 'pending' RETURNING *`, [
        task.id,
        `Waiting for device "${device.name}": ${counts.device === 1 ? "another operation is" : `${counts.device} operations are`} ahead of this one`,
      ]);
      const row = updated(rows)[0];
      return row ? taskFromRow(row) : task;
    });
  }

  /** Operations waiting or running on the device. */
  async openTasks(deviceId: string): Promise<{ id: string; status: string; type: string }[]> {
    return this.ds.query(`SELECT id, status, type FROM task WHERE queue_name = $1 AND ${OPEN} ORDER BY created_at`, [deviceQueue(deviceId)]);
  }

  /**
   * Connects, reads what the device says about itself and disconnects, within a few command timeouts. Not a task:
   * it answers the request. It refuses to open a second connection to a device an operation is using.
   */
  async testConnection(id: string): Promise<DeviceConnectionTest> {
    const device = await this.getOrFail(id);
    const started = Date.now();
    const result = (ok: boolean, reason: string | null, message: string, info: DeviceConnectionTest["info"] = null): DeviceConnectionTest => ({ ok, reason, message, info, elapsedMs: Date.now() - started });
    const busy = (await this.openTasks(id)).find((t) => t.status === "running");
    if (busy) return result(false, "DEVICE_BUSY", `An operation (${busy.type}, task ${busy.id}) is using the device; test again when it has finished`);
    const limitMs = this.config.commandTimeoutMs * 3;
    const signal = AbortSignal.timeout(limitMs);
    try {
      const info = await withDeviceSession({ host: device.address, port: device.port }, { signal, commandTimeoutMs: this.config.commandTimeoutMs, log: this.log }, (s) => s.info());
      const drift = info.clock === null ? null : Math.round((new DeviceClock(device.timezone).toEpochMs(info.clock) - Date.now()) / 1000);
      if (info.serialNumber) await this.ds.query(`UPDATE device SET serial_number = $2, updated_at = now() WHERE id = $1 AND serial_number IS DISTINCT FROM $2`, [id, info.serialNumber]);
      return result(true, null, `Connected to ${device.address}:${device.port}: ${info.userCount} users, ${info.logCount} attendance records`, {
        serialNumber: info.serialNumber,
        firmware: info.firmware,
        userCount: info.userCount,
        logCount: info.logCount,
        logCapacity: info.logCapacity,
        deviceTime: info.clock === null ? null : DeviceClock.describe(info.clock),
        clockDriftSeconds: drift,
      });
    } catch (err) {
      if (signal.aborted) return result(false, "TIMED_OUT", `No complete answer from ${device.address}:${device.port} within ${limitMs / 1000} s`);
      if (err instanceof DeviceSessionError) return result(false, err.reason, err.message);
      throw err;
    }
  }

  /** The outcome of the device's newest operation, for the Devices page. */
  async recordOutcome(deviceId: string, taskId: string, type: string, status: "COMPLETED" | "FAILED", message: string): Promise<void> {
    await this.ds.query(
      `UPDATE device SET last_sync_at = now(), last_sync_type = $3, last_sync_status = $4, last_sync_message = $5, last_sync_task_id = $2 WHERE id = $1`,
      [deviceId, taskId, type, status, message.slice(0, 500)],
    );
  }

  private async unique<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if ((err as { driverError?: { code?: string }; code?: string }).driverError?.code === UNIQUE_VIOLATION || (err as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new BadUserInputError("A device with this name exists already", { field: "name" });
      }
      throw err;
    }
  }
}

/** Validates what is given (create: everything required is given; update: only what changes). */
function checkDevice(input: Partial<CreateDeviceInput> | UpdateDeviceInput) {
  const name = input.name?.trim();
  if (input.name !== undefined && input.name !== null && (!name || name.length > 100)) throw new BadUserInputError("name must be 1 to 100 characters", { field: "name" });
  const address = input.address?.trim();
  if (input.address !== undefined && input.address !== null && (!address || !HOST.test(address))) {
    throw new BadUserInputError("address must be a host name or IP address, without scheme or port (e.g. 192.168.1.201)", { field: "address" });
  }
  if (input.port !== undefined && input.port !== null && (!Number.isInteger(input.port) || input.port < 1 || input.port > 65_535)) {
    throw new BadUserInputError("port must be between 1 and 65535", { field: "port" });
  }
  if (input.timezone !== undefined && input.timezone !== null && !isTimeZone(input.timezone)) {
    throw new BadUserInputError(`Unknown timezone "${input.timezone}"; use an IANA name such as Europe/Berlin`, { field: "timezone" });
  }
  const location = input.location === undefined ? undefined : input.location?.trim() || null;
  if (location && location.length > 200) throw new BadUserInputError("location must be at most 200 characters", { field: "location" });
  return { name, address, port: input.port ?? undefined, timezone: input.timezone ?? undefined, location };
}

/** TypeORM answers a top-level UPDATE ... RETURNING with [rows, affected]. */
function updated(result: unknown[]): Record<string, unknown>[] {
  return (Array.isArray(result[0]) ? result[0] : result) as Record<string, unknown>[];
}

