/**
 * The one source of "now" for the schedule engine, so tests can simulate downtime and hours of firing without
 * waiting for real minutes. Everything that decides which fires are due takes its time from a Clock.
 */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until told otherwise (tests). */
export class FakeClock implements Clock {
  private at: number;

  constructor(start: Date = new Date()) {
    this.at = start.getTime();
  }

  now(): Date {
    return new Date(this.at);
  }

  set(at: Date): void {
    this.at = at.getTime();
  }

  advance(ms: number): void {
    this.at += ms;
  }
}
