import type { Request, Response } from "express";
import { authenticate } from "../../graphql/authenticate.js";
import type { AppServices } from "../../graphql/context.js";
import { csvLine } from "../exports/csv.js";
import { VERIFY_TYPES } from "./attendance-event.entity.js";
import type { AttendanceFilter } from "./device.inputs.js";

export const ATTENDANCE_CSV_PATH = "/exports/attendance.csv";
export const EMPLOYEES_CSV_PATH = "/exports/employees.csv";

/**
 * CSV downloads of the Attendance and Employees pages' filtered sets (same query parameters as the GraphQL
 * filters), for anyone with devices:read, by cookie or API key. Streamed page by page: a year of punches does not
 * sit in memory. Errors are JSON with GraphQL's codes.
 */
export function deviceCsvRoutes(services: AppServices) {
  const guard = async (req: Request, res: Response): Promise<boolean> => {
    const auth = await authenticate(services, req.headers.authorization, req.headers.cookie).catch(() => undefined);
    if (!auth) res.status(500).json({ error: { code: "INTERNAL_SERVER_ERROR", message: "Internal server error" } });
    else if (!auth.viewer) res.status(401).json({ error: { code: "UNAUTHENTICATED", message: "Sign in, or send an API key as `Authorization: Bearer <key>`" } });
    else if (!auth.viewer.scopes.has("devices:read")) res.status(403).json({ error: { code: "FORBIDDEN", message: "This needs the devices:read scope" } });
    else return true;
    return false;
  };
  const param = (req: Request, name: string): string | null => (typeof req.query[name] === "string" && req.query[name] ? (req.query[name] as string) : null);
  const date = (req: Request, res: Response, name: string): Date | null | false => {
    const v = param(req, name);
    if (!v) return null;
    const d = new Date(v);
    if (Number.isNaN(d.getTime())) {
      res.status(400).json({ error: { code: "BAD_USER_INPUT", message: `${name} must be an ISO date-time`, field: name } });
      return false;
    }
    return d;
  };

  return {
    async attendance(req: Request, res: Response) {
      if (!(await guard(req, res))) return;
      const from = date(req, res, "from");
      const to = from === false ? false : date(req, res, "to");
      if (from === false || to === false) return;
      const filter: AttendanceFilter = { search: param(req, "search"), employeeId: param(req, "employeeId"), deviceId: param(req, "deviceId"), from, to };
      res.setHeader("cache-control", "private, no-store");
      res.type("text/csv; charset=utf-8").attachment("attendance.csv");
      res.write(csvLine(["occurred_at_utc", "employee_number", "employee_name", "department", "device_user_id", "device", "device_timezone", "verify", "punch_state"]));
      for await (const rows of services.attendance.csvRows(filter)) {
        res.write(
          rows
            .map((r) =>
              csvLine([r.occurred_at.toISOString(), r.employee_number, r.employee_name, r.department, r.device_user_id, r.device_name, r.device_timezone, VERIFY_TYPES[r.verify_type] ?? r.verify_type, r.punch_state]),
            )
            .join(""),
        );
      }
      res.end();
    },
    async employees(req: Request, res: Response) {
      if (!(await guard(req, res))) return;
      const active = param(req, "active");
      res.setHeader("cache-control", "private, no-store");
      res.type("text/csv; charset=utf-8").attachment("employees.csv");
      res.write(csvLine(["employee_number", "name", "card_number", "privilege", "department", "active", "device_slot"]));
      let after: string | null = null;
      for (;;) {
        const page = await services.employees.list(100, after, { search: param(req, "search"), department: param(req, "department"), active: active === null ? null : active === "true" });
        res.write(page.edges.map(({ node: e }) => csvLine([e.employeeNumber, e.name, e.cardNumber, e.privilege, e.department, e.active ? "yes" : "no", e.deviceUid])).join(""));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      res.end();
    },
  };
}
