import type { DataSource } from "typeorm";
import { BadUserInputError, ForbiddenError, NotFoundError } from "../../graphql/errors.js";
import { isUuid } from "../../lib/validate.js";
import { ApiKey } from "./api-key.entity.js";
import type { AuditService } from "./audit.service.js";
import type { AuthService, RequestMeta } from "./auth.service.js";
import { isScope, Role, type Scope } from "./roles.js";
import { API_KEY_PREFIX, hashSecret, newSecret } from "./tokens.js";
import type { Viewer } from "./viewer.js";

export class ApiKeysService {
  constructor(
    private readonly ds: DataSource,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  /** The secret is returned once and never stored, only its hash. A key never exceeds its creator's rights. */
  async create(viewer: Viewer, input: { name: string; scopes: string[]; expiresAt?: Date | null }, meta: RequestMeta): Promise<{ apiKey: ApiKey; secret: string }> {
    const name = input.name.trim();
    if (!name || name.length > 100) throw new BadUserInputError("name must be 1 to 100 characters", { field: "name" });
    const unknown = input.scopes.filter((s) => !isScope(s));
    if (unknown.length) throw new BadUserInputError(`Unknown scopes: ${unknown.join(", ")}`, { field: "scopes" });
    if (!input.scopes.length) throw new BadUserInputError("A key needs at least one scope", { field: "scopes" });
    const beyond = input.scopes.filter((s) => !viewer.scopes.has(s as Scope));
    if (beyond.length) throw new ForbiddenError(`You cannot grant scopes you do not have: ${beyond.join(", ")}`);
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) throw new BadUserInputError("expiresAt must be in the future", { field: "expiresAt" });
    const secret = newSecret(API_KEY_PREFIX);
    const [row] = await this.ds.query(
      `INSERT INTO api_key (user_id, name, prefix, secret_hash, scopes, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [viewer.userId, name, secret.slice(0, API_KEY_PREFIX.length + 6), hashSecret(secret), [...new Set(input.scopes)], input.expiresAt ?? null],
    );
    await this.audit.record(viewer, "API_KEY_CREATED", { type: "ApiKey", id: row.id }, { name, scopes: input.scopes }, meta.ip);
    return { apiKey: (await this.ds.getRepository(ApiKey).findOneBy({ id: row.id }))!, secret };
  }

  /** The caller's own keys, newest first. */
  list(viewer: Viewer): Promise<ApiKey[]> {
    return this.ds.getRepository(ApiKey).find({ where: { userId: viewer.userId }, order: { createdAt: "DESC" } });
  }

  /** Owners revoke their keys; admins any key. Live connections using it close at once. */
  async revoke(viewer: Viewer, id: string, meta: RequestMeta): Promise<ApiKey> {
    const key = isUuid(id) ? await this.ds.getRepository(ApiKey).findOneBy({ id }) : null;
    if (!key) throw new NotFoundError("API key", id);
    if (key.userId !== viewer.userId && viewer.role !== Role.ADMIN) throw new ForbiddenError("This key is not yours");
    await this.ds.query(`UPDATE api_key SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1`, [id]);
    await this.auth.revoke({ apiKeyId: id });
    await this.audit.record(viewer, "API_KEY_REVOKED", { type: "ApiKey", id }, { name: key.name }, meta.ip);
    return (await this.ds.getRepository(ApiKey).findOneBy({ id }))!;
  }
}
