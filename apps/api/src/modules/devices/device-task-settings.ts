import type { TaskType } from "../../../../../tasks/contract.js";
import type { DeviceConfig } from "../../config.js";

/**
 * Device task types take their time limit (DEVICE_TIME_LIMIT_MS) and first retry delay (DEVICE_RETRY_DELAY_MS)
 * from the configuration, which task type files cannot read. Applied where the registry is built.
 */
export function withDeviceSettings<T extends TaskType<any, unknown>>(types: T[], config: DeviceConfig): T[] {
  return types.map((t) =>
    t.name.startsWith("devices.") && t.name !== "devices.download_all_attendance"
      ? { ...t, timeLimitMs: config.timeLimitMs, backoff: { ...t.backoff, initialMs: config.retryDelayMs } }
      : t,
  );
}
