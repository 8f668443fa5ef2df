import type { SyncToDeviceResult } from "../../apps/api/src/modules/devices/device-operations.js";
import { defineTaskType } from "../contract.js";
import { devicePayload, deviceQueue, runOnDevice } from "./device-task.js";

/**
 * Seed 001's "sync employees to device": every active employee written to the terminal (USER_WRQ, by slot),
 * inactive ones removed from it. Safe to run twice: writes replace the slot's record, deletes are idempotent.
 */
export default defineTaskType({
  name: "devices.sync_employees_to_device",
  title: "Sync employees to device",
  payload: devicePayload,
  visibility: "shared",
  queue: deviceQueue,
  run(ctx): Promise<SyncToDeviceResult> {
    return runOnDevice(ctx, "devices.sync_employees_to_device", (device) => ctx.services.devices.operations.syncToDevice(device, ctx), (r) => `Wrote ${r.written} employees, removed ${r.deleted}, ${r.failed} failed`);
  },
});
