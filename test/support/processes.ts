import { type ChildProcess, fork } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

export type ChildTaskline = { child: ChildProcess; stop(): Promise<void> };

/** Starts test/support/worker-process.ts in a process of its own (through tsx) and waits until it takes jobs. */
export async function startWorkerProcess(databaseUrl: string, env: Record<string, string> = {}, startTimeoutMs = 60_000): Promise<ChildTaskline> {
  return (await startChild("worker-process.ts", databaseUrl, env, startTimeoutMs)).handle;
}

/** Starts test/support/api-process.ts (GraphQL without a worker) in a process of its own; resolves with its URL. */
export async function startApiProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<ChildTaskline & { url: string }> {
  const { handle, message } = await startChild("api-process.ts", databaseUrl, env);
  return { ...handle, url: (message as { url: string }).url };
}

async function startChild(file: string, databaseUrl: string, env: Record<string, string>, startTimeoutMs = 60_000): Promise<{ handle: ChildTaskline; message: unknown }> {
  const child = fork(path.join(here, file), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, DATABASE_URL: databaseUrl, ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const message = await new Promise<unknown>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${file} did not start within ${startTimeoutMs / 1000} s`)), startTimeoutMs);
    child.once("message", (m) => {
      clearTimeout(timer);
      resolve(m);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${file} exited with ${code}`));
    });
  });
  const handle: ChildTaskline = {
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(); // exited, or killed by a test
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
  return { handle, message };
}
