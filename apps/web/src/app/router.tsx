import { createBrowserRouter, Navigate } from "react-router";
import { RouterProvider } from "react-router/dom";

import { RequireAuth } from "@/features/auth/components/require-auth";

import { Layout } from "./layout";
import { RequireScope } from "./require-scope";
import { AccountPasswordRoute } from "./routes/account-password";
import { AdminAuditLogRoute } from "./routes/admin-audit-log";
import { AdminOutboxRoute } from "./routes/admin-outbox";
import { AdminOperationsRoute } from "./routes/admin-operations";
import { AdminUsersRoute } from "./routes/admin-users";
import { ApiKeysRoute } from "./routes/api-keys";
import { ExportsRoute } from "./routes/exports";
import { InterviewsRoute } from "./routes/interviews";
import { JobPostingRoute } from "./routes/job-posting";
import { JobPostingsRoute } from "./routes/job-postings";
import { NotFoundRoute } from "./routes/not-found";
import { ReportRoute } from "./routes/report";
import { ReportsRoute } from "./routes/reports";
import { SchedulesRoute } from "./routes/schedules";
import { SignInRoute } from "./routes/sign-in";
import { TaskRoute } from "./routes/task";
import { TasksRoute } from "./routes/tasks";
import { CreditsRoute } from "./routes/credits";
import { MyTasksRoute } from "./routes/my-tasks";
import { AdminAiSettingsRoute } from "./routes/admin-ai-settings";
import { SourcesPage } from "@/features/ats/components/sources-page";
import { SyncHistoryPage } from "@/features/ats/components/sync-history-page";
import { WebhooksPage } from "@/features/webhooks/components/webhooks-page";
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
      {
        path: "interviews",
        element: (
          <RequireScope scope="recruiting:read">
            <InterviewsRoute />
          </RequireScope>
        ),
      },
      {
        path: "reports",
        element: (
          <RequireScope scope="recruiting:read">
            <ReportsRoute />
          </RequireScope>
        ),
      },
      {
        path: "reports/:reportId",
        element: (
          <RequireScope scope="recruiting:read">
            <ReportRoute />
          </RequireScope>
        ),
      },
      {
        path: "exports",
        element: (
          <RequireScope scope="recruiting:read">
            <ExportsRoute />
          </RequireScope>
        ),
      },
      { path: "devices", element: <RequireScope scope="devices:read"><DevicesPage /></RequireScope> },
      { path: "employees", element: <RequireScope scope="devices:read"><EmployeesPage /></RequireScope> },
      { path: "attendance", element: <RequireScope scope="devices:read"><AttendancePage /></RequireScope> },
      { path: "api-keys", element: <ApiKeysRoute /> },
      { path: "credits", element: <CreditsRoute /> },
      { path: "my-tasks", element: <MyTasksRoute /> },
      {
        path: "admin/settings",
        element: (
          <RequireScope scope="admin">
            <AdminAiSettingsRoute />
          </RequireScope>
        ),
      },
      { path: "ats/sources", element: <SourcesPage /> },
      { path: "ats/history", element: <SyncHistoryPage /> },
      {
        path: "admin/webhooks",
        element: (
          <RequireScope scope="admin">
            <WebhooksPage />
          </RequireScope>
        ),
      },
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
        path: "admin/operations",
        element: (
          <RequireScope scope="admin">
            <AdminOperationsRoute />
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
      {
        path: "admin/outbox",
        element: (
          <RequireScope scope="admin">
            <AdminOutboxRoute />
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
