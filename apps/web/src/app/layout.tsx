import { NavLink, Outlet } from "react-router";

import { ConnectionIndicator } from "@/components/ui/connection-indicator";

export function Layout() {
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to="/" className="brand" aria-label="Taskline home">
          <span className="brand__mark" aria-hidden="true" />
          Taskline
        </NavLink>
        <nav className="nav" aria-label="Main">
          <NavLink to="/tasks" className="nav__link">
            Tasks
          </NavLink>
          <NavLink to="/job-postings" className="nav__link">
            Job postings
          </NavLink>
        </nav>
        <div className="topbar__end">
          <ConnectionIndicator compact />
        </div>
      </header>
      <main id="main" className="main">
        <Outlet />
      </main>
    </div>
  );
}
