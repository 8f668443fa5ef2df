import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

/**
 * The original resume files, content-addressed under `<data dir>/resumes/`: the same bytes uploaded twice are
 * stored once, and a key is a SHA-256, so no file name from a client ever reaches the file system.
 */
export class ResumeStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, "resumes");
  }

  static hash(bytes: Uint8Array): string {
    return createHash("sha256").update(bytes).digest("hex");
  }

  private pathOf(key: string): string {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new Error(`Not a storage key: ${key}`);
    return path.join(this.root, key.slice(0, 2), key);
  }

  /** Stores the bytes under their hash; returns the key and whether this call created the file. */
  async put(bytes: Uint8Array): Promise<{ key: string; created: boolean }> {
    const key = ResumeStore.hash(bytes);
    const file = this.pathOf(key);
    try {
      await fs.access(file);
      return { key, created: false };
    } catch {
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Write then rename: a reader never sees half a file, and two writers of the same bytes cannot clash.
      const tmp = `${file}.${randomUUID()}.tmp`;
      await fs.writeFile(tmp, bytes);
      await fs.rename(tmp, file);
      return { key, created: true };
    }
  }

  read(key: string): Promise<Buffer> {
    return fs.readFile(this.pathOf(key));
  }

  filePath(key: string): string {
    return this.pathOf(key);
  }

  /** Removes files this request created when its transaction rolled back. */
  async discard(keys: string[]): Promise<void> {
    await Promise.all(keys.map((k) => fs.rm(this.pathOf(k), { force: true })));
  }

  /** Every stored file (tests check that a refused upload stored nothing). */
  async count(): Promise<number> {
    try {
      const dirs = await fs.readdir(this.root);
      let n = 0;
      for (const d of dirs) n += (await fs.readdir(path.join(this.root, d))).length;
      return n;
    } catch {
      return 0;
    }
  }
}
