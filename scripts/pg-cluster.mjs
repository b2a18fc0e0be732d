// A throwaway PostgreSQL server for tests, from Debian's `postgresql` package:
//   node scripts/pg-cluster.mjs start   prints the server's URL (postgresql://postgres@127.0.0.1:PORT/postgres)
//   node scripts/pg-cluster.mjs stop    stops the server this script started (its data folder's postmaster.pid)
//   node scripts/pg-cluster.mjs restart stops it, waits a second, starts it again on the same port
// PG_PORT (55432) and PG_DIR (a folder under the system's temporary directory) change where. When
// the port is taken, the next free one is used (the printed URL tells which). The server listens on
// 127.0.0.1 only, with no Unix socket (a long temporary path would exceed the socket path limit).
// When it does not start, its log is printed and it is tried once more with smaller memory settings.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, chmodSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const wanted = Number(process.env.PG_PORT ?? 55432);
const dir = process.env.PG_DIR ?? path.join(tmpdir(), `shiftline-pg-${wanted}`);
const data = path.join(dir, "data");
const portFile = path.join(dir, "server.json");
const logFile = path.join(dir, "server.log");
const root = "/usr/lib/postgresql";

function bin(name) {
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, "bin", name))) : [];
  if (!versions.length) throw new Error("PostgreSQL is not installed here: apt-get install -y postgresql");
  return path.join(root, versions.sort((a, b) => Number(b) - Number(a))[0], "bin", name);
}

// PostgreSQL refuses to run as root: as root, run it as the package's postgres user.
const asOwner = (file, args) =>
  process.getuid?.() === 0
    ? execFileSync("runuser", ["-u", "postgres", "--", file, ...args], { stdio: "pipe" })
    : execFileSync(file, args, { stdio: "pipe" });

const isFree = (port) =>
  new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });

async function freePort(from) {
  for (let port = from; port < from + 100; port++) if (await isFree(port)) return port;
  throw new Error(`no free port between ${from} and ${from + 99}`);
}

const log = () => (existsSync(logFile) ? readFileSync(logFile, "utf8") : "(no server log)");

function startServer(port, small) {
  const options = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    "-c unix_socket_directories=''",
    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
    "-c max_connections=300",
    small ? "-c shared_buffers=32MB -c dynamic_shared_memory_type=mmap" : "",
  ].join(" ");
  asOwner(bin("pg_ctl"), ["-D", data, "-o", options, "-l", logFile, "-w", "-t", "60", "start"]);
  writeFileSync(portFile, JSON.stringify({ port, small }));
}

async function start() {
  // A server left running in this folder by an earlier run is stopped first. A pid file whose
  // process is gone (the machine restarted) has nothing to stop.
  if (existsSync(path.join(data, "postmaster.pid"))) {
    try {
      asOwner(bin("pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
    } catch (error) {
      if (!/No such process|not running/i.test(String(error.stderr ?? error.message))) throw error;
    }
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o777);
  asOwner(bin("initdb"), [
    "-D",
    data,
    "-A",
    "trust",
    "-U",
    "postgres",
    "--no-sync",
    "-E",
    "UTF8",
    "--locale",
    "C.UTF-8",
  ]);
  let port = await freePort(wanted);
  try {
    startServer(port, false);
  } catch {
    console.error(
      `PostgreSQL did not start on port ${port}; its log:\n${log()}\nTrying once more with smaller memory settings.`,
    );
    port = await freePort(port + 1);
    try {
      startServer(port, true);
    } catch (error) {
      console.error(`PostgreSQL did not start on port ${port} either; its log:\n${log()}`);
      throw error;
    }
  }
  console.log(`postgresql://postgres@127.0.0.1:${port}/postgres`);
}

const command = process.argv[2];
if (command === "start") {
  await start();
} else if (command === "stop") {
  if (existsSync(path.join(data, "postmaster.pid"))) asOwner(bin("pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"]);
  rmSync(dir, { recursive: true, force: true });
} else if (command === "restart") {
  // Down for a second, long enough for the fault test to see requests fail meanwhile.
  const { port, small } = JSON.parse(readFileSync(portFile, "utf8"));
  asOwner(bin("pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"]);
  execFileSync("sleep", ["1"]);
  startServer(port, small);
} else {
  console.error("usage: node scripts/pg-cluster.mjs start|stop|restart");
  process.exit(2);
}
