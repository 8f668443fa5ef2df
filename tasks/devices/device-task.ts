import { z } from "zod";
import type { Device } from "../../apps/api/src/modules/devices/device.entity.js";
import { PermanentTaskError, type TaskContext } from "../contract.js";

export const devicePayload = z.object({ deviceId: z.string().uuid() });

/** Every device task runs in the device's own queue: one operation at a time per device. */
export const deviceQueue = (p: { deviceId: string }) => `device:${p.deviceId}`;

/**
 * Runs one device operation and records its outcome on the device (the Devices page's "last sync"). A device
 * deleted meanwhile fails the task for good; any other throw is retried by the task contract.
 */
export async function runOnDevice<P extends { deviceId: string }, R>(ctx: TaskContext<P>, type: string, operation: (device: Device) => Promise<R>, describe: (result: R) => string): Promise<R> {
  const { service } = ctx.services.devices;
  const device = await service.get(ctx.payload.deviceId);
  if (!device) throw new PermanentTaskError(`Device ${ctx.payload.deviceId} no longer exists`);
  try {
    const result = await operation(device);
    await service.recordOutcome(device.id, ctx.taskId, type, "COMPLETED", describe(result));
    return result;
  } catch (err) {
    const reason = ctx.signal.aborted ? ctx.signal.reason : err;
    const message = reason instanceof Error ? reason.message : String(reason);
    const retry = ctx.attempt < ctx.maxAttempts && !ctx.signal.aborted && !(err instanceof PermanentTaskError);
    await service.recordOutcome(device.id, ctx.taskId, type, "FAILED", `${message}${retry ? ` (attempt ${ctx.attempt} of ${ctx.maxAttempts}; retrying)` : ""}`).catch(() => undefined);
    throw err;
  }
}
