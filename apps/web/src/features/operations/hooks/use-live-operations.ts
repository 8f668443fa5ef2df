import { useSubscription } from "@apollo/client/react";

import { OnOperationsUpdatedSubscription } from "../api/on-operations-updated";

/**
 * The operations overview, live: the subscription yields the current overview first, so no query is needed, and
 * after a reconnect the layout re-subscribes (a fresh snapshot). A dropped socket keeps the last overview shown.
 */
export function useLiveOperations() {
  const { data, error, loading } = useSubscription(OnOperationsUpdatedSubscription);
  return { overview: data?.operationsUpdated, error, loading };
}
