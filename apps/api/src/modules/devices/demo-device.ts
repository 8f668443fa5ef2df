import type { Device } from "./device.entity.js";
import type { DeviceService } from "./device.service.js";

/** The simulator `npm run zk-sim` starts (port 4370, as real terminals use): the demo's device. */
export const DEMO_DEVICE = { name: "Simulated terminal (demo)", address: "127.0.0.1", port: 4370, location: "npm run zk-sim -- --port 4370", enabled: true };

/** Registers the demo device once; a second demo run finds it by name. */
export async function ensureDemoDevice(devices: DeviceService, timezone: string): Promise<Device> {
  const existing = (await devices.list()).find((d) => d.name === DEMO_DEVICE.name);
  return existing ?? devices.create({ ...DEMO_DEVICE, timezone });
}
