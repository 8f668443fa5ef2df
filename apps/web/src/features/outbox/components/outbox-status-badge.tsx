import type { OutboxStatus } from "@taskline/schema/types";

import { assertNever } from "@/lib/assert-never";

type Tone = "info" | "success" | "danger" | "muted";

/** The one place an outbox status gets its label, colour and glyph. */
export function presentOutboxStatus(status: OutboxStatus): { label: string; tone: Tone; icon: string } {
  switch (status) {
    case "PENDING":
      return { label: "Queued", tone: "info", icon: "◷" };
    case "SENT":
      return { label: "Sent", tone: "success", icon: "✓" };
    case "FAILED":
      return { label: "Failed", tone: "danger", icon: "✕" };
    case "HELD":
      return { label: "Held (no SMTP)", tone: "muted", icon: "■" };
    default:
      return assertNever(status);
  }
}

export const OUTBOX_STATUSES: readonly OutboxStatus[] = ["PENDING", "SENT", "FAILED", "HELD"];

export function OutboxStatusBadge({ status }: { status: OutboxStatus }) {
  const { label, tone, icon } = presentOutboxStatus(status);
  return (
    <span className={`badge badge--${tone}`} data-outbox-status={status}>
      <span aria-hidden="true" className="badge__icon">
        {icon}
      </span>
      {label}
    </span>
  );
}
