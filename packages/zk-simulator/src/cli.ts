#!/usr/bin/env -S npx tsx
// Runs a simulated terminal for demos and manual testing:
//   npm run zk-sim -w @taskline/zk-simulator -- --users 3000 --attendance 100000 --timezone Europe/Berlin
import { parseArgs } from "node:util";
import { createZkSimulator } from "./server.js";

const USAGE = `Usage: zk-sim [options]
  --host <addr>          listen address (default 127.0.0.1)
  --port <n>             TCP port; 0 picks a free one (default 4370, the terminals' port)
  --users <n>            generated users (default 50)
  --attendance <n>       generated attendance records (default 1000)
  --timezone <iana>      the device's zone; its clock and logs are wall-clock times there (default UTC)
  --serial <text>        serial number reported for ~SerialNumber (default SIM0000000001)
  --seed <n>             seed for generated users and logs (default 1)
  --pacing-ms <n>        pause around each chunk, for clients without framing (default 0)
  --latency-ms <n>       delay before every reply (default 0)
  --user-capacity <n>    users the device holds; writes of new users past it are refused (default 10000)
  --drop-after-chunks <n>  fault: hang up after n chunks of every buffered read
  --stall-command <code>   fault: never answer this command (e.g. 1504 DATA_RDY, 50 GET_FREE_SIZES)
  --refuse               fault: hang up on every new connection
  --truncate-chunk <i>   fault: send chunk i (zero-based) of a buffered read with half its bytes
  --help                 show this text`;

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new RangeError(`--${name} takes a non-negative integer; got "${value}"`);
  }
  return parsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: "string", default: "127.0.0.1" },
      port: { type: "string" },
      users: { type: "string" },
      attendance: { type: "string" },
      timezone: { type: "string", default: "UTC" },
      serial: { type: "string", default: "SIM0000000001" },
      seed: { type: "string" },
      "pacing-ms": { type: "string" },
      "latency-ms": { type: "string" },
      "user-capacity": { type: "string" },
      "drop-after-chunks": { type: "string" },
      "stall-command": { type: "string" },
      refuse: { type: "boolean", default: false },
      "truncate-chunk": { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }

  const sim = await createZkSimulator({
    host: values.host,
    port: integer("port", values.port, 4370),
    users: integer("users", values.users, 50),
    attendance: integer("attendance", values.attendance, 1_000),
    timezone: values.timezone,
    serialNumber: values.serial,
    seed: integer("seed", values.seed, 1),
    faults: {
      pacingMs: integer("pacing-ms", values["pacing-ms"], 0),
      latencyMs: integer("latency-ms", values["latency-ms"], 0),
      dropMidTransferAfterChunks: values["drop-after-chunks"] === undefined ? null : integer("drop-after-chunks", values["drop-after-chunks"], 0),
      stallCommand: values["stall-command"] === undefined ? null : integer("stall-command", values["stall-command"], 0),
      refuseConnections: values.refuse,
      truncateChunk: values["truncate-chunk"] === undefined ? null : integer("truncate-chunk", values["truncate-chunk"], 0),
    },
    userCapacity: integer("user-capacity", values["user-capacity"], 10_000),
  });
  console.log(
    `zk-sim listening on ${sim.host}:${sim.port} (serial ${sim.state.serialNumber}, ${sim.state.userCount} users, ` +
      `${sim.state.attendance.length} records, zone ${sim.state.timezone}, pacing ${sim.faults.pacingMs} ms)`,
  );

  const stop = (signal: NodeJS.Signals) => {
    console.log(`zk-sim: ${signal}, closing`);
    sim.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("zk-sim: close failed", error);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`zk-sim: ${error instanceof Error ? error.message : String(error)}`);
  console.error(USAGE);
  process.exit(2);
});
