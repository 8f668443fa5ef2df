import type { Role } from "@taskline/schema/types";
import { createContext, useContext } from "react";

import { assertNever } from "@/lib/assert-never";

/**
 * What a role may do, in the API's own words: its scopes (apps/api/src/modules/identity/roles.ts). The API
 * decides; this only hides or disables what would be refused, so the UI never offers a FORBIDDEN.
 */
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

const READ: readonly Scope[] = SCOPES.filter((scope) => scope.endsWith(":read"));

/** The one place that maps a role to what it may do. */
export function scopesOf(role: Role): ReadonlySet<Scope> {
  switch (role) {
    case "ADMIN":
      return new Set(SCOPES);
    case "RECRUITER":
      return new Set<Scope>([...READ, "tasks:write", "recruiting:write", "devices:write"]);
    case "VIEWER":
      return new Set(READ);
    default:
      return assertNever(role);
  }
}

export function can(role: Role | null, scope: Scope): boolean {
  return role !== null && scopesOf(role).has(scope);
}

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/** The signed-in role; provided by the auth feature, null when anonymous. */
export const RoleContext = createContext<Role | null>(null);

/** `useCan("recruiting:write")`: whether the signed-in user may do it. */
export function useCan(scope: Scope): boolean {
  return can(useContext(RoleContext), scope);
}

/** Every scope the signed-in role has (e.g. what an API key may be granted). */
export function useGrantedScopes(): ReadonlySet<Scope> {
  const role = useContext(RoleContext);
  return role === null ? new Set() : scopesOf(role);
}
