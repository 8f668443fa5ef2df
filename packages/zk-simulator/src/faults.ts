// Misbehaviour seen on real sites, switchable at runtime so one test can make a first attempt fail
// and the retry succeed. Every fault is off by default.

export interface Faults {
  /** Delay before each reply, in ms. Default 0. */
  latencyMs: number;
  /** In a buffered read, close the connection once this many chunks were sent. Default null (never). */
  dropMidTransferAfterChunks: number | null;
  /** Never answer this command code (e.g. 50 = GET_FREE_SIZES, 1503 = DATA_WRRQ). Default null. */
  stallCommand: number | null;
  /** Close every new connection as soon as it is accepted. Default false. */
  refuseConnections: boolean;
  /** Zero-based index of a buffered-read chunk to send with half its bytes. Default null. */
  truncateChunk: number | null;
  /**
   * Gap in ms around each chunk: PREPARE_DATA alone, wait, CMD_DATA + ACK_OK in one write, wait.
   * Default 0: all three frames back to back, which TCP coalesces and unwrapped node-zklib then
   * loses. Pacing only reproduces what unwrapped clients need; the framing wrapper needs none.
   */
  pacingMs: number;
}

export const NO_FAULTS: Readonly<Faults> = Object.freeze({
  latencyMs: 0,
  dropMidTransferAfterChunks: null,
  stallCommand: null,
  refuseConnections: false,
  truncateChunk: null,
  pacingMs: 0,
});

export function mergeFaults(current: Readonly<Faults>, changes: Partial<Faults>): Faults {
  const merged = { ...current, ...changes };
  for (const key of ["latencyMs", "pacingMs"] as const) {
    if (!Number.isFinite(merged[key]) || merged[key] < 0) {
      throw new RangeError(`${key} must be a non-negative number of milliseconds; got ${merged[key]}`);
    }
  }
  return merged;
}
