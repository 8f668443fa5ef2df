import type { SyncFromDeviceResult } from "../../apps/api/src/modules/devices/device-operations.js";
import { defineTaskType } from "../contract.js";
import { devicePayload, deviceQueue, runOnDevice } from "./device-task.js";

/**
 * Seed 001's "sync employees from device": the terminal's users merged into employees by employee number, with
 * created, updated and unchanged counts. Safe to run twice: the merge is one transaction and a repeat changes nothing.
 */
export default defineTaskType({
  name: "devices.sync_employees_from_device",
  title: "Import employees from device",
  payload: devicePayload,
  visibility: "shared",
  queue: deviceQueue,
  run(ctx): Promise<SyncFromDeviceResult> {
    return runOnDevice(ctx, "devices.sync_employees_from_device", (device) => ctx.services.devices.operations.syncFromDevice(device, ctx), (r) => `${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged, ${r.failed} failed`);
  },
});
