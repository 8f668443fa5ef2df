import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTime } from "../../graphql/scalars.js";

/** What a person may do at a terminal. Values are what the database holds. */
export enum Privilege {
  USER = "user",
  ADMIN = "admin",
}

registerEnumType(Privilege, {
  name: "EmployeePrivilege",
  valuesConfig: { USER: { description: "Punches only." }, ADMIN: { description: "May open the terminal's menu." } },
});

/** The terminal's role byte for each privilege (0 = user, 14 = administrator). */
export const DEVICE_ROLE: Record<Privilege, number> = { [Privilege.USER]: 0, [Privilege.ADMIN]: 14 };

export function privilegeOfRole(role: number): Privilege {
  return role === 0 ? Privilege.USER : Privilege.ADMIN;
}

@ObjectType("Employee", { description: "A person who punches at the terminals, keyed by employee number." })
export class Employee {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "Unique; the user id on every terminal (1-9 letters or digits)." })
  employeeNumber!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Float, { nullable: true, description: "Badge number (0 to 4,294,967,295)." })
  cardNumber!: number | null;

  @Field(() => Privilege)
  privilege!: Privilege;

  @Field(() => String, { nullable: true })
  department!: string | null;

  @Field(() => Boolean, { description: "Inactive employees are removed from terminals by the next sync to a device." })
  active!: boolean;

  @Field(() => Int, { nullable: true, description: "The slot (1-65535) terminals store this employee in." })
  deviceUid!: number | null;

  @Field(() => DateTime)
  createdAt!: Date;

  @Field(() => DateTime)
  updatedAt!: Date;
}

export function employeeFromRow(r: Record<string, any>): Employee {
  return Object.assign(new Employee(), {
    id: r.id,
    employeeNumber: r.employee_number,
    name: r.name,
    cardNumber: r.card_number === null ? null : Number(r.card_number),
    privilege: r.privilege,
    department: r.department,
    active: r.active,
    deviceUid: r.device_uid,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
}
