import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { graphileLogger } from "./graphile-logger.js";
import { createLogger } from "./logger.js";

describe("graphileLogger", () => {
  it("keeps graphile-worker's warnings as warnings, except the pool-size one Taskline's sizing makes on purpose", () => {
    const lines: Array<{ level: number; msg: string }> = [];
    const destination = new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) });
    const log = graphileLogger(createLogger("debug", { destination }));
    log.warn("WARNING: having maxPoolSize (50) smaller than concurrency (1000) may lead to non-optimal performance.", { max: 50, concurrency: 1000 });
    log.warn("Failed to release job");
    log.info("Completed task 42");
    log.error("Worker crashed");
    expect(lines.map((l) => [l.level, l.msg.slice(0, 28)])).toEqual([
      [20, "WARNING: having maxPoolSize "],
      [40, "Failed to release job"],
      [20, "Completed task 42"],
      [50, "Worker crashed"],
    ]);
  });
});
