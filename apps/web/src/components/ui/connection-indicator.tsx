import { useConnectionState, type ConnectionStatus } from "@/lib/connection-state";
import { assertNever } from "@/lib/assert-never";

function present(status: ConnectionStatus): { label: string; tone: string } {
  switch (status) {
    case "connecting":
      return { label: "Connecting…", tone: "muted" };
    case "connected":
      return { label: "Live", tone: "success" };
    case "reconnecting":
      return { label: "Reconnecting…", tone: "warning" };
    case "failed":
      return { label: "Offline — reload", tone: "danger" };
    default:
      return assertNever(status);
  }
}

/** The state of the live socket, so a frozen bar is never mistaken for a stalled (or finished) task. */
export function ConnectionIndicator({ compact = false }: { compact?: boolean }) {
  const { status } = useConnectionState();
  const { label, tone } = present(status);
  return (
    <span className={`conn conn--${tone}${compact ? " conn--compact" : ""}`} role="status" aria-live="polite" data-connection={status}>
      <span className="conn__dot" aria-hidden="true" />
      {label}
    </span>
  );
}
