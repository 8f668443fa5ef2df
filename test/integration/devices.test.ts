import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { encodeZkTime } from "@taskline/zk-simulator";
import { collect, startTaskline, TASK_FIELDS, type TestTaskline } from "../support/taskline.js";
import { addDevice, itemErrors, simulators, START, SYNC_FROM, SYNC_TO, waitForTask } from "../support/devices.js";

const sims = simulators();

describe("devices, employees and attendance against the ZK simulator (node-zklib, unmodified)", () => {
  let app: TestTaskline;
  beforeAll(async () => {
    app = await startTaskline();
  });
  afterEach(async () => {
    await sims.closeAll();
    await app.pool.query(`DELETE FROM attendance_event; DELETE FROM employee; DELETE FROM device`);
  });
  afterAll(async () => {
    await app.close();
  });

  it("tests a connection: the device's serial number, counts and clock, or a clear reason", async () => {
    const sim = await sims.start({ users: 12, attendance: 345, serialNumber: "SIM-TEST-42", timezone: "Asia/Tokyo" });
    const device = await addDevice(app, sim, { timezone: "Asia/Tokyo" });

    const ok = await app.gql(`mutation($id: ID!) { testDeviceConnection(id: $id) { ok reason message info { serialNumber firmware userCount logCount logCapacity deviceTime clockDriftSeconds } } }`, { id: device.id });
    await sim.close();
    const down = await app.gql(`mutation($id: ID!) { testDeviceConnection(id: $id) { ok reason message } }`, { id: device.id });
    const stored = await app.gql(`query($id: ID!) { device(id: $id) { serialNumber } }`, { id: device.id });

    expect(ok.data.testDeviceConnection).toMatchObject({ ok: true, reason: null, info: { serialNumber: "SIM-TEST-42", userCount: 12, logCount: 345, logCapacity: 200_000 } });
    expect(Math.abs(ok.data.testDeviceConnection.info.clockDriftSeconds)).toBeLessThanOrEqual(5);
    expect(down.data.testDeviceConnection).toMatchObject({ ok: false, reason: "CONNECTION_REFUSED" });
    expect(down.data.testDeviceConnection.message).toMatch(/refused the connection/);
    expect(stored.data.device.serialNumber).toBe("SIM-TEST-42");
  });

  it("imports the device's users, merging by employee number with created, updated and unchanged counts", async () => {
    const sim = await sims.start({
      users: [
        { uid: 1, userId: "1001", name: "Anna Berg", role: 14, cardNo: 4_000_000_123 },
        { uid: 2, userId: "1002", name: "Ben Costa", cardNo: 77 },
        { uid: 3, userId: "1003", name: "Clara Dietz" },
        { uid: 4, userId: "bad id!", name: "Not Valid" },
      ],
    });
    const device = await addDevice(app, sim);
    await app.gql(`mutation { saveEmployee(input: { employeeNumber: "1002", name: "Ben Costa", cardNumber: 77, department: "Ops" }) { id } }`);
    await app.gql(`mutation { saveEmployee(input: { employeeNumber: "1003", name: "Clara Old", department: "HR" }) { id } }`);

    const started = await app.gql(SYNC_FROM, { deviceId: device.id });
    const task = await waitForTask(app, started.data.syncEmployeesFromDevice.id);
    const { rows } = await app.pool.query(`SELECT employee_number, name, card_number, privilege, department, device_uid FROM employee ORDER BY employee_number`);

    expect(task.status).toBe("completed");
    expect(task.result).toEqual({ read: 4, created: 1, updated: 1, unchanged: 1, failed: 1 });
    expect([task.success_count, task.failure_count]).toEqual([3, 1]);
    expect(await itemErrors(app, task.id)).toEqual([{ item_key: "bad id!", item_label: "Not Valid", message: expect.stringMatching(/not a valid employee number/) }]);
    expect(rows).toEqual([
      { employee_number: "1001", name: "Anna Berg", card_number: "4000000123", privilege: "admin", department: null, device_uid: 1 },
      { employee_number: "1002", name: "Ben Costa", card_number: "77", privilege: "user", department: "Ops", device_uid: 2 },
      { employee_number: "1003", name: "Clara Dietz", card_number: null, privilege: "user", department: "HR", device_uid: 3 },
    ]);
    expect(sim.state.enabled).toBe(true);
  });

  it("writes active employees to the device and removes inactive ones, with per-employee errors", async () => {
    const sim = await sims.start({ users: [{ uid: 9, userId: "0009", name: "Left Already" }], userCapacity: 3 });
    const device = await addDevice(app, sim);
    for (const [n, name] of [["2001", "Elif Engel"], ["2002", "Farid Fischer"], ["2003", "Greta Graf"], ["2004", "Hugo Hahn"]]) {
      await app.gql(`mutation($n: String!, $name: String!) { saveEmployee(input: { employeeNumber: $n, name: $name, cardNumber: 12345 }) { id } }`, { n, name });
    }
    await app.pool.query(`INSERT INTO employee (employee_number, name, active, device_uid) VALUES ('0009', 'Left Already', false, 9)`);

    const started = await app.gql(SYNC_TO, { deviceId: device.id });
    const task = await waitForTask(app, started.data.syncEmployeesToDevice.id);

    expect(task.status).toBe("completed");
    // Capacity 3 with one slot taken: two of four fit before the device refuses; the inactive one is deleted.
    expect(task.result).toEqual({ total: 5, written: 2, deleted: 1, failed: 2 });
    expect(sim.state.users.map((u) => [u.userId, u.name, u.cardNo])).toEqual([
      ["2001", "Elif Engel", 12345],
      ["2002", "Farid Fischer", 12345],
    ]);
    expect((await itemErrors(app, task.id)).map((e) => [e.item_key, e.item_label, e.message])).toEqual([
      ["2003", "Greta Graf", expect.stringMatching(/refused the record/)],
      ["2004", "Hugo Hahn", expect.stringMatching(/refused the record/)],
    ]);
    expect(sim.state.enabled).toBe(true);
  });

  it("downloads attendance from a device in another timezone as correct UTC instants, each punch stored once", async () => {
    const punches = [
      new Date("2024-03-09T23:30:00Z"), // New York: 18:30 EST
      new Date("2024-03-10T06:59:59Z"), // 01:59:59 EST, just before the clocks go forward
      new Date("2024-03-10T07:00:00Z"), // 03:00:00 EDT
      new Date("2024-11-03T05:30:00Z"), // 01:30 EDT (the first 01:30 of the night)
    ];
    const sim = await sims.start({
      timezone: "America/New_York",
      users: [{ uid: 1, userId: "3001", name: "Ines Jung" }],
      attendance: punches.map((timestamp, i) => ({ userId: "3001", timestamp, verifyType: i === 0 ? 15 : 1, punchState: i % 2 })),
    });
    const device = await addDevice(app, sim, { timezone: "America/New_York" });
    await app.gql(`mutation { saveEmployee(input: { employeeNumber: "3001", name: "Ines Jung" }) { id } }`);

    const first = await waitForTask(app, (await app.gql(START, { deviceId: device.id })).data.downloadAttendance.id);
    const again = await waitForTask(app, (await app.gql(START, { deviceId: device.id })).data.downloadAttendance.id);
    const events = await app.gql(`query($d: String) { attendanceEvents(first: 10, filter: { deviceId: $d }) { totalCount edges { node { occurredAt deviceUserId verifyType verifyMethod punchState employee { name } device { name } } } } }`, { d: device.id });

    expect(first.result).toMatchObject({ read: 4, stored: 4, alreadyStored: 0, cleared: false, timezone: "America/New_York" });
    expect(again.result).toMatchObject({ read: 4, stored: 0, alreadyStored: 4 });
    expect(events.data.attendanceEvents.totalCount).toBe(4);
    expect(events.data.attendanceEvents.edges.map((e: any) => e.node.occurredAt).sort()).toEqual(punches.map((p) => p.toISOString()));
    expect(events.data.attendanceEvents.edges.at(-1).node).toMatchObject({ deviceUserId: "3001", verifyType: 15, verifyMethod: "face", punchState: 0, employee: { name: "Ines Jung" }, device: { name: device.name } });
    const deviceRow = await app.gql(`query($id: ID!) { device(id: $id) { lastSyncStatus lastSyncType lastSyncMessage lastSyncTask { id } } }`, { id: device.id });
    expect(deviceRow.data.device).toMatchObject({ lastSyncStatus: "COMPLETED", lastSyncType: "devices.download_attendance", lastSyncTask: { id: again.id } });
  });

  it("keeps punches before `since` out, and refuses to clear the device's log with `since` (older punches would be lost)", async () => {
    const sim = await sims.start({ users: 5, attendance: 2_000 });
    const device = await addDevice(app, sim);
    const cutoff = new Date(Date.UTC(2024, 0, 1, 12)); // the generated log starts 2024-01-01 00:00 device time (UTC)
    const cut = encodeZkTime({ year: 2024, month: 1, day: 1, hour: 12, minute: 0, second: 0 });
    const expectedKept = sim.state.attendance.filter((r) => r.time >= cut).length;

    const refused = await app.gql(START, { deviceId: device.id, input: { since: cutoff.toISOString(), clearAfter: true } });
    const task = await waitForTask(app, (await app.gql(START, { deviceId: device.id, input: { since: cutoff.toISOString() } })).data.downloadAttendance.id);
    const { rows } = await app.pool.query(`SELECT count(*)::int AS n, min(occurred_at) AS first FROM attendance_event`);

    expect(refused.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(refused.errors?.[0]?.message).toMatch(/clearAfter clears the whole device log/);
    expect(task.result).toMatchObject({ read: 2_000, stored: expectedKept, beforeSince: 2_000 - expectedKept, cleared: false });
    expect(rows[0].n).toBe(expectedKept);
    expect(rows[0].first.getTime()).toBeGreaterThanOrEqual(cutoff.getTime());
    expect(sim.state.attendance).toHaveLength(2_000);
  });

  it("counts punches stored by an earlier download as already stored, across the device's chunks", async () => {
    const sim = await sims.start({ users: 50, attendance: 12_000 }); // 8 chunks
    const device = await addDevice(app, sim);
    const cut = encodeZkTime({ year: 2024, month: 1, day: 3, hour: 0, minute: 0, second: 0 });
    const earlier = sim.state.attendance.filter((r) => r.time >= cut).length;

    const first = await waitForTask(app, (await app.gql(START, { deviceId: device.id, input: { since: "2024-01-03T00:00:00Z" } })).data.downloadAttendance.id);
    const second = await waitForTask(app, (await app.gql(START, { deviceId: device.id })).data.downloadAttendance.id);
    const { rows } = await app.pool.query(`SELECT count(*)::int AS n FROM attendance_event`);

    expect(earlier).toBeGreaterThan(0);
    expect(earlier).toBeLessThan(12_000);
    expect(first.result).toMatchObject({ read: 12_000, stored: earlier, alreadyStored: 0, beforeSince: 12_000 - earlier, failed: 0 });
    expect(second.result).toMatchObject({ read: 12_000, stored: 12_000 - earlier, alreadyStored: earlier, beforeSince: 0, failed: 0 });
    expect(second.success_count).toBe(12_000);
    expect(rows[0].n).toBe(12_000);
  });

  it("clears the device's log only after the punches are committed, and re-enables the device", async () => {
    const sim = await sims.start({ users: 5, attendance: 2_000 });
    const device = await addDevice(app, sim);

    const task = await waitForTask(app, (await app.gql(START, { deviceId: device.id, input: { clearAfter: true } })).data.downloadAttendance.id);
    const { rows } = await app.pool.query(`SELECT count(*)::int AS n FROM attendance_event`);

    expect(task.result).toMatchObject({ read: 2_000, stored: 2_000, cleared: true });
    expect(rows[0].n).toBe(2_000);
    expect(sim.state.attendance).toHaveLength(0);
    expect(sim.state.enabled).toBe(true);
  });

  it("downloads 100,000 records through the chunked path, reporting progress per record as it reads and stores", async () => {
    const sim = await sims.start({ users: 3_000, attendance: 100_000, timezone: "Europe/Berlin" });
    const device = await addDevice(app, sim, { timezone: "Europe/Berlin" });

    const started = await app.gql(START, { deviceId: device.id });
    type Event = { taskUpdated: { status: string; progress: { current: number; total: number | null; message: string | null } } };
    const events = await collect<Event>(app.wsClient(), `subscription($id: ID!) { taskUpdated(id: $id) { ${TASK_FIELDS} } }`, { id: started.data.downloadAttendance.id }, (e) => ["COMPLETED", "FAILED"].includes(e.taskUpdated.status), 120_000);
    const task = await waitForTask(app, started.data.downloadAttendance.id);
    const { rows } = await app.pool.query(`SELECT count(*)::int AS n, count(DISTINCT (device_user_id, occurred_at))::int AS distinct_n, count(employee_id)::int AS linked FROM attendance_event`);

    expect(task.status).toBe("completed");
    expect(task.result).toMatchObject({ read: 100_000, failed: 0 });
    expect(task.result.stored + task.result.alreadyStored).toBe(100_000);
    expect(rows[0].n).toBe(task.result.stored);
    expect(rows[0].distinct_n).toBe(rows[0].n);
    expect(rows[0].linked).toBe(0); // no employees imported: punches are kept with the device's user id
    expect(sim.stats.chunksSent).toBe(Math.ceil((4 + 100_000 * 40) / 65_472));
    const partial = events.map((e) => e.taskUpdated.progress).filter((p) => p.total && p.current > 0 && p.current < p.total);
    expect(partial.some((p) => /Reading attendance/.test(p.message ?? ""))).toBe(true);
    expect(task.success_count).toBe(100_000);
    expect(sim.state.enabled).toBe(true);
  });

  it("refuses bad device input with BAD_USER_INPUT naming the field", async () => {
    const bad = await app.gql(`mutation { createDevice(input: { name: "x", address: "http://10.0.0.1", timezone: "Mars/Olympus" }) { id } }`);
    const tz = await app.gql(`mutation { createDevice(input: { name: "x", address: "10.0.0.1", timezone: "Mars/Olympus" }) { id } }`);

    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "address" });
    expect(tz.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "timezone" });
  });
});
