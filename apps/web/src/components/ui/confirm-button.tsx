import { useState, type ReactNode } from "react";

import { Button, type ButtonProps } from "@/components/ui/button";

interface Props extends Omit<ButtonProps, "onClick"> {
  /** The question shown in place of the button, e.g. "Revoke “CI deploy”?" */
  question: string;
  /** The confirming button's label, e.g. "Revoke". */
  confirmLabel: string;
  onConfirm: () => void | Promise<void>;
  children: ReactNode;
}

/** A destructive action asks first, in place (no window.confirm): the question, then confirm or cancel. */
export function ConfirmButton({ question, confirmLabel, onConfirm, children, busy, size = "sm", variant = "ghost", ...rest }: Props) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button size={size} variant={variant} busy={busy} {...rest} onClick={() => setAsking(true)}>
        {children}
      </Button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm__question">{question}</span>
      <Button
        size={size}
        variant="danger"
        busy={busy}
        autoFocus
        onClick={async () => {
          await onConfirm();
          setAsking(false);
        }}
      >
        {confirmLabel}
      </Button>
      <Button size={size} variant="ghost" onClick={() => setAsking(false)}>
        Cancel
      </Button>
    </span>
  );
}
