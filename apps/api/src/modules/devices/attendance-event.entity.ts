import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateTime } from "../../graphql/scalars.js";

/** How the terminal identified the person; the numbers are the devices' own. */
export const VERIFY_TYPES: Record<number, string> = { 0: "password", 1: "fingerprint", 2: "card", 3: "password", 4: "card", 15: "face" };

@ObjectType("AttendanceEvent", { description: "One punch at a terminal, stored once however often it is downloaded." })
export class AttendanceEvent {
  @Field(() => ID)
  id!: string;

  deviceId!: string;
  employeeId!: string | null;

  @Field(() => String, { description: "The user id the device logged; the employee number when it names a known employee." })
  deviceUserId!: string;

  @Field(() => DateTime, { description: "The instant (UTC), converted from the device's clock with its timezone." })
  occurredAt!: Date;

  @Field(() => Int, { description: "The device's verify type: 0 password, 1 fingerprint, 4 card, 15 face, ..." })
  verifyType!: number;

  @Field(() => String, { description: "verifyType in words (\"other\" for codes Taskline does not know)." })
  verifyMethod!: string;

  @Field(() => Int, { description: "The punch state: 0 check-in, 1 check-out, 2 break out, 3 break in, 4 overtime in, 5 overtime out." })
  punchState!: number;
}

export function attendanceEventFromRow(r: Record<string, any>): AttendanceEvent {
  return Object.assign(new AttendanceEvent(), {
    id: String(r.id),
    deviceId: r.device_id,
    employeeId: r.employee_id,
    deviceUserId: r.device_user_id,
    occurredAt: r.occurred_at,
    verifyType: r.verify_type,
    verifyMethod: VERIFY_TYPES[r.verify_type] ?? "other",
    punchState: r.punch_state,
  });
}
