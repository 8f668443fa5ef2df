import { Field, Float, InputType, Int, ObjectType } from "type-graphql";
import { DateTime } from "../../graphql/scalars.js";
import { Privilege } from "./employee.entity.js";

@InputType("CreateDeviceInput")
export class CreateDeviceInput {
  @Field(() => String, { description: "1-100 characters, unique." })
  name!: string;

  @Field(() => String, { description: "Host name or IP address, without scheme or port." })
  address!: string;

  @Field(() => Int, { defaultValue: 4370 })
  port!: number;

  @Field(() => String, { defaultValue: "UTC", description: "IANA timezone the device's clock is set to, e.g. Europe/Berlin." })
  timezone!: string;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => Boolean, { defaultValue: true })
  enabled!: boolean;
}

@InputType("UpdateDeviceInput", { description: "Only the fields given change." })
export class UpdateDeviceInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  address?: string | null;

  @Field(() => Int, { nullable: true })
  port?: number | null;

  @Field(() => String, { nullable: true })
  timezone?: string | null;

  @Field(() => String, { nullable: true, description: "An empty string clears it." })
  location?: string | null;

  @Field(() => Boolean, { nullable: true })
  enabled?: boolean | null;
}

@InputType("DownloadAttendanceInput")
export class DownloadAttendanceInput {
  @Field(() => DateTime, { nullable: true, description: "Store only punches at or after this instant; all of them when null." })
  since?: Date | null;

  @Field(() => Boolean, { defaultValue: false, description: "Clear the device's log once the punches are committed." })
  clearAfter!: boolean;
}

@InputType("EmployeeFilter")
export class EmployeeFilter {
  @Field(() => String, { nullable: true, description: "Part of the name or employee number, any case." })
  search?: string | null;

  @Field(() => String, { nullable: true })
  department?: string | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

@InputType("AttendanceFilter")
export class AttendanceFilter {
  @Field(() => String, { nullable: true, description: "Part of the employee's name or number, any case." })
  search?: string | null;

  @Field(() => String, { nullable: true })
  employeeId?: string | null;

  @Field(() => String, { nullable: true })
  deviceId?: string | null;

  @Field(() => DateTime, { nullable: true, description: "At or after." })
  from?: Date | null;

  @Field(() => DateTime, { nullable: true, description: "Before." })
  to?: Date | null;
}

@ObjectType("DeviceInfo", { description: "What a device reported about itself." })
export class DeviceInfoType {
  @Field(() => String, { nullable: true })
  serialNumber!: string | null;

  @Field(() => String, { nullable: true })
  firmware!: string | null;

  @Field(() => Int)
  userCount!: number;

  @Field(() => Int)
  logCount!: number;

  @Field(() => Int)
  logCapacity!: number;

  @Field(() => String, { nullable: true, description: "The device's clock as it shows it (wall-clock time in its timezone)." })
  deviceTime!: string | null;

  @Field(() => Float, { nullable: true, description: "Device clock minus the real time in its timezone, in seconds (drift)." })
  clockDriftSeconds!: number | null;
}

@ObjectType("DeviceConnectionTest")
export class DeviceConnectionTest {
  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => String, { nullable: true, description: "Why not: CONNECTION_REFUSED, UNREACHABLE, NO_ANSWER, CONNECTION_DROPPED, DEVICE_BUSY, TIMED_OUT, ..." })
  reason!: string | null;

  @Field(() => String, { description: "What happened, in words." })
  message!: string;

  @Field(() => DeviceInfoType, { nullable: true })
  info!: DeviceInfoType | null;

  @Field(() => Int, { description: "How long the test took, in milliseconds." })
  elapsedMs!: number;
}

@InputType("EmployeeInput")
export class EmployeeInput {
  @Field(() => String)
  employeeNumber!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Float, { nullable: true })
  cardNumber?: number | null;

  @Field(() => Privilege, { defaultValue: Privilege.USER })
  privilege!: Privilege;

  @Field(() => String, { nullable: true })
  department?: string | null;

  @Field(() => Boolean, { defaultValue: true })
  active!: boolean;
}
