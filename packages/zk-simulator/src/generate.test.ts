import { describe, expect, it } from "vitest";
import { generateAttendance, generateUsers } from "./generate.js";
import { decodeZkTime } from "./zk-time.js";

describe("generated fixtures", () => {
  it("are identical for the same seed and differ for another", () => {
    expect(generateUsers(50, 7)).toEqual(generateUsers(50, 7));
    expect(generateUsers(50, 7)).not.toEqual(generateUsers(50, 8));
  });

  it("give users unique uids and user ids that fit node-zklib's 9 characters", () => {
    const users = generateUsers(3_000);

    expect(new Set(users.map((u) => u.uid)).size).toBe(3_000);
    expect(new Set(users.map((u) => u.userId)).size).toBe(3_000);
    expect(users.every((u) => u.userId.length <= 9 && /^[\x20-\x7e]+$/.test(u.name))).toBe(true);
  });

  it("log punches by known users in chronological order", () => {
    const users = generateUsers(10);
    const log = generateAttendance(1_000, users);

    const ids = new Set(users.map((u) => u.userId));
    expect(log.every((r) => ids.has(r.userId) && users[r.userSn - 1]!.userId === r.userId)).toBe(true);
    expect(log.every((r, i) => i === 0 || r.time > log[i - 1]!.time)).toBe(true);
    expect(decodeZkTime(log[0]!.time)).toMatchObject({ year: 2024, month: 1, day: 1 });
  });
});
