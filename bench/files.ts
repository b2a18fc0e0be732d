// npm run bench (or BENCH_ONLY=files): files at scale. 20 uploads of 10 MB at once
// through the production server (its memory and the time until all are stored), and
// an attachments export of 2,000 files totalling 1 GB in a process of its own (its
// time and peak memory). BENCH_UPLOADS (20), BENCH_UPLOAD_MB (10),
// BENCH_EXPORT_FILES (2000), BENCH_EXPORT_FILE_KB (512).
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { buildScratchDb, MANAGER, threadId } from "./lib/scratch-db";
import { sessionCookie } from "./lib/measure";
import { startNext, waitForServer } from "../tests/helpers/server";

const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 20);
const UPLOAD_MB = Number(process.env.BENCH_UPLOAD_MB ?? 10);
const PORT = Number(process.env.BENCH_FILES_PORT ?? 3310);
const SECRET = "bench-only-secret";
const BASE = `http://127.0.0.1:${PORT}`;
const rows: string[][] = [];

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

async function uploads() {
  const file = path.resolve(".tmp/bench/files.db");
  const filesDir = path.resolve(".tmp/bench/files-upload");
  rmSync(filesDir, { recursive: true, force: true });
  buildScratchDb(file, 20, 0);
  execFileSync("node", ["scripts/build-if-needed.mjs"], { stdio: "inherit" });
  // One manager uploads them all: the per-person upload limits are raised for this measure of memory.
  const roomy = String(UPLOADS * UPLOAD_MB * 2 ** 21);
  const server = startNext(PORT, {
    DATABASE_URL: `file:${file}`,
    NEXTAUTH_SECRET: SECRET,
    NEXTAUTH_URL: BASE,
    FILES_DIR: filesDir,
    SHIFTLINE_WORKER: "off",
    UPLOAD_WAITING_MAX_BYTES_USER: roomy,
    UPLOAD_MAX_BYTES_PER_HOUR: roomy,
  });
  try {
    await waitForServer(BASE);
    const cookie = await sessionCookie(MANAGER, SECRET);
    const body = Buffer.concat([Buffer.from("%PDF-1.4\n"), randomBytes(UPLOAD_MB * 2 ** 20 - 9)]);
    const post = () => {
      const form = new FormData();
      form.append("files", new Blob([body], { type: "application/pdf" }), "scan.pdf");
      return fetch(`${BASE}/api/conversations/${threadId(0)}/attachments`, {
        method: "POST",
        headers: { cookie },
        body: form,
      }).then((r) => r.json());
    };
    await post(); // warm the route up
    const before = rssMb(server.pid!);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid!))), 25);
    const started = performance.now();
    const answers = (await Promise.all(Array.from({ length: UPLOADS }, post))) as { files?: unknown[] }[];
    const ms = performance.now() - started;
    clearInterval(sampler);
    const stored = answers.filter((a) => a.files?.length === 1).length;
    rows.push([
      `${UPLOADS} uploads of ${UPLOAD_MB} MB at once`,
      `${stored}/${UPLOADS} stored in ${(ms / 1000).toFixed(2)} s`,
      `server RSS ${before.toFixed(0)} -> peak ${peak.toFixed(0)} MiB (+${(peak - before).toFixed(0)})`,
      `memory does not grow with size: +${(peak - before).toFixed(0)} MiB for ${UPLOADS * UPLOAD_MB} MB`,
      stored === UPLOADS && peak - before < UPLOADS * UPLOAD_MB ? "met" : "MISSED",
    ]);
  } finally {
    server.kill("SIGTERM");
    rmSync(filesDir, { recursive: true, force: true });
  }
}

function exportRun() {
  const tsx = ["--conditions=react-server", "bench/lib/export-child.ts"];
  execFileSync("npx", ["tsx", ...tsx, "setup"], { stdio: "inherit" });
  const out = execFileSync("npx", ["tsx", ...tsx, "run"], { encoding: "utf8" });
  const m = JSON.parse(out.trim().split("\n").at(-1)!) as {
    files: number;
    bytes: number;
    ms: number;
    baselineMb: number;
    peakMb: number;
  };
  rows.push([
    `export of ${m.files} files, ${(m.bytes / 2 ** 30).toFixed(2)} GiB zipped`,
    `${(m.ms / 1000).toFixed(1)} s`,
    `process RSS ${m.baselineMb.toFixed(0)} -> peak ${m.peakMb.toFixed(0)} MiB (+${(m.peakMb - m.baselineMb).toFixed(0)})`,
    "peak < 256 MiB",
    m.peakMb < 256 ? "met" : "MISSED",
  ]);
}

await uploads();
exportRun();
console.log("\nShiftline files benchmark, 2 cores\n");
const header = ["measure", "result", "memory", "goal", ""];
console.log(`| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|`);
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
