export function AdminUsersRoute() {
  return null;
}
