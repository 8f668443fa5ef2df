import { type ChildProcess, fork } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Starts test/support/worker-process.ts in a process of its own (through tsx) and waits until it takes jobs. */
export async function startWorkerProcess(databaseUrl: string, env: Record<string, string> = {}, startTimeoutMs = 30_000): Promise<{ child: ChildProcess; stop(): Promise<void> }> {
  const child = fork(path.join(here, "worker-process.ts"), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, DATABASE_URL: databaseUrl, ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker process did not start within ${startTimeoutMs / 1000} s`)), startTimeoutMs);
    child.once("message", () => {
      clearTimeout(timer);
      resolve();
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`worker process exited with ${code}`));
    });
  });
  return {
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(); // exited, or killed by a test
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
