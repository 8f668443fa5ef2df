import { Link } from "react-router";

import { EmptyState } from "@/components/ui/empty-state";

export function NotFoundRoute() {
  return (
    <EmptyState title="Page not found" action={<Link to="/tasks">Go to tasks</Link>}>
      There is nothing at this address.
    </EmptyState>
  );
}
