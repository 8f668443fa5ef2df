import DataLoader from "dataloader";
import { In, type DataSource } from "typeorm";
import { BadUserInputError, ForbiddenError, NotFoundError } from "../../graphql/errors.js";
import { PgCode } from "../../lib/errors.js";
import { isEmail, isUuid } from "../../lib/validate.js";
import type { AuditService } from "./audit.service.js";
import type { AuthService, RequestMeta } from "./auth.service.js";
import { hashPassword } from "./passwords.js";
import type { Role } from "./roles.js";
import { newSecret } from "./tokens.js";
import { User } from "./user.entity.js";
import type { Viewer } from "./viewer.js";


/** Admins manage users; every change ends the user's live connections so the new rights apply at once. */
export class UsersService {
  /**
   * A page of 100 tasks asks for up to 100 `createdBy` users: lookups made in one tick go out as one query. Batching
   * only, no cache: a subscription's context lives as long as its connection, and a cache would serve stale names.
   */
  private readonly byId = new DataLoader<string, User | null>(
    async (ids) => {
      const users = await this.ds.getRepository(User).findBy({ id: In([...ids]) });
      const found = new Map(users.map((u) => [u.id, u]));
      return ids.map((id) => found.get(id) ?? null);
    },
    { cache: false },
  );

  constructor(
    private readonly ds: DataSource,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<User[]> {
    return this.ds.getRepository(User).find({ order: { createdAt: "ASC" } });
  }

  async get(id: string): Promise<User | null> {
    return isUuid(id) ? this.byId.load(id) : null;
  }

  async create(actor: Viewer, input: { email: string; name: string; role: Role; password?: string | null }, meta: RequestMeta): Promise<{ user: User; temporaryPassword: string | null }> {
    const email = input.email.trim();
    const name = input.name.trim();
    if (!isEmail(email)) throw new BadUserInputError(`"${email}" is not an email address`, { field: "email" });
    if (!name) throw new BadUserInputError("name must not be empty", { field: "name" });
    const temporaryPassword = input.password ? null : newSecret().slice(0, 20);
    const hash = await hashPassword(input.password ?? temporaryPassword!);
    let rows: { id: string }[];
    try {
      rows = await this.ds.query(`INSERT INTO app_user (email, name, password_hash, role) VALUES ($1, $2, $3, $4) RETURNING id`, [email, name, hash, input.role]);
    } catch (err) {
      if ((err as { code?: string }).code === PgCode.UNIQUE_VIOLATION) throw new BadUserInputError(`A user with email ${email} already exists`, { field: "email" });
      throw err;
    }
    await this.audit.record(actor, "USER_CREATED", { type: "User", id: rows[0]!.id }, { email, role: input.role.toUpperCase() }, meta.ip);
    return { user: (await this.get(rows[0]!.id))!, temporaryPassword };
  }

  async changeRole(actor: Viewer, id: string, role: Role, meta: RequestMeta): Promise<User> {
    const user = await this.getOrFail(id);
    if (user.id === actor.userId) throw new ForbiddenError("You cannot change your own role");
    await this.ds.query(`UPDATE app_user SET role = $2, updated_at = now() WHERE id = $1`, [id, role]);
    await this.auth.revoke({ userId: id });
    await this.audit.record(actor, "USER_ROLE_CHANGED", { type: "User", id }, { from: user.role.toUpperCase(), to: role.toUpperCase() }, meta.ip);
    return (await this.get(id))!;
  }

  async setActive(actor: Viewer, id: string, active: boolean, meta: RequestMeta): Promise<User> {
    const user = await this.getOrFail(id);
    if (user.id === actor.userId) throw new ForbiddenError("You cannot deactivate yourself");
    await this.ds.query(`UPDATE app_user SET active = $2, updated_at = now() WHERE id = $1`, [id, active]);
    if (!active) {
      await this.ds.query(`UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [id]);
      await this.auth.revoke({ userId: id });
    }
    await this.audit.record(actor, active ? "USER_REACTIVATED" : "USER_DEACTIVATED", { type: "User", id }, {}, meta.ip);
    return (await this.get(id))!;
  }

  private async getOrFail(id: string): Promise<User> {
    const user = await this.get(id);
    if (!user) throw new NotFoundError("User", id);
    return user;
  }
}
