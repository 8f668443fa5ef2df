import { OutboxPage } from "@/features/outbox/components/outbox-page";

export function AdminOutboxRoute() {
  return <OutboxPage />;
}
