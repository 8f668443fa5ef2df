import type { TaskStatus } from "@taskline/schema/types";

import { assertNever } from "@/lib/assert-never";

export type StatusTone = "neutral" | "info" | "warning" | "success" | "danger" | "muted";

export interface StatusPresentation {
  label: string;
  tone: StatusTone;
  /** A glyph, so the status does not rest on colour alone. */
  icon: string;
  terminal: boolean;
  /** Work is happening now: bars animate, the clock ticks. */
  active: boolean;
}

/** The one place that maps a task status to how it looks and what it means. */
export function presentStatus(status: TaskStatus): StatusPresentation {
  switch (status) {
    case "PENDING":
      return { label: "Pending", tone: "neutral", icon: "○", terminal: false, active: false };
    case "RUNNING":
      return { label: "Running", tone: "info", icon: "◐", terminal: false, active: true };
    case "RETRYING":
      return { label: "Retrying", tone: "warning", icon: "↻", terminal: false, active: true };
    case "COMPLETED":
      return { label: "Completed", tone: "success", icon: "✓", terminal: true, active: false };
    case "FAILED":
      return { label: "Failed", tone: "danger", icon: "✕", terminal: true, active: false };
    case "CANCELLED":
      return { label: "Cancelled", tone: "muted", icon: "⊘", terminal: true, active: false };
    default:
      return assertNever(status);
  }
}

export const ALL_STATUSES: readonly TaskStatus[] = ["PENDING", "RUNNING", "RETRYING", "COMPLETED", "FAILED", "CANCELLED"];

export const isTerminal = (status: TaskStatus): boolean => presentStatus(status).terminal;
export const canCancel = (status: TaskStatus): boolean => !presentStatus(status).terminal;
export const canRetry = (status: TaskStatus): boolean => status === "FAILED" || status === "CANCELLED";
