import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { firstClosedAncestor } from "./embedded.js";

describe("firstClosedAncestor", () => {
  const made: string[] = [];
  afterAll(async () => {
    for (const dir of made) await fs.rm(dir, { recursive: true, force: true });
  });

  it("names the first directory others may not enter on the way down, and none when all are open", async () => {
    const top = await fs.mkdtemp(path.join(os.tmpdir(), "taskline-reach-"));
    made.push(top);
    await fs.chmod(top, 0o755);
    const inner = path.join(top, "closed", "data");
    await fs.mkdir(inner, { recursive: true, mode: 0o755 });
    expect(await firstClosedAncestor(inner)).toBeUndefined();
    await fs.chmod(path.join(top, "closed"), 0o700);
    expect(await firstClosedAncestor(inner)).toBe(path.join(top, "closed"));
    // A part that does not exist yet is not a closed one.
    expect(await firstClosedAncestor(path.join(top, "missing", "data"))).toBeUndefined();
  });
});
