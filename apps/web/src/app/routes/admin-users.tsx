import { UsersPage } from "@/features/admin/components/users-page";
import { useViewer } from "@/features/auth/hooks/use-viewer";

export function AdminUsersRoute() {
  const viewer = useViewer();
  return <UsersPage currentUserId={viewer?.id ?? ""} />;
}
