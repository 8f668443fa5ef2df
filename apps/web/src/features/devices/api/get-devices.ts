import { useQuery, useSubscription } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const GetDevicesQuery = graphql(`
  query GetDevices {
    devices {
      id
      name
      address
      port
      timezone
      location
      enabled
      serialNumber
      lastSyncAt
      lastSyncType
      lastSyncStatus
      lastSyncMessage
      lastSyncTask {
        id
      }
      openTasks {
        id
        type
        status
        progress {
          current
          total
          message
        }
      }
    }
  }
`);

export const DEVICE_TASK_TYPES = ["devices.sync_employees_to_device", "devices.sync_employees_from_device", "devices.download_attendance"];

export const OnDeviceTaskUpdatedSubscription = graphql(`
  subscription OnDeviceTaskUpdated($filter: TaskFilter) {
    tasksUpdated(filter: $filter) {
      id
      status
      version
    }
  }
`);

/** The devices, kept live: any change to a device task (queued, started, finished) refetches the list. */
export function useLiveDevices() {
  const query = useQuery(GetDevicesQuery, { fetchPolicy: "cache-and-network" });
  useSubscription(OnDeviceTaskUpdatedSubscription, {
    variables: { filter: { type: DEVICE_TASK_TYPES } },
    onData: () => void query.refetch(),
  });
  return query;
}
