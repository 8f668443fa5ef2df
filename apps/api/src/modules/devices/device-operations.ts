import type { DeviceConfig } from "../../config.js";
import type { Logger } from "../../lib/logger.js";
import type { AttendanceService } from "./attendance.service.js";
import { AttendanceStream } from "./attendance-stream.js";
import { STORE_BATCH } from "./attendance-writer.js";
import type { Device } from "./device.entity.js";
import type { DeviceService } from "./device.service.js";
import { DeviceClock } from "./device-time.js";
import { EmployeeService } from "./employee.service.js";
import { type DeviceSession, withDeviceSession } from "./session/device-session.js";
import { decodeUsers, encodeUser, USER_RECORD_BYTES } from "./zk-records.js";

/** What an operation reports through: a task's context, narrowed to what operations use. */
export type OperationContext = {
  taskId: string | null;
  signal: AbortSignal;
  log: Logger;
  progress(current: number, total?: number | null, message?: string): void;
  itemSucceeded(): void;
  itemFailed(item: { key: string; label?: string }, error: unknown): void;
};

export type SyncToDeviceResult = { total: number; written: number; deleted: number; failed: number };
export type SyncFromDeviceResult = { read: number; created: number; updated: number; unchanged: number; failed: number };
export type DownloadResult = { read: number; stored: number; alreadyStored: number; beforeSince: number; failed: number; cleared: boolean; timezone: string };

const ACK_OK = 2000;

/**
 * The three device operations (seed 001), each on one device session: sync employees to the device, import them
 * from it, download its attendance. They throw DeviceSessionError when the device fails them (the task retries)
 * and report each record as it goes.
 */
export class DeviceOperations {
  constructor(
    private readonly devices: DeviceService,
    private readonly employees: EmployeeService,
    private readonly attendance: AttendanceService,
    private readonly config: DeviceConfig,
  ) {}

  private session<T>(device: Device, ctx: OperationContext, fn: (s: DeviceSession) => Promise<T>): Promise<T> {
    ctx.progress(0, null, `Connecting to ${device.name} (${device.address}:${device.port})`);
    return withDeviceSession({ host: device.address, port: device.port }, { signal: ctx.signal, commandTimeoutMs: this.config.commandTimeoutMs, log: ctx.log }, fn);
  }

  /** Writes every active employee to the device (by slot) and deletes inactive ones it still holds. */
  async syncToDevice(device: Device, ctx: OperationContext): Promise<SyncToDeviceResult> {
    const { active, inactive } = await this.employees.forDevice();
    const total = active.length + inactive.length;
    const result: SyncToDeviceResult = { total, written: 0, deleted: 0, failed: 0 };
    await this.session(device, ctx, async (s) => {
      await s.disable();
      let done = 0;
      for (const e of active) {
        ctx.signal.throwIfAborted();
        ctx.progress(done, total, `Writing ${done + 1} of ${total}: ${e.employeeNumber} ${e.name}`);
        const problem = e.deviceUid === null ? "No free device slot (1-65535) is left for this employee" : null;
        if (problem) {
          result.failed++;
          ctx.itemFailed({ key: e.employeeNumber, label: e.name }, new Error(problem));
        } else if ((await s.writeUser(encodeUser(EmployeeService.toDeviceUser(e)))) === ACK_OK) {
          result.written++;
          ctx.itemSucceeded();
        } else {
          result.failed++;
          ctx.itemFailed({ key: e.employeeNumber, label: e.name }, new Error(`The device refused the record (slot ${e.deviceUid}); its user table may be full`));
        }
        done++;
      }
      for (const e of inactive) {
        ctx.signal.throwIfAborted();
        ctx.progress(done, total, `Removing ${done + 1 - active.length} of ${inactive.length} inactive: ${e.employeeNumber} ${e.name}`);
        if ((await s.deleteUser(e.deviceUid!)) === ACK_OK) {
          result.deleted++;
          ctx.itemSucceeded();
        } else {
          result.failed++;
          ctx.itemFailed({ key: e.employeeNumber, label: e.name }, new Error(`The device refused to delete slot ${e.deviceUid}`));
        }
        done++;
      }
      // Terminals apply user changes to their fingerprint matcher on REFRESHDATA.
      await s.refresh();
      await s.enable();
      ctx.progress(total, total, `Wrote ${result.written}, removed ${result.deleted}, ${result.failed} failed`);
    });
    return result;
  }

  /** Reads the device's users and merges them into employees by employee number. */
  async syncFromDevice(device: Device, ctx: OperationContext): Promise<SyncFromDeviceResult> {
    const dataset = await this.session(device, ctx, async (s) => {
      const info = await s.info();
      ctx.progress(0, info.userCount, `Reading ${info.userCount} users`);
      await s.disable();
      const bytes = await s.read("users", (received) => ctx.progress(recordsIn(received, USER_RECORD_BYTES), info.userCount, "Reading users"));
      await s.enable();
      return bytes;
    });
    const users = decodeUsers(dataset);
    let done = 0;
    ctx.progress(0, users.length, `Merging ${users.length} users`);
    const merged = await this.employees.importFromDevice(users, (user, problem) => {
      done++;
      if (problem) ctx.itemFailed({ key: user.userId || `slot ${user.uid}`, label: user.name || undefined }, new Error(problem));
      else ctx.itemSucceeded();
      ctx.progress(done, users.length);
    });
    const result = { read: users.length, created: merged.created, updated: merged.updated, unchanged: merged.unchanged, failed: merged.problems.length };
    ctx.progress(users.length, users.length, `${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged, ${result.failed} failed`);
    return result;
  }

  /**
   * Reads the whole log (the device is disabled meanwhile, so nothing is punched between the read and a clear) and
   * stores it while it arrives, in one transaction that commits only once the read turned out whole: a read that
   * ended early or a failed insert leaves nothing stored. Only after the commit, if asked, is the device's log cleared.
   */
  async downloadAttendance(device: Device, options: { since: Date | null; clearAfter: boolean }, ctx: OperationContext): Promise<DownloadResult> {
    const clock = new DeviceClock(device.timezone);
    const sinceSeconds = options.since ? Math.floor(options.since.getTime() / 1000) : null;
    const result: DownloadResult = { read: 0, stored: 0, alreadyStored: 0, beforeSince: 0, failed: 0, cleared: false, timezone: device.timezone };
    const records = new AttendanceStream(clock, sinceSeconds);
    await this.session(device, ctx, async (s) => {
      const info = await s.info();
      ctx.progress(0, info.logCount, `Reading ${info.logCount} attendance records`);
      await s.disable();
      const writer = await this.attendance.begin(device.id, ctx.taskId);
      const report = (message: string) => ctx.progress(writer.written + records.beforeSince + records.unstorable.length, records.expected ?? info.logCount, message);
      const reportReading = () => report(`Reading attendance records: ${records.read} read, ${writer.written} stored`);
      const onStored = (size: number) => {
        for (let i = 0; i < size; i++) ctx.itemSucceeded();
        reportReading();
      };
      try {
        // Unless it is to be cleared, the device is turned back on as soon as it has sent everything, while the
        // rest is still being stored.
        let enabling: Promise<void> | undefined;
        const enable = () => {
          enabling = s.enable();
          enabling.catch(() => undefined); // awaited below; on a failure close() re-enables the device
        };
        await s.stream(
          "attendance",
          async (bytes) => {
            records.push(bytes);
            // Waits while the previous batch is still being inserted, which in the end holds the device back.
            if (records.pending >= STORE_BATCH) await writer.write(records.take()!, onStored);
            reportReading();
          },
          options.clearAfter ? undefined : enable,
        );
        records.finish();
        const last = records.take();
        if (last) await writer.write(last, onStored);
        report(`Read all ${records.read} records; storing the rest and committing`);
        const [stored] = await Promise.all([writer.commit(), enabling]);
        result.stored = stored;
      } catch (err) {
        await writer.rollback();
        throw err;
      }
      result.read = records.read;
      result.beforeSince = records.beforeSince;
      result.failed = records.unstorable.length;
      result.alreadyStored = writer.written - result.stored;
      // Reported only now: the records of a read that failed are no result, and neither are their errors.
      for (const r of records.unstorable) ctx.itemFailed({ key: `record ${r.index + 1}`, label: DeviceClock.describe(r.zkTime) }, new Error(r.reason));
      if (options.clearAfter) {
        // Committed above: clearing now loses nothing. The device stayed disabled since the read.
        ctx.progress(result.read, result.read, "Clearing the device's log");
        await s.clearAttendance();
        result.cleared = true;
        await s.enable();
      }
    });
    ctx.progress(result.read, result.read, `${result.stored} new, ${result.alreadyStored} already stored${result.beforeSince ? `, ${result.beforeSince} before the start date` : ""}${result.failed ? `, ${result.failed} failed` : ""}${result.cleared ? "; device log cleared" : ""}`);
    return result;
  }
}

function recordsIn(receivedBytes: number, recordBytes: number): number {
  return Math.max(0, Math.floor((receivedBytes - 4) / recordBytes));
}
