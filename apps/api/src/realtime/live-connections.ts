import type { Logger } from "../lib/logger.js";
import { AUTH_CHANNEL, type Revocation } from "../modules/identity/auth.service.js";
import type { Viewer } from "../modules/identity/viewer.js";
import type { PgListener } from "./pg-listener.js";

type Closable = { close(code: number, reason: string): void };
/** graphql-ws's code for "Forbidden": the client must not reconnect with the same credentials. */
export const CLOSE_FORBIDDEN = 4403;

/**
 * The open graphql-ws connections of this process with their viewers. Revocations announced on AUTH_CHANNEL (by
 * any process) close the matching ones; each connection also closes when its credential expires.
 */
export class LiveConnections {
  private readonly open = new Map<Closable, { viewer: Viewer; timer?: NodeJS.Timeout }>();

  constructor(listener: PgListener, log: Logger) {
    listener.on("notification", (channel: string, payload: string) => {
      if (channel !== AUTH_CHANNEL) return;
      try {
        this.revoke(JSON.parse(payload) as Revocation & { exceptSessionId?: string });
      } catch (err) {
        log.error({ err }, "unreadable revocation");
      }
    });
  }

  get size(): number {
    return this.open.size;
  }

  add(socket: Closable, viewer: Viewer): void {
    const entry: { viewer: Viewer; timer?: NodeJS.Timeout } = { viewer };
    if (viewer.expiresAt) {
      const ms = viewer.expiresAt.getTime() - Date.now();
      // setTimeout cannot wait past ~24.8 days; such a connection is re-checked on reconnect anyway.
      if (ms < 2 ** 31 - 1) entry.timer = setTimeout(() => this.close(socket, "credentials expired"), Math.max(0, ms));
      entry.timer?.unref();
    }
    this.open.set(socket, entry);
  }

  remove(socket: Closable): void {
    clearTimeout(this.open.get(socket)?.timer);
    this.open.delete(socket);
  }

  revoke(r: Revocation & { exceptSessionId?: string }): void {
    for (const [socket, { viewer }] of this.open) {
      const match =
        (r.userId && viewer.userId === r.userId && !(r.exceptSessionId && viewer.sessionId === r.exceptSessionId)) ||
        (r.sessionId && viewer.sessionId === r.sessionId) ||
        (r.apiKeyId && viewer.apiKeyId === r.apiKeyId);
      if (match) this.close(socket, "credentials revoked");
    }
  }

  private close(socket: Closable, reason: string): void {
    this.remove(socket);
    socket.close(CLOSE_FORBIDDEN, `Forbidden: ${reason}`);
  }
}
