import { z } from "zod";
import { DeviceQueueFullError } from "../../apps/api/src/graphql/errors.js";
import { defineTaskType } from "../contract.js";

/**
 * The nightly default schedule's task: one devices.download_attendance per enabled device, each in its device's
 * queue (so a device busy with something else gets its download after it). A device whose queue is full is
 * reported as a failed item; the others still get theirs. Safe to run twice: downloads store each punch once.
 */
export default defineTaskType({
  name: "devices.download_all_attendance",
  title: "Download attendance from every device",
  payload: z.object({}).passthrough(),
  visibility: "shared",
  timeLimitMs: 60_000,
  async run(ctx): Promise<{ devices: number; queued: string[] }> {
    const { service } = ctx.services.devices;
    const devices = (await service.list()).filter((d) => d.enabled);
    const queued: string[] = [];
    ctx.progress(0, devices.length, `Queueing downloads for ${devices.length} devices`);
    for (const [i, device] of devices.entries()) {
      ctx.signal.throwIfAborted();
      try {
        const task = await service.enqueue("devices.download_attendance", device, { since: null, clearAfter: false });
        queued.push(task.id);
        ctx.itemSucceeded();
      } catch (err) {
        if (!(err instanceof DeviceQueueFullError)) throw err;
        ctx.itemFailed({ key: device.id, label: device.name }, err);
      }
      ctx.progress(i + 1, devices.length);
    }
    return { devices: devices.length, queued };
  },
});
