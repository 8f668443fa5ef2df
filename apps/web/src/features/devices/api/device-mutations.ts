import { useMutation } from "@apollo/client/react";
import { graphql } from "@taskline/schema/graphql";

export const CreateDeviceMutation = graphql(`
  mutation CreateDevice($input: CreateDeviceInput!) {
    createDevice(input: $input) {
      id
      name
    }
  }
`);

export const TestDeviceConnectionMutation = graphql(`
  mutation TestDeviceConnection($id: ID!) {
    testDeviceConnection(id: $id) {
      ok
      reason
      message
      elapsedMs
      info {
        serialNumber
        firmware
        userCount
        logCount
        logCapacity
        deviceTime
        clockDriftSeconds
      }
    }
  }
`);

export const SyncEmployeesToDeviceMutation = graphql(`
  mutation SyncEmployeesToDevice($deviceId: ID!) {
    syncEmployeesToDevice(deviceId: $deviceId) {
      id
    }
  }
`);

export const SyncEmployeesFromDeviceMutation = graphql(`
  mutation SyncEmployeesFromDevice($deviceId: ID!) {
    syncEmployeesFromDevice(deviceId: $deviceId) {
      id
    }
  }
`);

export const DownloadAttendanceMutation = graphql(`
  mutation DownloadAttendance($deviceId: ID!, $input: DownloadAttendanceInput) {
    downloadAttendance(deviceId: $deviceId, input: $input) {
      id
    }
  }
`);

export function useCreateDevice() {
  return useMutation(CreateDeviceMutation, { refetchQueries: ["GetDevices"] });
}
export function useTestDeviceConnection() {
  return useMutation(TestDeviceConnectionMutation, { refetchQueries: ["GetDevices"] });
}
export function useSyncEmployeesToDevice() {
  return useMutation(SyncEmployeesToDeviceMutation);
}
export function useSyncEmployeesFromDevice() {
  return useMutation(SyncEmployeesFromDeviceMutation);
}
export function useDownloadAttendance() {
  return useMutation(DownloadAttendanceMutation);
}
