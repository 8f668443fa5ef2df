/**
 * Collects the calls made in one turn of the event loop and runs them as one batch: a worker with a local queue
 * starts many jobs at once, and one statement for all of them costs one round trip and one commit instead of one
 * per job. `run` returns one result per item, in order; if it throws, every call of the batch rejects with it.
 */
export class TurnBatcher<I, O> {
  private pending: Array<{ item: I; resolve: (o: O) => void; reject: (e: unknown) => void }> = [];

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly maxBatch = 1_000,
  ) {}

  add(item: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending.splice(0, this.maxBatch);
    if (this.pending.length) setImmediate(() => void this.flush());
    try {
      const results = await this.run(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(results[i]!));
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }
}
