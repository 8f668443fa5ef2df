export function Chip({ children, tone = "neutral" }: { children: string; tone?: "neutral" | "success" | "danger" }) {
  return <span className={`chip chip--${tone}`}>{children}</span>;
}
