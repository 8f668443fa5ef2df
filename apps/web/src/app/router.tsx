import { createBrowserRouter, Navigate } from "react-router";
import { RouterProvider } from "react-router/dom";

import { RequireAuth } from "@/features/auth/components/require-auth";

import { Layout } from "./layout";
import { RequireScope } from "./require-scope";
import { AccountPasswordRoute } from "./routes/account-password";
import { AdminAuditLogRoute } from "./routes/admin-audit-log";
import { AdminUsersRoute } from "./routes/admin-users";
import { ApiKeysRoute } from "./routes/api-keys";
import { JobPostingRoute } from "./routes/job-posting";
import { JobPostingsRoute } from "./routes/job-postings";
import { NotFoundRoute } from "./routes/not-found";
import { SchedulesRoute } from "./routes/schedules";
import { SignInRoute } from "./routes/sign-in";
import { TaskRoute } from "./routes/task";
import { TasksRoute } from "./routes/tasks";
import { AttendancePage } from "@/features/devices/components/attendance-page";
import { DevicesPage } from "@/features/devices/components/devices-page";
import { EmployeesPage } from "@/features/devices/components/employees-page";

const router = createBrowserRouter([
  { path: "sign-in", element: <SignInRoute /> },
  {
    element: (
      <RequireAuth>
        <Layout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to="/tasks" replace /> },
      { path: "tasks", element: <TasksRoute /> },
      { path: "tasks/:taskId", element: <TaskRoute /> },
      { path: "job-postings", element: <JobPostingsRoute /> },
      { path: "job-postings/:jobPostingId", element: <JobPostingRoute /> },
      {
        path: "schedules",
        element: (
          <RequireScope scope="schedules:read">
            <SchedulesRoute />
          </RequireScope>
        ),
      },
      { path: "devices", element: <RequireScope scope="devices:read"><DevicesPage /></RequireScope> },
      { path: "employees", element: <RequireScope scope="devices:read"><EmployeesPage /></RequireScope> },
      { path: "attendance", element: <RequireScope scope="devices:read"><AttendancePage /></RequireScope> },
      { path: "api-keys", element: <ApiKeysRoute /> },
      { path: "account/password", element: <AccountPasswordRoute /> },
      {
        path: "admin/users",
        element: (
          <RequireScope scope="admin">
            <AdminUsersRoute />
          </RequireScope>
        ),
      },
      {
        path: "admin/audit-log",
        element: (
          <RequireScope scope="admin">
            <AdminAuditLogRoute />
          </RequireScope>
        ),
      },
      { path: "*", element: <NotFoundRoute /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
