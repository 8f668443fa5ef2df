import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateTime } from "../../graphql/scalars.js";

/** A ZKTeco terminal Taskline talks to over TCP (docs/devices.md). */
@ObjectType("Device", { description: "A ZKTeco attendance terminal." })
export class Device {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "Host name or IP address." })
  address!: string;

  @Field(() => Int, { description: "TCP port; 4370 on most terminals." })
  port!: number;

  @Field(() => String, { description: "IANA timezone of the device's clock: its times are wall-clock times there." })
  timezone!: string;

  @Field(() => String, { nullable: true })
  location!: string | null;

  @Field(() => Boolean, { description: "Disabled devices are skipped by the nightly download." })
  enabled!: boolean;

  @Field(() => String, { nullable: true, description: "As the device reported it on the last test connection." })
  serialNumber!: string | null;

  @Field(() => DateTime, { nullable: true, description: "When its newest operation finished." })
  lastSyncAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Task type of that operation, e.g. devices.download_attendance." })
  lastSyncType!: string | null;

  @Field(() => String, { nullable: true, description: "COMPLETED or FAILED." })
  lastSyncStatus!: string | null;

  @Field(() => String, { nullable: true, description: "What it did (counts) or why it failed." })
  lastSyncMessage!: string | null;

  lastSyncTaskId!: string | null;

  @Field(() => DateTime)
  createdAt!: Date;

  @Field(() => DateTime)
  updatedAt!: Date;
}

export function deviceFromRow(r: Record<string, any>): Device {
  return Object.assign(new Device(), {
    id: r.id,
    name: r.name,
    address: r.address,
    port: r.port,
    timezone: r.timezone,
    location: r.location,
    enabled: r.enabled,
    serialNumber: r.serial_number,
    lastSyncAt: r.last_sync_at,
    lastSyncType: r.last_sync_type,
    lastSyncStatus: r.last_sync_status,
    lastSyncMessage: r.last_sync_message,
    lastSyncTaskId: r.last_sync_task_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
}
