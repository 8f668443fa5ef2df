import { useSubscription } from "@apollo/client/react";
import { useEffect, useRef } from "react";

import { useConnectionState } from "@/lib/connection-state";

import { useSchedulerOverview } from "../api/get-scheduler-overview";
import { OnScheduleUpdatedSubscription } from "../api/on-schedule-updated";

/** Refetches at most this often while events keep coming (a burst of pauses is one refetch). */
const REFRESH_DEBOUNCE_MS = 500;

/**
 * The scheduler overview, refreshed whenever any schedule changes (`scheduleUpdated`) and after a reconnect.
 * Fires change no schedule row, so `last24h` is as fresh as the last change or visit.
 */
export function useLiveSchedulerOverview() {
  const query = useSchedulerOverview();
  const { refetch } = query;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  useSubscription(OnScheduleUpdatedSubscription, {
    onData: () => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void refetch(), REFRESH_DEBOUNCE_MS);
    },
  });

  const { reconnects } = useConnectionState();
  const seenReconnects = useRef(reconnects);
  useEffect(() => {
    if (reconnects === seenReconnects.current) return;
    seenReconnects.current = reconnects;
    void refetch();
  }, [reconnects, refetch]);

  return query;
}
