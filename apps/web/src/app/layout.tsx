import { NavLink, Outlet } from "react-router";

import { ConnectionIndicator } from "@/components/ui/connection-indicator";
import { UserMenu } from "@/features/auth/components/user-menu";
import { useAuth } from "@/features/auth/hooks/use-viewer";
import { useCan } from "@/lib/permissions";

export function Layout() {
  const { liveEpoch } = useAuth();
  const isAdmin = useCan("admin");
  const canReadSchedules = useCan("schedules:read");
  const canReadRecruiting = useCan("recruiting:read");
  const canReadDevices = useCan("devices:read");
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
          <NavLink to="/my-tasks" className="nav__link">
            My tasks
          </NavLink>
          <NavLink to="/credits" className="nav__link">
            Credits
          </NavLink>
          {canReadRecruiting ? (
            <>
              <NavLink to="/interviews" className="nav__link">
                Interviews
              </NavLink>
              <NavLink to="/reports" className="nav__link">
                Reports
              </NavLink>
              <NavLink to="/exports" className="nav__link">
                Exports
              </NavLink>
              <NavLink to="/ats/sources" className="nav__link">
                ATS sync
              </NavLink>
            </>
          ) : null}
          {canReadDevices ? (
            <>
              <NavLink to="/devices" className="nav__link">
                Devices
              </NavLink>
              <NavLink to="/employees" className="nav__link">
                Employees
              </NavLink>
              <NavLink to="/attendance" className="nav__link">
                Attendance
              </NavLink>
            </>
          ) : null}
          {canReadSchedules ? (
            <NavLink to="/schedules" className="nav__link">
              Schedules
            </NavLink>
          ) : null}
          {isAdmin ? (
            <>
              <NavLink to="/admin/operations" className="nav__link">
                Operations
              </NavLink>
              <NavLink to="/admin/users" className="nav__link">
                Users
              </NavLink>
              <NavLink to="/admin/audit-log" className="nav__link">
                Audit log
              </NavLink>
              <NavLink to="/admin/settings" className="nav__link">
                Settings
              </NavLink>
              <NavLink to="/admin/outbox" className="nav__link">
                Outbox
              </NavLink>
              <NavLink to="/admin/webhooks" className="nav__link">
                Webhooks
              </NavLink>
            </>
          ) : null}
        </nav>
        <div className="topbar__end">
          <ConnectionIndicator compact />
          <UserMenu />
        </div>
      </header>
      <main id="main" className="main">
        {/* Keyed by the live socket's epoch: after the socket is re-created, every view subscribes afresh. */}
        <Outlet key={liveEpoch} />
      </main>
    </div>
  );
}
