import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, UseMiddleware } from "type-graphql";
import { StartsWork } from "../../graphql/auth-checker.js";
import { ConnectionType, pageSize } from "../../graphql/connection.js";
import { type Context, viewerOf } from "../../graphql/context.js";
import { canSeeTask } from "../identity/viewer.js";
import { Task } from "../tasks/task.entity.js";
import { AttendanceEvent } from "./attendance-event.entity.js";
import { Device } from "./device.entity.js";
import { AttendanceFilter, CreateDeviceInput, DeviceConnectionTest, DownloadAttendanceInput, EmployeeFilter, EmployeeInput, UpdateDeviceInput } from "./device.inputs.js";
import { DEVICE_TASKS } from "./device.service.js";
import { Employee } from "./employee.entity.js";

export const EmployeeConnection = ConnectionType("Employee", Employee);
export const AttendanceEventConnection = ConnectionType("AttendanceEvent", AttendanceEvent);

@Resolver(() => Device)
export class DeviceResolver {
  @Authorized("devices:read")
  @Query(() => [Device], { description: "Every device, by name." })
  devices(@Ctx() { app }: Context) {
    return app.devices.list();
  }

  @Authorized("devices:read")
  @Query(() => Device, { nullable: true })
  device(@Arg("id", () => ID) id: string, @Ctx() { app }: Context) {
    return app.devices.get(id);
  }

  @Authorized("devices:read")
  @Query(() => EmployeeConnection, { description: "Newest first." })
  employees(
    @Ctx() { app }: Context,
    @Arg("first", () => Int, { defaultValue: 50 }) first: number,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
    @Arg("filter", () => EmployeeFilter, { nullable: true }) filter?: EmployeeFilter | null,
  ) {
    return app.employees.list(pageSize(first, 50), after, filter);
  }

  @Authorized("devices:read")
  @Query(() => [String], { description: "Departments employees belong to, for filters." })
  employeeDepartments(@Ctx() { app }: Context) {
    return app.employees.departments();
  }

  @Authorized("devices:read")
  @Query(() => AttendanceEventConnection, { description: "Newest punch first." })
  attendanceEvents(
    @Ctx() { app }: Context,
    @Arg("first", () => Int, { defaultValue: 50 }) first: number,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
    @Arg("filter", () => AttendanceFilter, { nullable: true }) filter?: AttendanceFilter | null,
  ) {
    return app.attendance.list(pageSize(first, 50), after, filter);
  }

  @Authorized("devices:write")
  @Mutation(() => Device)
  async createDevice(@Arg("input", () => CreateDeviceInput) input: CreateDeviceInput, @Ctx() ctx: Context) {
    const d = await ctx.app.devices.create(input);
    await ctx.app.audit.record(ctx.viewer, "DEVICE_CREATED", { type: "Device", id: d.id }, { name: d.name, address: d.address, port: d.port, timezone: d.timezone }, ctx.meta.ip);
    return d;
  }

  @Authorized("devices:write")
  @Mutation(() => Device, { description: "Only the fields given change." })
  async updateDevice(@Arg("id", () => ID) id: string, @Arg("input", () => UpdateDeviceInput) input: UpdateDeviceInput, @Ctx() ctx: Context) {
    const d = await ctx.app.devices.update(id, input);
    const changed = Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined && (input as Record<string, unknown>)[k] !== null);
    await ctx.app.audit.record(ctx.viewer, "DEVICE_UPDATED", { type: "Device", id }, { name: d.name, changed }, ctx.meta.ip);
    return d;
  }

  @Authorized("devices:write")
  @Mutation(() => Device, { description: "Returns its last state. Its attendance stays; its waiting operations are cancelled." })
  async deleteDevice(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    const d = await ctx.app.devices.delete(id);
    await ctx.app.audit.record(ctx.viewer, "DEVICE_DELETED", { type: "Device", id }, { name: d.name }, ctx.meta.ip);
    return d;
  }

  @Authorized("devices:write")
  @Mutation(() => DeviceConnectionTest, { description: "Connects now and reports the device's info, or why it could not (not a task: a few seconds at most)." })
  async testDeviceConnection(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    const result = await ctx.app.devices.testConnection(id);
    await ctx.app.audit.record(ctx.viewer, "DEVICE_CONNECTION_TESTED", { type: "Device", id }, { ok: result.ok, reason: result.reason }, ctx.meta.ip);
    return result;
  }

  @Authorized("devices:write")
  @UseMiddleware(StartsWork)
  @Mutation(() => Task, { description: "Writes every active employee to the device and removes inactive ones. DEVICE_QUEUE_FULL when too many operations wait." })
  syncEmployeesToDevice(@Arg("deviceId", () => ID) deviceId: string, @Ctx() ctx: Context) {
    return this.start(ctx, DEVICE_TASKS.syncToDevice, deviceId, {});
  }

  @Authorized("devices:write")
  @UseMiddleware(StartsWork)
  @Mutation(() => Task, { description: "Imports the device's users, merged into employees by employee number." })
  syncEmployeesFromDevice(@Arg("deviceId", () => ID) deviceId: string, @Ctx() ctx: Context) {
    return this.start(ctx, DEVICE_TASKS.syncFromDevice, deviceId, {});
  }

  @Authorized("devices:write")
  @UseMiddleware(StartsWork)
  @Mutation(() => Task, { description: "Downloads the device's attendance log; each punch is stored once. clearAfter clears the device's log once they are committed." })
  downloadAttendance(
    @Arg("deviceId", () => ID) deviceId: string,
    @Arg("input", () => DownloadAttendanceInput, { nullable: true }) input: DownloadAttendanceInput | null,
    @Ctx() ctx: Context,
  ) {
    return this.start(ctx, DEVICE_TASKS.downloadAttendance, deviceId, { since: input?.since?.toISOString() ?? null, clearAfter: input?.clearAfter ?? false });
  }

  @Authorized("devices:write")
  @Mutation(() => Employee, { description: "Creates the employee, or updates the one with this employee number." })
  async saveEmployee(@Arg("input", () => EmployeeInput) input: EmployeeInput, @Ctx() ctx: Context) {
    const { employee, created } = await ctx.app.employees.save(input);
    await ctx.app.audit.record(ctx.viewer, created ? "EMPLOYEE_CREATED" : "EMPLOYEE_UPDATED", { type: "Employee", id: employee.id }, { employeeNumber: employee.employeeNumber }, ctx.meta.ip);
    return employee;
  }

  @FieldResolver(() => [Task], { description: "Its operations waiting or running, oldest first (those this caller may see)." })
  async openTasks(@Root() device: Device, @Ctx() ctx: Context) {
    const open = await ctx.app.devices.openTasks(device.id);
    const tasks = await ctx.app.tasks.loadMany(open.map((t) => t.id));
    return tasks.filter((t) => canSeeTask(viewerOf(ctx), t)).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  @FieldResolver(() => Task, { nullable: true, description: "The task of its newest finished operation." })
  async lastSyncTask(@Root() device: Device, @Ctx() ctx: Context) {
    if (!device.lastSyncTaskId) return null;
    const task = await ctx.app.tasks.get(device.lastSyncTaskId);
    return task && canSeeTask(viewerOf(ctx), task) ? task : null;
  }

  private async start(ctx: Context, type: string, deviceId: string, payload: Record<string, unknown>) {
    const device = await ctx.app.devices.getOrFail(deviceId);
    const task = await ctx.app.devices.enqueue(type, device, payload, { createdById: viewerOf(ctx).userId });
    await ctx.app.audit.record(ctx.viewer, "DEVICE_OPERATION_STARTED", { type: "Device", id: device.id }, { taskType: type, taskId: task.id, ...payload }, ctx.meta.ip);
    return task;
  }
}

@Resolver(() => AttendanceEvent)
export class AttendanceEventResolver {
  @FieldResolver(() => Employee, { nullable: true, description: "Null when the user id names no employee Taskline knows." })
  employee(@Root() event: AttendanceEvent, @Ctx() { app }: Context) {
    return event.employeeId ? app.employees.get(event.employeeId) : null;
  }

  @FieldResolver(() => Device, { nullable: true, description: "Null once the device was deleted." })
  device(@Root() event: AttendanceEvent, @Ctx() { app }: Context) {
    return event.deviceId ? app.devices.get(event.deviceId) : null;
  }
}
