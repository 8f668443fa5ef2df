import { createBrowserRouter, Navigate } from "react-router";
import { RouterProvider } from "react-router/dom";

import { Layout } from "./layout";
import { JobPostingRoute } from "./routes/job-posting";
import { JobPostingsRoute } from "./routes/job-postings";
import { NotFoundRoute } from "./routes/not-found";
import { TaskRoute } from "./routes/task";
import { TasksRoute } from "./routes/tasks";

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/tasks" replace /> },
      { path: "tasks", element: <TasksRoute /> },
      { path: "tasks/:taskId", element: <TaskRoute /> },
      { path: "job-postings", element: <JobPostingsRoute /> },
      { path: "job-postings/:jobPostingId", element: <JobPostingRoute /> },
      { path: "*", element: <NotFoundRoute /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
