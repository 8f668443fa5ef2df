import { useState } from "react";

import { Button } from "@/components/ui/button";

interface Props {
  /** What the secret is, e.g. "API key secret". */
  label: string;
  secret: string;
  /** Why it is shown only now, and what to do with it. */
  warning: string;
  onDone: () => void;
}

/** A secret the API returns exactly once: shown with a copy button and a warning, gone when dismissed. */
export function SecretReveal({ label, secret, warning, onDone }: Props) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("yes");
    } catch {
      setCopied("failed"); // no clipboard permission (or not a secure context): the text is selectable
    }
  }

  return (
    <div className="callout callout--warning secret" role="region" aria-label={label}>
      <p className="secret__warning">
        <strong>{warning}</strong>
      </p>
      <div className="secret__row">
        <code className="secret__value mono" data-testid="secret-value">
          {secret}
        </code>
        <Button size="sm" onClick={copy}>
          {copied === "yes" ? "Copied" : "Copy"}
        </Button>
      </div>
      {copied === "failed" ? <p className="small muted">Copying is not allowed here; select the text and copy it.</p> : null}
      <div className="form__actions">
        <Button size="sm" variant="primary" onClick={onDone}>
          I have stored it
        </Button>
      </div>
    </div>
  );
}
