export { createZkSimulator } from "./server.js";
export type { PunchOptions, ZkSimulator, ZkSimulatorOptions, ZkSimulatorStats } from "./server.js";
export { DeviceState } from "./device-state.js";
export type { AttendanceInput, DeviceStateOptions, UserInput } from "./device-state.js";
export { NO_FAULTS } from "./faults.js";
export type { Faults } from "./faults.js";
export { Command, EventFlag, MAX_CHUNK, FrameDecoder, checksum, decodeBody, encodeFrame } from "./protocol.js";
export type { Frame } from "./protocol.js";
export {
  ATTENDANCE_RECORD_BYTES,
  USER_RECORD_BYTES,
  decodeAttendance,
  decodeUser,
  encodeAttendance,
  encodeUser,
} from "./records.js";
export type { AttendanceRecord, User } from "./records.js";
export { generateAttendance, generateUsers, seededRandom } from "./generate.js";
export { decodeZkTime, encodeZkTime, wallClockAt } from "./zk-time.js";
export type { WallClock } from "./zk-time.js";
