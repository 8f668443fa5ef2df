import type { Task } from "../tasks/task.entity.js";
import { Role, ROLE_SCOPES, type Scope } from "./roles.js";

/** Who is calling, and with what rights. Built once per request or per WebSocket connection. */
export type Viewer = {
  userId: string;
  email: string;
  role: Role;
  /** For a session, every scope of the role; for a key, its scopes within the owner's role. */
  scopes: ReadonlySet<Scope>;
  via: "session" | "apiKey";
  sessionId?: string;
  apiKeyId?: string;
  /** When the credential stops working on its own (session expiry, key expiry). */
  expiresAt?: Date | null;
};

export function effectiveScopes(role: Role, requested?: readonly Scope[]): ReadonlySet<Scope> {
  const allowed = ROLE_SCOPES[role];
  return requested ? new Set(requested.filter((s) => allowed.has(s))) : allowed;
}

/** Admins see every task; others their own and shared ones (tasks on shared recruiting data). */
export function canSeeTask(viewer: Viewer, task: Pick<Task, "createdById" | "visibility">): boolean {
  return viewer.role === Role.ADMIN || task.visibility === "shared" || task.createdById === viewer.userId;
}
