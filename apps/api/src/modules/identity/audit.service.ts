import type { DataSource } from "typeorm";
import { type Connection, decodeCursor, toConnection } from "../../graphql/connection.js";
import { AuditEntry } from "./audit-entry.entity.js";
import type { Viewer } from "./viewer.js";

export type AuditTarget = { type: string; id: string };

/** Appends to the audit log. Never throws into the action it records: a lost entry is logged, the action stands. */
export class AuditService {
  constructor(
    private readonly ds: DataSource,
    private readonly onError: (err: unknown) => void,
  ) {}

  async record(actor: Pick<Viewer, "userId" | "email" | "via"> | null, action: string, target?: AuditTarget | null, details: Record<string, unknown> = {}, ip?: string | null): Promise<void> {
    try {
      await this.ds.query(
        `INSERT INTO audit_log (actor_id, actor_email, via, action, target_type, target_id, details, ip) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [actor?.userId ?? null, actor?.email ?? null, actor?.via ?? null, action, target?.type ?? null, target?.id ?? null, JSON.stringify(details), ip ?? null],
      );
    } catch (err) {
      this.onError(err);
    }
  }

  /** Newest first. */
  async list(first: number, after?: string | null, action?: string | null): Promise<Connection<AuditEntry>> {
    const qb = this.ds.getRepository(AuditEntry).createQueryBuilder("a");
    if (action) qb.where("a.action = :action", { action });
    const totalCount = await qb.getCount();
    const cursor = decodeCursor(after);
    if (cursor) qb.andWhere("(a.at, a.id) < (:at::timestamptz, :id::bigint)", cursor);
    const rows = await qb.orderBy("a.at", "DESC").addOrderBy("a.id", "DESC").take(first + 1).getMany();
    return toConnection(rows, first, totalCount, (a) => a.at);
  }
}
