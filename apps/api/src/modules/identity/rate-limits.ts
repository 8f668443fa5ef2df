import type pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { RateLimitedError } from "../../graphql/errors.js";

export type RateLimitSettings = {
  /** Failed sign-ins per account within 15 minutes before it is refused for 15 minutes. */
  signInFailuresPerAccount: number;
  /** Failed sign-ins per address within 15 minutes before it is refused for 15 minutes. */
  signInFailuresPerIp: number;
  /** Mutations that start work, per user or key, per minute. */
  startWorkPerMinute: number;
};

/** Failures after which each further attempt is delayed (slowed down before being refused). */
const SLOW_DOWN_AFTER = 3;
const WINDOW_S = 15 * 60;

/**
 * Counters in Postgres (rate-limiter-flexible), so every API process enforces the same limits and they survive
 * restarts.
 */
export class RateLimits {
  private readonly byAccount: RateLimiterPostgres;
  private readonly byIp: RateLimiterPostgres;
  private readonly startWork: RateLimiterPostgres;

  constructor(pool: pg.Pool, settings: RateLimitSettings) {
    const common = { storeClient: pool, storeType: "pool", tableName: "rate_limit", tableCreated: true } as const;
    this.byAccount = new RateLimiterPostgres({ ...common, keyPrefix: "signin_account", points: settings.signInFailuresPerAccount, duration: WINDOW_S, blockDuration: WINDOW_S });
    this.byIp = new RateLimiterPostgres({ ...common, keyPrefix: "signin_ip", points: settings.signInFailuresPerIp, duration: WINDOW_S, blockDuration: WINDOW_S });
    this.startWork = new RateLimiterPostgres({ ...common, keyPrefix: "start_work", points: settings.startWorkPerMinute, duration: 60 });
  }

  /** Refuses while either counter is exhausted; delays a little more with each failure before that. */
  async beforeSignIn(email: string, ip: string): Promise<void> {
    const [account, address] = await Promise.all([this.byAccount.get(email.toLowerCase()), this.byIp.get(ip)]);
    for (const [res, limiter] of [[account, this.byAccount], [address, this.byIp]] as const) {
      if (res && res.consumedPoints >= limiter.points) {
        throw new RateLimitedError("Too many failed sign-ins; try again later", Math.ceil(res.msBeforeNext / 1000));
      }
    }
    const failures = Math.max(account?.consumedPoints ?? 0, 0);
    if (failures >= SLOW_DOWN_AFTER) await new Promise((r) => setTimeout(r, Math.min(2_000, 250 * (failures - SLOW_DOWN_AFTER + 1))));
  }

  async signInFailed(email: string, ip: string): Promise<void> {
    await Promise.all([this.byAccount.penalty(email.toLowerCase(), 1), this.byIp.penalty(ip, 1)]);
  }

  async signInSucceeded(email: string): Promise<void> {
    await this.byAccount.delete(email.toLowerCase());
  }

  /** One unit of work started by this caller. */
  async consumeStartWork(callerKey: string): Promise<void> {
    try {
      await this.startWork.consume(callerKey);
    } catch (res) {
      if (res instanceof RateLimiterRes) throw new RateLimitedError("Too many tasks started; slow down", Math.ceil(res.msBeforeNext / 1000));
      throw res;
    }
  }
}
