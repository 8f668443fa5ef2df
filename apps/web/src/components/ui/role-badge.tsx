import type { Role } from "@taskline/schema/types";

import { assertNever } from "@/lib/assert-never";

/** The one place that maps a role to its label and tone. */
export function presentRole(role: Role): { label: string; tone: "info" | "success" | "muted" } {
  switch (role) {
    case "ADMIN":
      return { label: "Admin", tone: "info" };
    case "RECRUITER":
      return { label: "Recruiter", tone: "success" };
    case "VIEWER":
      return { label: "Viewer", tone: "muted" };
    default:
      return assertNever(role);
  }
}

export const ALL_ROLES: readonly Role[] = ["ADMIN", "RECRUITER", "VIEWER"];

export function RoleBadge({ role }: { role: Role }) {
  const { label, tone } = presentRole(role);
  return (
    <span className={`badge badge--${tone}`} data-role={role}>
      {label}
    </span>
  );
}
