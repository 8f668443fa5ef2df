export function AdminAuditLogRoute() {
  return null;
}
