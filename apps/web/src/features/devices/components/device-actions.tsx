import { useState } from "react";
import { useNavigate } from "react-router";

import { Button } from "@/components/ui/button";
import { errorText } from "@/lib/graphql-errors";

import { useDownloadAttendance, useSyncEmployeesFromDevice, useSyncEmployeesToDevice, useTestDeviceConnection } from "../api/device-mutations";

type TestResult = { ok: boolean; reason?: string | null; message: string; info?: { serialNumber?: string | null; firmware?: string | null; deviceTime?: string | null; clockDriftSeconds?: number | null } | null };

/** The three operations (each opens its live task) and "test connection" (answered in place). */
export function DeviceActions({ deviceId, deviceName }: { deviceId: string; deviceName: string }) {
  const navigate = useNavigate();
  const [test, { loading: testing }] = useTestDeviceConnection();
  const [syncTo, { loading: l1 }] = useSyncEmployeesToDevice();
  const [syncFrom, { loading: l2 }] = useSyncEmployeesFromDevice();
  const [download, { loading: l3 }] = useDownloadAttendance();
  const [since, setSince] = useState("");
  const [clearAfter, setClearAfter] = useState(false);
  const [result, setResult] = useState<TestResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function start(run: () => Promise<string | undefined>) {
    setError(null);
    try {
      const id = await run();
      if (id) navigate(`/tasks/${id}`);
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function testConnection() {
    setError(null);
    setResult(null);
    try {
      const { data } = await test({ variables: { id: deviceId } });
      if (data) setResult(data.testDeviceConnection);
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <div className="stack">
      <div className="actions">
        <Button size="sm" onClick={testConnection} busy={testing} aria-label={`Test connection to ${deviceName}`}>
          Test connection
        </Button>
        <Button size="sm" busy={l2} onClick={() => start(async () => (await syncFrom({ variables: { deviceId } })).data?.syncEmployeesFromDevice.id)}>
          Import employees
        </Button>
        <Button size="sm" busy={l1} onClick={() => start(async () => (await syncTo({ variables: { deviceId } })).data?.syncEmployeesToDevice.id)}>
          Sync employees to device
        </Button>
      </div>
      <div className="actions">
        <label className="small">
          Since{" "}
          <input className="input input--sm" type="date" value={since} onChange={(e) => setSince(e.target.value)} aria-label={`Download attendance of ${deviceName} since`} />
        </label>
        <label className="small">
          <input type="checkbox" checked={clearAfter} onChange={(e) => setClearAfter(e.target.checked)} /> Clear device log after
        </label>
        <Button
          size="sm"
          variant="primary"
          busy={l3}
          onClick={() =>
            start(async () => (await download({ variables: { deviceId, input: { since: since ? new Date(`${since}T00:00:00`).toISOString() : null, clearAfter } } })).data?.downloadAttendance.id)
          }
        >
          Download attendance
        </Button>
      </div>
      {result ? (
        <p className={`small ${result.ok ? "" : "form__error"}`} role="status">
          {result.ok ? "✓ " : `✗ ${result.reason}: `}
          {result.message}
          {result.info
            ? ` — serial ${result.info.serialNumber ?? "?"}, ${result.info.firmware ?? "firmware unknown"}, clock ${result.info.deviceTime ?? "?"}${
                result.info.clockDriftSeconds != null && Math.abs(result.info.clockDriftSeconds) > 60 ? ` (off by ${result.info.clockDriftSeconds} s)` : ""
              }`
            : null}
        </p>
      ) : null}
      {error ? (
        <p className="form__error small" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
