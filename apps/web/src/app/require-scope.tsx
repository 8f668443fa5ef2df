import type { ReactNode } from "react";
import { Link } from "react-router";

import { EmptyState } from "@/components/ui/empty-state";
import { useCan, type Scope } from "@/lib/permissions";

/** A page the signed-in role may not use says so (the API would answer FORBIDDEN anyway). */
export function RequireScope({ scope, children }: { scope: Scope; children: ReactNode }) {
  const allowed = useCan(scope);
  if (allowed) return children;
  return (
    <EmptyState title="Not available to your role" action={<Link to="/tasks">Go to tasks</Link>}>
      Ask an administrator if you need access.
    </EmptyState>
  );
}
