import type { ReactNode } from "react";

export function Callout({ tone = "info", children }: { tone?: "info" | "warning" | "danger"; children: ReactNode }) {
  return (
    <div className={`callout callout--${tone}`} role={tone === "danger" ? "alert" : "status"}>
      {children}
    </div>
  );
}
