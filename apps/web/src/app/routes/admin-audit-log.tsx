import { AuditLog } from "@/features/admin/components/audit-log";

export function AdminAuditLogRoute() {
  return <AuditLog />;
}
