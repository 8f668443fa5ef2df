import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Table } from "@/components/ui/table";
import { errorText } from "@/lib/graphql-errors";

import { useUsers } from "../api/get-users";
import { CreateUserForm } from "./create-user-form";
import { UserRow } from "./user-row";

/** `currentUserId`: the signed-in admin, whose own row cannot be changed here. */
export function UsersPage({ currentUserId }: { currentUserId: string }) {
  const { data, error } = useUsers();
  const [creating, setCreating] = useState(false);

  return (
    <div className="page">
      <header className="page__head">
        <div>
          <h1 className="page__title">Users</h1>
          <p className="muted small">Who can sign in, and with which role.</p>
        </div>
        {!creating ? (
          <Button variant="primary" onClick={() => setCreating(true)}>
            New user
          </Button>
        ) : null}
      </header>

      {creating ? <CreateUserForm onClose={() => setCreating(false)} /> : null}

      {error && !data ? <Callout tone="danger">{errorText(error)}</Callout> : null}
      {!data && !error ? (
        <p className="muted" aria-busy="true">
          Loading users…
        </p>
      ) : null}
      {data ? (
        <Table caption="Users">
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col" className="col-hide-sm">
                Created
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.users.map((user) => (
              <UserRow key={user.id} user={user} isSelf={user.id === currentUserId} />
            ))}
          </tbody>
        </Table>
      ) : null}
    </div>
  );
}
