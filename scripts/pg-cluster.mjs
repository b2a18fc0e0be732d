// A throwaway PostgreSQL server for tests, from Debian's `postgresql` package:
//   node scripts/pg-cluster.mjs start   prints the server's URL (postgresql://postgres@127.0.0.1:PORT/postgres)
//   node scripts/pg-cluster.mjs stop    stops the server this script started (its data folder's postmaster.pid)
//   node scripts/pg-cluster.mjs restart stops it, waits a second, starts it again
// PG_PORT (55432) and PG_DIR (a folder under the system's temporary directory) change where.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const port = Number(process.env.PG_PORT ?? 55432);
const dir = process.env.PG_DIR ?? path.join(tmpdir(), `shiftline-pg-${port}`);
const data = path.join(dir, "data");
const root = "/usr/lib/postgresql";

function bin(name) {
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, "bin", name))) : [];
  if (!versions.length) throw new Error("PostgreSQL is not installed here: apt-get install -y postgresql");
  return path.join(root, versions.sort((a, b) => Number(b) - Number(a))[0], "bin", name);
}

// PostgreSQL refuses to run as root: as root, run it as the package's postgres user.
const asOwner = (file, args) =>
  process.getuid?.() === 0 ? execFileSync("runuser", ["-u", "postgres", "--", file, ...args], { stdio: "pipe" }) : execFileSync(file, args, { stdio: "pipe" });

function startServer() {
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
  asOwner(bin("pg_ctl"), ["-D", data, "-o", options, "-l", path.join(dir, "server.log"), "-w", "start"]);
}

const command = process.argv[2];
if (command === "start") {
  // A server left running in this folder by an earlier run is stopped first.
  if (existsSync(path.join(data, "postmaster.pid"))) asOwner(bin("pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o777);
  asOwner(bin("initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale", "C.UTF-8"]);
  startServer();
  console.log(`postgresql://postgres@127.0.0.1:${port}/postgres`);
} else if (command === "stop") {
  if (existsSync(path.join(data, "postmaster.pid"))) asOwner(bin("pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"]);
  rmSync(dir, { recursive: true, force: true });
} else if (command === "restart") {
  // Down for a second, long enough for the fault test to see requests fail meanwhile.
  asOwner(bin("pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"]);
  execFileSync("sleep", ["1"]);
  startServer();
} else {
  console.error("usage: node scripts/pg-cluster.mjs start|stop|restart");
  process.exit(2);
}
