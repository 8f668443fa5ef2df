import type pg from "pg";
import type { DataSource } from "typeorm";
import { BadUserInputError, UnauthenticatedError } from "../../graphql/errors.js";
import type { AuditService } from "./audit.service.js";
import { hashPassword, verifyPassword } from "./passwords.js";
import { isScope, Role } from "./roles.js";
import { API_KEY_PREFIX, hashSecret, newSecret } from "./tokens.js";
import { effectiveScopes, type Viewer } from "./viewer.js";

/** Channel on which any API process announces revoked credentials; every process closes matching sockets. */
export const AUTH_CHANNEL = "taskline_auth";
export type Revocation = { userId?: string; sessionId?: string; apiKeyId?: string };

/** last_seen_at / last_used_at are written at most this often per credential. */
const TOUCH_INTERVAL_MS = 60_000;

export type RequestMeta = { ip?: string | null; userAgent?: string | null };

export class AuthService {
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly ds: DataSource,
    private readonly pool: pg.Pool,
    private readonly audit: AuditService,
    private readonly sessionTtlMs: number,
  ) {}

  /** The same error for an unknown email and a wrong password, after the same amount of work. */
  async signIn(email: string, password: string, meta: RequestMeta): Promise<{ viewer: Viewer; token: string; expiresAt: Date }> {
    const [user] = await this.ds.query(`SELECT id, email, role, active, password_hash FROM app_user WHERE lower(email) = lower($1)`, [email.trim()]);
    const ok = await verifyPassword(user?.password_hash, password);
    if (!ok || !user.active) {
      await this.audit.record(null, "SIGN_IN_FAILED", user ? { type: "User", id: user.id } : null, { email: email.trim().slice(0, 200), reason: ok ? "deactivated" : "bad credentials" }, meta.ip);
      throw new UnauthenticatedError("Invalid email or password");
    }
    const token = newSecret();
    const expiresAt = new Date(Date.now() + this.sessionTtlMs);
    const sessionId = hashSecret(token);
    await this.ds.query(`INSERT INTO user_session (id, user_id, expires_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5)`, [
      sessionId,
      user.id,
      expiresAt,
      meta.ip ?? null,
      meta.userAgent?.slice(0, 300) ?? null,
    ]);
    const viewer: Viewer = { userId: user.id, email: user.email, role: user.role, scopes: effectiveScopes(user.role), via: "session", sessionId, expiresAt };
    await this.audit.record(viewer, "SIGN_IN", { type: "User", id: user.id }, {}, meta.ip);
    return { viewer, token, expiresAt };
  }

  async authenticateSession(token: string): Promise<Viewer | null> {
    const sessionId = hashSecret(token);
    const [row] = await this.ds.query(
      `SELECT s.id, s.expires_at, u.id AS user_id, u.email, u.role FROM user_session s JOIN app_user u ON u.id = s.user_id
       WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
      [sessionId],
    );
    if (!row) return null;
    this.touch(`s:${sessionId}`, `UPDATE user_session SET last_seen_at = now() WHERE id = $1`, sessionId);
    return { userId: row.user_id, email: row.email, role: row.role, scopes: effectiveScopes(row.role), via: "session", sessionId, expiresAt: row.expires_at };
  }

  async authenticateKey(secret: string): Promise<Viewer | null> {
    if (!secret.startsWith(API_KEY_PREFIX)) return null;
    const [row] = await this.ds.query(
      `SELECT k.id, k.scopes, k.expires_at, u.id AS user_id, u.email, u.role FROM api_key k JOIN app_user u ON u.id = k.user_id
       WHERE k.secret_hash = $1 AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now()) AND u.active`,
      [hashSecret(secret)],
    );
    if (!row) return null;
    this.touch(`k:${row.id}`, `UPDATE api_key SET last_used_at = now() WHERE id = $1`, row.id);
    const scopes = effectiveScopes(row.role, (row.scopes as string[]).filter(isScope));
    return { userId: row.user_id, email: row.email, role: row.role, scopes, via: "apiKey", apiKeyId: row.id, expiresAt: row.expires_at };
  }

  async signOut(viewer: Viewer, meta: RequestMeta): Promise<void> {
    if (viewer.sessionId) {
      await this.ds.query(`UPDATE user_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [viewer.sessionId]);
      await this.revoke({ sessionId: viewer.sessionId });
    }
    await this.audit.record(viewer, "SIGN_OUT", { type: "User", id: viewer.userId }, {}, meta.ip);
  }

  /** Every other session of the user ends (a password change is how a user throws out a thief). */
  async changePassword(viewer: Viewer, current: string, next: string, meta: RequestMeta): Promise<void> {
    const [user] = await this.ds.query(`SELECT password_hash FROM app_user WHERE id = $1`, [viewer.userId]);
    // Not UNAUTHENTICATED: the session is fine, the input is wrong (clients treat UNAUTHENTICATED as "signed out").
    if (!(await verifyPassword(user?.password_hash, current))) throw new BadUserInputError("The current password is wrong", { field: "currentPassword" });
    const hash = await hashPassword(next);
    await this.ds.query(`UPDATE app_user SET password_hash = $2, password_changed_at = now(), updated_at = now() WHERE id = $1`, [viewer.userId, hash]);
    await this.ds.query(`UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $2`, [viewer.userId, viewer.sessionId ?? null]);
    await this.revoke({ userId: viewer.userId }, viewer.sessionId);
    await this.audit.record(viewer, "PASSWORD_CHANGED", { type: "User", id: viewer.userId }, {}, meta.ip);
  }

  /** Tells every API process to close live connections using these credentials. */
  async revoke(what: Revocation, exceptSessionId?: string): Promise<void> {
    await this.pool.query(`SELECT pg_notify($1, $2)`, [AUTH_CHANNEL, JSON.stringify({ ...what, exceptSessionId })]);
  }

  /**
   * The first start on an empty database creates the first admin, from TASKLINE_ADMIN_EMAIL/PASSWORD or with a
   * generated password that is returned (to be printed once to the console, never logged).
   */
  async ensureFirstAdmin(email: string | undefined, password: string | undefined): Promise<{ email: string; generatedPassword?: string } | undefined> {
    const [{ count }] = await this.ds.query(`SELECT count(*)::int AS count FROM app_user`);
    if (count > 0) return undefined;
    const adminEmail = email ?? "admin@taskline.local";
    const generatedPassword = password ? undefined : newSecret().slice(0, 20);
    const hash = await hashPassword(password ?? generatedPassword!);
    const rows = await this.ds.query(
      `INSERT INTO app_user (email, name, password_hash, role) SELECT $1, 'Administrator', $2, $3 WHERE NOT EXISTS (SELECT 1 FROM app_user) RETURNING id`,
      [adminEmail, hash, Role.ADMIN],
    );
    if (!rows.length) return undefined; // another process created it meanwhile
    await this.audit.record(null, "USER_CREATED", { type: "User", id: rows[0].id }, { email: adminEmail, role: "ADMIN", firstAdmin: true });
    return { email: adminEmail, generatedPassword };
  }

  private touch(key: string, sql: string, id: string): void {
    const now = Date.now();
    if ((this.touched.get(key) ?? 0) > now - TOUCH_INTERVAL_MS) return;
    this.touched.set(key, now);
    if (this.touched.size > 50_000) this.touched.clear();
    this.ds.query(sql, [id]).catch(() => {});
  }
}
