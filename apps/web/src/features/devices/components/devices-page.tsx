import { useState } from "react";
import { Link } from "react-router";

import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import { formatRelative } from "@/lib/format";
import { errorText } from "@/lib/graphql-errors";
import { useCan } from "@/lib/permissions";

import { useLiveDevices } from "../api/get-devices";
import { CreateDeviceForm } from "./create-device-form";
import { DeviceActions } from "./device-actions";

const OPERATION: Record<string, string> = {
  "devices.sync_employees_to_device": "Sync to device",
  "devices.sync_employees_from_device": "Import employees",
  "devices.download_attendance": "Attendance download",
};

export function DevicesPage() {
  const { data, error } = useLiveDevices();
  const canWrite = useCan("devices:write");
  const [adding, setAdding] = useState(false);
  const devices = data?.devices ?? [];

  return (
    <div className="page">
      <header className="page__head">
        <div>
          <h1 className="page__title">Devices</h1>
          <p className="muted small">ZKTeco attendance terminals: one operation at a time each, live.</p>
        </div>
        {canWrite && !adding ? (
          <Button variant="primary" onClick={() => setAdding(true)}>
            Add device
          </Button>
        ) : null}
      </header>
      {adding ? <CreateDeviceForm onDone={() => setAdding(false)} /> : null}
      {error && !data ? <Callout tone="danger">{errorText(error)}</Callout> : null}
      {!data && !error ? <p className="muted" aria-busy="true">Loading devices…</p> : null}
      {data && devices.length === 0 ? <EmptyState title="No devices yet">Add a terminal by its address, or start the simulator with `npm run zk-sim`.</EmptyState> : null}
      {devices.length > 0 ? (
        <Table caption="Devices">
          <thead>
            <tr>
              <th scope="col">Device</th>
              <th scope="col">Status</th>
              <th scope="col">Last sync</th>
              {canWrite ? <th scope="col">Operations</th> : null}
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => {
              const running = d.openTasks.find((t) => t.status === "RUNNING");
              const waiting = d.openTasks.filter((t) => t.status !== "RUNNING");
              return (
                <tr key={d.id}>
                  <td>
                    <strong>{d.name}</strong>
                    <div className="muted small mono">
                      {d.address}:{d.port} · {d.timezone}
                      {d.location ? ` · ${d.location}` : ""}
                      {d.serialNumber ? ` · SN ${d.serialNumber}` : ""}
                    </div>
                  </td>
                  <td>
                    {!d.enabled ? <span className="muted small">Disabled (skipped at night)</span> : null}
                    {running ? (
                      <Link to={`/tasks/${running.id}`} className="small">
                        {OPERATION[running.type] ?? running.type}: {running.progress.message ?? "running"}
                      </Link>
                    ) : d.enabled ? (
                      <span className="small">Idle</span>
                    ) : null}
                    {waiting.length ? <div className="muted small">{waiting.length} waiting for the device</div> : null}
                  </td>
                  <td>
                    {d.lastSyncAt ? (
                      <>
                        <span className={`badge badge--${d.lastSyncStatus === "COMPLETED" ? "success" : "danger"}`}>{d.lastSyncStatus === "COMPLETED" ? "Completed" : "Failed"}</span>{" "}
                        <span className="small">{OPERATION[d.lastSyncType ?? ""] ?? d.lastSyncType}</span>
                        <div className="muted small">
                          {d.lastSyncTask ? <Link to={`/tasks/${d.lastSyncTask.id}`}>{formatRelative(d.lastSyncAt)}</Link> : formatRelative(d.lastSyncAt)} · {d.lastSyncMessage}
                        </div>
                      </>
                    ) : (
                      <span className="muted small">Never</span>
                    )}
                  </td>
                  {canWrite ? (
                    <td>
                      <DeviceActions deviceId={d.id} deviceName={d.name} />
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </Table>
      ) : null}
    </div>
  );
}
