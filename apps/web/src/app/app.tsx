import { ErrorBoundary } from "@/components/ui/error-boundary";

import { AppProvider } from "./provider";
import { AppRouter } from "./router";

export function App() {
  return (
    <ErrorBoundary name="Taskline">
      <AppProvider>
        <AppRouter />
      </AppProvider>
    </ErrorBoundary>
  );
}
