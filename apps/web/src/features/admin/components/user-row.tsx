import type { UserRowFragment } from "@taskline/schema/types";
import { useState } from "react";

import { ConfirmButton } from "@/components/ui/confirm-button";
import { ALL_ROLES, presentRole, RoleBadge } from "@/components/ui/role-badge";
import { formatRelative } from "@/lib/format";
import { errorText } from "@/lib/graphql-errors";

import { useChangeUserRole } from "../api/change-user-role";
import { useDeactivateUser } from "../api/deactivate-user";
import { useReactivateUser } from "../api/reactivate-user";

/** One user; an admin's own row is read-only (the API refuses changing one's own role or deactivating oneself). */
export function UserRow({ user, isSelf }: { user: UserRowFragment; isSelf: boolean }) {
  const [changeRole, roleState] = useChangeUserRole();
  const [deactivate, deactivateState] = useDeactivateUser();
  const [reactivate, reactivateState] = useReactivateUser();
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <tr data-user-email={user.email} className={user.active ? undefined : "row--inactive"}>
      <td>
        <div className="strong">
          {user.name} {isSelf ? <span className="muted small">(you)</span> : null}
        </div>
        <div className="muted small">{user.email}</div>
      </td>
      <td>
        {isSelf ? (
          <RoleBadge role={user.role} />
        ) : (
          <select
            className="input input--select"
            aria-label={`Role of ${user.name}`}
            value={user.role}
            disabled={roleState.loading}
            onChange={(event) => {
              const role = ALL_ROLES.find((r) => r === event.target.value);
              if (role) void run(() => changeRole({ variables: { id: user.id, role } }));
            }}
          >
            {ALL_ROLES.map((role) => (
              <option key={role} value={role}>
                {presentRole(role).label}
              </option>
            ))}
          </select>
        )}
      </td>
      <td>{user.active ? <span className="badge badge--success">Active</span> : <span className="badge badge--muted">Deactivated</span>}</td>
      <td className="col-hide-sm muted small" title={user.createdAt}>
        {formatRelative(user.createdAt)}
      </td>
      <td className="col-actions">
        <div className="actions">
          {isSelf ? null : user.active ? (
            <ConfirmButton
              question={`Deactivate ${user.name}? Their sessions and API keys stop working at once.`}
              confirmLabel="Deactivate"
              busy={deactivateState.loading}
              onConfirm={() => run(() => deactivate({ variables: { id: user.id } }))}
              aria-label={`Deactivate ${user.name}`}
            >
              Deactivate
            </ConfirmButton>
          ) : (
            <ConfirmButton
              question={`Reactivate ${user.name}?`}
              confirmLabel="Reactivate"
              busy={reactivateState.loading}
              onConfirm={() => run(() => reactivate({ variables: { id: user.id } }))}
              aria-label={`Reactivate ${user.name}`}
            >
              Reactivate
            </ConfirmButton>
          )}
          {error ? (
            <span className="actions__error" role="alert">
              {error}
            </span>
          ) : null}
        </div>
      </td>
    </tr>
  );
}
