import type { IncomingMessage } from "node:http";
import { parseCookie as parseCookies } from "cookie";
import type { Viewer } from "../modules/identity/viewer.js";
import type { AppServices } from "./context.js";

export const SESSION_COOKIE = "taskline_session";

export type Authentication = { viewer: Viewer | null; credentialsInvalid: boolean; byCookie: boolean };

/**
 * An `Authorization: Bearer <key>` wins over the cookie (tools send keys; browsers send cookies). Sending a bad
 * credential is not the same as sending none: the caller is told its credentials are invalid.
 */
export async function authenticate(app: AppServices, authorization: string | undefined, cookieHeader: string | undefined): Promise<Authentication> {
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const viewer = match ? await app.auth.authenticateKey(match[1]!) : null;
    return { viewer, credentialsInvalid: !viewer, byCookie: false };
  }
  const token = cookieHeader ? parseCookies(cookieHeader)[SESSION_COOKIE] : undefined;
  if (token) {
    const viewer = await app.auth.authenticateSession(token);
    return { viewer, credentialsInvalid: !viewer, byCookie: true };
  }
  return { viewer: null, credentialsInvalid: false, byCookie: false };
}

/**
 * Cross-site WebSocket hijacking: browsers attach cookies to WebSocket upgrades from any site, and the upgrade is
 * not subject to CORS. A cookie-authenticated upgrade must come from our own origin (or an allowed one). Requests
 * without an Origin are not from browsers and are judged by their credentials alone.
 */
export function originAllowed(req: IncomingMessage, allowedOrigins: string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (allowedOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
