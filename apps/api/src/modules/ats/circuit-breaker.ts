/**
 * One circuit breaker per source, in the memory of the worker process (docs/ats-sync.md, "Circuit breaker").
 * In memory rather than in Postgres: it changes at call rate (a row would cost a write per call and contend across
 * workers), and what it protects against — this process hammering a source that is down — is local; another process
 * finds out after its own `threshold` failures, and a restart costs the same few calls. Closed → open after
 * `threshold` consecutive failed pairs; open for `cooldownMs`, then half-open: one probe pair goes through, its
 * success closes the breaker, its failure opens it again.
 */
export class CircuitBreakers {
  private readonly states = new Map<string, { failures: number; openUntil: number; probing: boolean }>();

  constructor(
    private readonly threshold: number,
    private readonly cooldownMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Null when a call may go; otherwise why not (for the pair's message). */
  check(sourceId: string): string | null {
    const s = this.states.get(sourceId);
    if (!s || s.failures < this.threshold) return null;
    const now = this.now();
    if (now < s.openUntil) return `Circuit open: ${s.failures} consecutive failures; the source is not called again before ${new Date(s.openUntil).toISOString()}`;
    if (s.probing) return `Circuit half-open: a probe call to the source is in flight`;
    s.probing = true;
    return null;
  }

  succeeded(sourceId: string): void {
    this.states.delete(sourceId);
  }

  failed(sourceId: string): void {
    const s = this.states.get(sourceId) ?? { failures: 0, openUntil: 0, probing: false };
    s.failures++;
    s.probing = false;
    if (s.failures >= this.threshold) s.openUntil = this.now() + this.cooldownMs;
    this.states.set(sourceId, s);
  }

  isOpen(sourceId: string): boolean {
    const s = this.states.get(sourceId);
    return !!s && s.failures >= this.threshold && this.now() < s.openUntil;
  }
}
