import { registerEnumType } from "type-graphql";

export enum Role {
  ADMIN = "admin",
  RECRUITER = "recruiter",
  VIEWER = "viewer",
}

registerEnumType(Role, {
  name: "Role",
  valuesConfig: {
    ADMIN: { description: "Everything, including users, settings and schedules." },
    RECRUITER: { description: "Their own work and the shared recruiting data." },
    VIEWER: { description: "Read only." },
  },
});

/** What an API key may be granted; a key never exceeds its owner's role. Extend as features land. */
export const SCOPES = [
  "tasks:read",
  "tasks:write",
  "schedules:read",
  "schedules:write",
  "recruiting:read",
  "recruiting:write",
  "devices:read",
  "devices:write",
  "admin",
] as const;
export type Scope = (typeof SCOPES)[number];

const READ: Scope[] = SCOPES.filter((s) => s.endsWith(":read"));

export const ROLE_SCOPES: Record<Role, ReadonlySet<Scope>> = {
  [Role.ADMIN]: new Set(SCOPES),
  [Role.RECRUITER]: new Set<Scope>([...READ, "tasks:write", "recruiting:write", "devices:write"]),
  [Role.VIEWER]: new Set<Scope>(READ),
};

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}
