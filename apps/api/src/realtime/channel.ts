/**
 * An async iterator fed by pushes, holding at most one pending value per key: a newer state of the same task
 * replaces an unsent older one, so a slow consumer gets fewer, never stale, events and memory stays bounded.
 * `return()` ends it at once even while a `next()` waits (an async generator would hang until the next event).
 */
export class CoalescingChannel<T> implements AsyncIterableIterator<T> {
  private readonly pending = new Map<string, T>();
  private waiter: ((result: IteratorResult<T>) => void) | undefined;
  private closed = false;

  constructor(private readonly onClose: () => void = () => {}) {}

  push(key: string, value: T): void {
    if (this.closed) return;
    const waiter = this.waiter;
    if (waiter) {
      this.waiter = undefined;
      waiter({ value, done: false });
      return;
    }
    this.pending.delete(key);
    this.pending.set(key, value);
  }

  next(): Promise<IteratorResult<T>> {
    const first = this.pending.entries().next();
    if (!first.done) {
      this.pending.delete(first.value[0]);
      return Promise.resolve({ value: first.value[1], done: false });
    }
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiter = resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<T>> {
    this.close();
    return Promise.reject(error);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pending.clear();
    this.waiter?.({ value: undefined, done: true });
    this.waiter = undefined;
    this.onClose();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
