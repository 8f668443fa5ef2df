import { setTimeout as sleep } from "node:timers/promises";
import { Command } from "@taskline/zk-simulator";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTaskline, type TestTaskline } from "../support/taskline.js";
import { addDevice, simulators, START, SYNC_FROM, waitForTask } from "../support/devices.js";

const sims = simulators();

describe("device operations when the device or the network misbehaves", () => {
  let app: TestTaskline;
  const unhandled: unknown[] = [];
  const record = (reason: unknown) => unhandled.push(reason);
  beforeAll(async () => {
    process.on("unhandledRejection", record);
    app = await startTaskline({
      env: { DEVICE_TIME_LIMIT_MS: "30000", DEVICE_COMMAND_TIMEOUT_MS: "1000", DEVICE_RETRY_DELAY_MS: "1500", DEVICE_QUEUE_LIMIT: "3", DEVICE_QUEUE_LIMIT_TOTAL: "4" },
    });
  });
  afterEach(async () => {
    await sims.closeAll();
    await app.pool.query(`DELETE FROM attendance_event; DELETE FROM device`);
    // Nothing node-zklib does may reach the worker's process.
    expect(unhandled.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await app.close();
    process.off("unhandledRejection", record);
  });

  it("fails an attempt whose connection drops mid-transfer, stores nothing of it, and the retry stores every punch once", async () => {
    const sim = await sims.start({ users: 10, attendance: 16_000, faults: { dropMidTransferAfterChunks: 3 } });
    const device = await addDevice(app, sim);

    const id = (await app.gql(START, { deviceId: device.id })).data.downloadAttendance.id;
    const retrying = await waitForTask(app, id, ["retrying", "failed", "completed"]);
    const storedAfterDrop = (await app.pool.query(`SELECT count(*)::int AS n FROM attendance_event`)).rows[0].n;
    const enabledAfterDrop = sim.state.enabled;
    sim.setFaults({ dropMidTransferAfterChunks: null });
    const done = await waitForTask(app, id);
    const { rows } = await app.pool.query(`SELECT count(*)::int AS n, count(DISTINCT (device_user_id, occurred_at))::int AS d FROM attendance_event`);

    expect(retrying).toMatchObject({ status: "retrying", error: expect.stringMatching(/connection dropped during the attendance read/i) });
    expect(storedAfterDrop).toBe(0);
    expect(enabledAfterDrop).toBe(true);
    expect(done).toMatchObject({ status: "completed", attempts: 2 });
    expect(rows[0]).toEqual({ n: 16_000, d: 16_000 });
  });

  it("rolls back the batches already stored when the connection drops late in a streamed read, and with clearAfter leaves the device's log intact", async () => {
    // 40,000 punches are 25 chunks; the drop after 20 comes when several batches of 5,000 are already inserted.
    const sim = await sims.start({ users: 10, attendance: 40_000, faults: { dropMidTransferAfterChunks: 20 } });
    const device = await addDevice(app, sim);

    const id = (await app.gql(START, { deviceId: device.id, input: { clearAfter: true } })).data.downloadAttendance.id;
    const retrying = await waitForTask(app, id, ["retrying", "failed", "completed"]);
    const storedAfterDrop = (await app.pool.query(`SELECT count(*)::int AS n FROM attendance_event`)).rows[0].n;
    const logAfterDrop = sim.state.attendance.length;
    sim.setFaults({ dropMidTransferAfterChunks: null });
    const done = await waitForTask(app, id);
    const { rows } = await app.pool.query(`SELECT count(*)::int AS n, count(DISTINCT (device_user_id, occurred_at))::int AS d FROM attendance_event`);

    expect(retrying).toMatchObject({ status: "retrying", error: expect.stringMatching(/connection dropped during the attendance read/i) });
    expect(retrying.success_count).toBeGreaterThan(0); // stored inside the transaction before the drop...
    expect(storedAfterDrop).toBe(0); // ...and rolled back with it
    expect(logAfterDrop).toBe(40_000);
    expect(done).toMatchObject({ status: "completed", attempts: 2, result: expect.objectContaining({ read: 40_000, stored: 40_000, cleared: true }) });
    expect(rows[0]).toEqual({ n: 40_000, d: 40_000 });
    expect(sim.state.attendance).toHaveLength(0);
    expect(sim.state.enabled).toBe(true);
  });

  it("never stores a read with a truncated chunk: the attempt fails as partial, the retry stores the whole log", async () => {
    const sim = await sims.start({ users: 10, attendance: 8_000, faults: { truncateChunk: 1 } });
    const device = await addDevice(app, sim);

    const id = (await app.gql(START, { deviceId: device.id })).data.downloadAttendance.id;
    const first = await waitForTask(app, id, ["retrying", "failed", "completed"]);
    const storedAfterFirst = (await app.pool.query(`SELECT count(*)::int AS n FROM attendance_event`)).rows[0].n;
    sim.setFaults({ truncateChunk: null });
    const done = await waitForTask(app, id);

    // node-zklib resolves such a read with partial data and `err` after its fixed 10 s wait.
    expect(first).toMatchObject({ status: "retrying", error: expect.stringMatching(/stopped sending during the attendance read/) });
    expect(storedAfterFirst).toBe(0);
    expect(done).toMatchObject({ status: "completed", attempts: 2 });
    expect((await app.pool.query(`SELECT count(*)::int AS n FROM attendance_event`)).rows[0].n).toBe(8_000);
  });

  it("gives up on a refused connection with the reason, after its attempts", async () => {
    const sim = await sims.start();
    const device = await addDevice(app, sim);
    await sim.close(); // nothing listens on the port any more

    const id = (await app.gql(SYNC_FROM, { deviceId: device.id })).data.syncEmployeesFromDevice.id;
    const task = await waitForTask(app, id);
    const deviceRow = await app.gql(`query($id: ID!) { device(id: $id) { lastSyncStatus lastSyncMessage } }`, { id: device.id });

    expect(task).toMatchObject({ status: "failed", attempts: 3 });
    expect(task.error).toMatch(/refused the connection/);
    expect(deviceRow.data.device.lastSyncStatus).toBe("FAILED");
  });

  it("survives node-zklib's unhandled rejection inside the session: the attempt fails, the worker runs the retry", async () => {
    // A device that never answers DATA_WRRQ makes node-zklib reject and then throw inside its own promise executor.
    const sim = await sims.start({ users: 5, faults: { stallCommand: Command.DATA_WRRQ } });
    const device = await addDevice(app, sim);

    const id = (await app.gql(SYNC_FROM, { deviceId: device.id })).data.syncEmployeesFromDevice.id;
    const first = await waitForTask(app, id, ["retrying", "failed", "completed"]);
    sim.setFaults({ stallCommand: null });
    const done = await waitForTask(app, id);

    expect(first).toMatchObject({ status: "retrying", error: expect.stringMatching(/did not answer|crashed/) });
    expect(done).toMatchObject({ status: "completed", attempts: 2 });
    expect(done.result).toMatchObject({ read: 5, created: 5 });
  });

  it("runs two operations on one device one after the other, the second waiting visibly", async () => {
    const sim = await sims.start({ users: 50, attendance: 8_000, faults: { latencyMs: 20 } });
    const device = await addDevice(app, sim);
    let maxConnections = 0;
    const sampler = setInterval(() => (maxConnections = Math.max(maxConnections, sim.openConnections)), 5);

    const a = (await app.gql(START, { deviceId: device.id })).data.downloadAttendance;
    const b = (await app.gql(SYNC_FROM, { deviceId: device.id })).data.syncEmployeesFromDevice;
    const [ta, tb] = [await waitForTask(app, a.id), await waitForTask(app, b.id)];
    clearInterval(sampler);

    expect(a.progress.message).toBeNull();
    expect(b).toMatchObject({ status: "PENDING", progress: { message: expect.stringMatching(/^Waiting for device ".+": another operation is ahead of this one$/) } });
    expect([ta.status, tb.status, ta.error, tb.error]).toEqual(["completed", "completed", null, null]);
    expect(tb.started_at.getTime()).toBeGreaterThanOrEqual(ta.finished_at.getTime());
    expect(maxConnections).toBe(1);
  });

  it("runs operations on two devices side by side", async () => {
    const [s1, s2] = [await sims.start({ users: 10, attendance: 8_000, faults: { latencyMs: 20 } }), await sims.start({ users: 10, attendance: 8_000, faults: { latencyMs: 20 } })];
    const [d1, d2] = [await addDevice(app, s1), await addDevice(app, s2)];

    const a = (await app.gql(START, { deviceId: d1.id })).data.downloadAttendance;
    const b = (await app.gql(START, { deviceId: d2.id })).data.downloadAttendance;
    const [ta, tb] = [await waitForTask(app, a.id), await waitForTask(app, b.id)];

    expect(b.progress.message).toBeNull();
    expect([ta.status, tb.status, ta.error, tb.error]).toEqual(["completed", "completed", null, null]);
    expect(tb.started_at.getTime()).toBeLessThan(ta.finished_at.getTime());
    expect(ta.started_at.getTime()).toBeLessThan(tb.finished_at.getTime());
  });

  it("refuses operations past the per-device and the global queue limits before queueing anything", async () => {
    const sim = await sims.start({ users: 5, faults: { stallCommand: Command.GET_FREE_SIZES } });
    const [d1, d2] = [await addDevice(app, sim), await addDevice(app, sim)];
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await app.gql(START, { deviceId: d1.id })).data.downloadAttendance.id);
    const before = (await app.pool.query(`SELECT count(*)::int AS n FROM task WHERE queue_name LIKE 'device:%'`)).rows[0].n;

    const perDevice = await app.gql(START, { deviceId: d1.id });
    ids.push((await app.gql(START, { deviceId: d2.id })).data.downloadAttendance.id);
    const global = await app.gql(START, { deviceId: d2.id });
    const after = (await app.pool.query(`SELECT count(*)::int AS n FROM task WHERE queue_name LIKE 'device:%'`)).rows[0].n;
    for (const id of ids) await app.gql(`mutation($id: ID!) { cancelTask(id: $id) { id } }`, { id });
    for (const id of ids) await waitForTask(app, id);

    expect(perDevice.errors?.[0]?.extensions).toEqual({ code: "DEVICE_QUEUE_FULL", deviceId: d1.id, scope: "DEVICE", limit: 3 });
    expect(global.errors?.[0]?.extensions).toEqual({ code: "DEVICE_QUEUE_FULL", deviceId: d2.id, scope: "ALL", limit: 4 });
    expect(after).toBe(before + 1);
  });
});

describe("device operations past their time limit", () => {
  let app: TestTaskline;
  beforeAll(async () => {
    app = await startTaskline({ env: { DEVICE_TIME_LIMIT_MS: "5000", DEVICE_COMMAND_TIMEOUT_MS: "1000", DEVICE_RETRY_DELAY_MS: "1500" } });
  });
  afterEach(async () => {
    await sims.closeAll();
  });
  afterAll(async () => {
    await app.close();
  });

  it("ends a session whose device stalls mid-read at the time limit, and re-enables the device", async () => {
    const sim = await sims.start({ users: 10, attendance: 16_000, faults: { stallCommand: Command.DATA_RDY } });
    const device = await addDevice(app, sim);

    const id = (await app.gql(START, { deviceId: device.id })).data.downloadAttendance.id;
    const task = await waitForTask(app, id);
    await sleep(200);

    expect(task).toMatchObject({ status: "failed", error: "Timed out after 5 s" });
    expect(sim.state.enabled).toBe(true);
    expect(sim.openConnections).toBe(0);
    expect((await app.pool.query(`SELECT count(*)::int AS n FROM attendance_event`)).rows[0].n).toBe(0);
  });

  it("cancels a running download at once, closing its session", async () => {
    const sim = await sims.start({ users: 10, attendance: 16_000, faults: { stallCommand: Command.DATA_RDY } });
    const device = await addDevice(app, sim);
    const id = (await app.gql(START, { deviceId: device.id })).data.downloadAttendance.id;
    await waitForTask(app, id, ["running"]);
    await sleep(300);

    await app.gql(`mutation($id: ID!) { cancelTask(id: $id) { id } }`, { id });
    const task = await waitForTask(app, id);
    const openAfterCancel = sim.openConnections;

    // Cancelled, not timed out: the session did not wait for node-zklib's 10 s read timer or the 5 s limit.
    expect(task).toMatchObject({ status: "cancelled", error: expect.stringMatching(/cancel/i) });
    expect(openAfterCancel).toBe(0);
    expect(sim.state.enabled).toBe(true);
  });
});
