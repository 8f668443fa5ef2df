import { z } from "zod";
import type { DownloadResult } from "../../apps/api/src/modules/devices/device-operations.js";
import { defineTaskType } from "../contract.js";
import { devicePayload, deviceQueue, runOnDevice } from "./device-task.js";

/**
 * Seed 001's attendance download: the terminal's whole log, converted from its clock's timezone to UTC and stored
 * once per punch; with `clearAfter`, the device's log is cleared only after the punches are committed. Safe to run
 * twice: the unique key drops punches already stored.
 */
export default defineTaskType({
  name: "devices.download_attendance",
  title: "Download attendance",
  payload: devicePayload
    .extend({
      since: z.string().datetime({ offset: true }).nullable().default(null),
      clearAfter: z.boolean().default(false),
    })
    // Clearing wipes every record on the device: with `since`, the older ones would be lost unstored.
    .refine((p) => !(p.clearAfter && p.since), { message: "clearAfter clears the whole device log: records before since would be lost. Download without since to clear", path: ["clearAfter"] }),
  visibility: "shared",
  queue: deviceQueue,
  run(ctx): Promise<DownloadResult> {
    const since = ctx.payload.since ? new Date(ctx.payload.since) : null;
    return runOnDevice(
      ctx,
      "devices.download_attendance",
      (device) => ctx.services.devices.operations.downloadAttendance(device, { since, clearAfter: ctx.payload.clearAfter }, ctx),
      (r) => `Read ${r.read} records: ${r.stored} new, ${r.alreadyStored} already stored${r.failed ? `, ${r.failed} failed` : ""}${r.cleared ? "; device log cleared" : ""}`,
    );
  },
});
