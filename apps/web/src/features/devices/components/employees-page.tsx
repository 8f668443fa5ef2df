import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Table } from "@/components/ui/table";
import { errorText } from "@/lib/graphql-errors";

import { employeesCsvUrl } from "../api/get-attendance";
import { useEmployees } from "../api/get-employees";

export function EmployeesPage() {
  const [search, setSearch] = useState("");
  const [department, setDepartment] = useState("");
  const [active, setActive] = useState<"" | "true" | "false">("");
  const filter = { search: search || null, department: department || null, active: active === "" ? null : active === "true" };
  const { data, error, loading, fetchMore } = useEmployees(filter);
  const edges = data?.employees.edges ?? [];

  return (
    <div className="page">
      <header className="page__head">
        <div>
          <h1 className="page__title">Employees</h1>
          <p className="muted small">People who punch at the devices, by employee number.</p>
        </div>
        <a className="button button--secondary button--md" href={employeesCsvUrl(filter)} download>
          Export CSV
        </a>
      </header>
      <div className="filters actions" role="search">
        <input className="input" type="search" placeholder="Name or number" aria-label="Search employees" value={search} onChange={(e) => setSearch(e.target.value)} />
        <select className="input" aria-label="Department" value={department} onChange={(e) => setDepartment(e.target.value)}>
          <option value="">All departments</option>
          {(data?.employeeDepartments ?? []).map((d) => (
            <option key={d}>{d}</option>
          ))}
        </select>
        <select className="input" aria-label="Active" value={active} onChange={(e) => setActive(e.target.value as typeof active)}>
          <option value="">Active and inactive</option>
          <option value="true">Active</option>
          <option value="false">Inactive</option>
        </select>
      </div>
      {error && !data ? <Callout tone="danger">{errorText(error)}</Callout> : null}
      <Table caption="Employees">
        <thead>
          <tr>
            <th scope="col">Number</th>
            <th scope="col">Name</th>
            <th scope="col">Department</th>
            <th scope="col" className="col-num">
              Card
            </th>
            <th scope="col">Privilege</th>
            <th scope="col">Active</th>
          </tr>
        </thead>
        <tbody>
          {edges.map(({ node: e }) => (
            <tr key={e.id}>
              <td className="mono">{e.employeeNumber}</td>
              <td>{e.name}</td>
              <td>{e.department ?? <span className="muted">—</span>}</td>
              <td className="col-num mono">{e.cardNumber ?? ""}</td>
              <td>{e.privilege === "ADMIN" ? "Admin" : "User"}</td>
              <td>{e.active ? "Yes" : "No"}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      <div className="list-footer">
        <span className="muted small">
          Showing {edges.length} of {data?.employees.totalCount ?? 0}
        </span>
        {data?.employees.pageInfo.hasNextPage ? (
          <Button busy={loading} onClick={() => void fetchMore({ variables: { after: data.employees.pageInfo.endCursor } })}>
            Load more
          </Button>
        ) : null}
      </div>
    </div>
  );
}
