import { useApolloClient, useSubscription } from "@apollo/client/react";
import type { ScheduleRowFragment } from "@taskline/schema/types";
import { useEffect, useRef } from "react";

import { useConnectionState } from "@/lib/connection-state";

import { GetSchedulesQuery, useSchedules } from "../api/get-schedules";
import { OnScheduleUpdatedSubscription } from "../api/on-schedule-updated";

const byName = (a: ScheduleRowFragment, b: ScheduleRowFragment) => a.name.localeCompare(b.name);

/**
 * Every schedule, kept live. A changed schedule updates its row through the normalised cache (the event carries
 * the whole row; the `Schedule` type policy ignores an older version); a new one is added in name order, a deleted
 * one removed. `scheduleUpdated` sends no snapshot, so the list refetches after each reconnect.
 */
export function useLiveSchedules() {
  const query = useSchedules();
  const client = useApolloClient();

  useSubscription(OnScheduleUpdatedSubscription, {
    onData: ({ data }) => {
      const event = data.data?.scheduleUpdated;
      if (!event) return;
      const { schedule } = event;
      if (event.deleted || !schedule) {
        client.cache.updateQuery({ query: GetSchedulesQuery }, (current) =>
          current ? { ...current, schedules: current.schedules.filter((s) => s.id !== event.id) } : undefined,
        );
        client.cache.evict({ id: client.cache.identify({ __typename: "Schedule", id: event.id }) });
        client.cache.gc();
        return;
      }
      client.cache.updateQuery({ query: GetSchedulesQuery }, (current) => {
        if (!current || current.schedules.some((s) => s.id === schedule.id)) return undefined; // the cache updated the row
        return { ...current, schedules: [...current.schedules, schedule].sort(byName) };
      });
    },
  });

  const { reconnects } = useConnectionState();
  const seenReconnects = useRef(reconnects);
  const { refetch } = query;
  useEffect(() => {
    if (reconnects === seenReconnects.current) return;
    seenReconnects.current = reconnects;
    void refetch();
  }, [reconnects, refetch]);

  return query;
}
