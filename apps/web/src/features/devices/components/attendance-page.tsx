import { useQuery } from "@apollo/client/react";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Table } from "@/components/ui/table";
import { formatDateTime, formatDateTimeIn } from "@/lib/format";
import { errorText } from "@/lib/graphql-errors";

import { attendanceCsvUrl, useAttendance } from "../api/get-attendance";
import { GetDevicesQuery } from "../api/get-devices";

const STATES = ["Check-in", "Check-out", "Break out", "Break in", "Overtime in", "Overtime out"];

/** Punches, newest first, with their time in UTC-correct local time and as the device's clock showed it. */
export function AttendancePage() {
  const [search, setSearch] = useState("");
  const [deviceId, setDeviceId] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const filter = {
    search: search || null,
    deviceId: deviceId || null,
    from: from ? new Date(`${from}T00:00:00`).toISOString() : null,
    // The whole "to" day is included.
    to: to ? new Date(new Date(`${to}T00:00:00`).getTime() + 86_400_000).toISOString() : null,
  };
  const devices = useQuery(GetDevicesQuery);
  const { data, error, loading, fetchMore } = useAttendance(filter);
  const edges = data?.attendanceEvents.edges ?? [];

  return (
    <div className="page">
      <header className="page__head">
        <div>
          <h1 className="page__title">Attendance</h1>
          <p className="muted small">Punches downloaded from the devices, each stored once.</p>
        </div>
        <a className="button button--secondary button--md" href={attendanceCsvUrl(filter)} download>
          Export CSV
        </a>
      </header>
      <div className="filters actions" role="search">
        <input className="input" type="search" placeholder="Employee name or number" aria-label="Search attendance" value={search} onChange={(e) => setSearch(e.target.value)} />
        <select className="input" aria-label="Device" value={deviceId} onChange={(e) => setDeviceId(e.target.value)}>
          <option value="">All devices</option>
          {(devices.data?.devices ?? []).map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        <label className="small">
          From <input className="input" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="small">
          To <input className="input" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </div>
      {error && !data ? <Callout tone="danger">{errorText(error)}</Callout> : null}
      <Table caption="Attendance events">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Employee</th>
            <th scope="col">Device</th>
            <th scope="col">State</th>
            <th scope="col">Verified by</th>
          </tr>
        </thead>
        <tbody>
          {edges.map(({ node: a }) => (
            <tr key={a.id}>
              <td>
                {formatDateTime(a.occurredAt)}
                {a.device ? <div className="muted small">device clock {formatDateTimeIn(a.occurredAt, a.device.timezone)}</div> : null}
              </td>
              <td>{a.employee ? `${a.employee.name} (${a.employee.employeeNumber})` : <span className="mono">{a.deviceUserId}</span>}</td>
              <td>{a.device?.name ?? <span className="muted">deleted device</span>}</td>
              <td>{STATES[a.punchState] ?? a.punchState}</td>
              <td>{a.verifyMethod}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      <div className="list-footer">
        <span className="muted small">
          Showing {edges.length} of {data?.attendanceEvents.totalCount ?? 0}
        </span>
        {data?.attendanceEvents.pageInfo.hasNextPage ? (
          <Button busy={loading} onClick={() => void fetchMore({ variables: { after: data.attendanceEvents.pageInfo.endCursor } })}>
            Load more
          </Button>
        ) : null}
      </div>
    </div>
  );
}
