import { useEffect, useId, useRef, useState } from "react";
import { Link, useLocation } from "react-router";

import { RoleBadge } from "@/components/ui/role-badge";
import { errorText } from "@/lib/graphql-errors";

import { useAuth, useViewer } from "../hooks/use-viewer";

/** Who is signed in, and their own things: password, API keys, sign out. */
export function UserMenu() {
  const viewer = useViewer();
  const { signOut } = useAuth();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const location = useLocation();

  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  if (!viewer) return null;

  async function onSignOut() {
    setBusy(true);
    setError(null);
    try {
      await signOut();
    } catch (e) {
      setError(`Could not sign out: ${errorText(e)}`);
      setBusy(false);
    }
  }

  return (
    <div className="user-menu" ref={root}>
      <button type="button" className="user-menu__trigger" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen((o) => !o)}>
        <span className="user-menu__name">{viewer.name}</span>
        <RoleBadge role={viewer.role} />
      </button>
      {open ? (
        <div id={menuId} className="user-menu__panel" role="group" aria-label="Account">
          <div className="user-menu__who">
            <div className="strong">{viewer.name}</div>
            <div className="muted small truncate">{viewer.email}</div>
          </div>
          <Link className="user-menu__item" to="/account/password">
            Change password
          </Link>
          <Link className="user-menu__item" to="/api-keys">
            API keys
          </Link>
          <button type="button" className="user-menu__item" onClick={onSignOut} disabled={busy} aria-busy={busy || undefined}>
            Sign out
          </button>
          {error ? (
            <p className="form__error small" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
