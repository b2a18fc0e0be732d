import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

export type LighthouseResult = {
  score: number;
  accessibility: number;
  /** The PWA checks (installable, service worker, theme, icons...) and those that failed. */
  pwa: { passed: number; total: number; failed: string[]; ids: string[] };
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Lighthouse's measure of the machine's speed (about 1,000 on a mid-range laptop; its scores assume one at least that fast). */
  benchmarkIndex: number;
};

/**
 * Lighthouse's mobile scores (0–100) of `url`, in Debian's Chromium (its default mobile
 * profile: a mid-range phone, slow 4G, CPU slowed 4×): performance, accessibility and the PWA
 * checks (Lighthouse 11, the last with them). `cookie` signs the page in.
 */
export async function lighthouseScore(url: string, cookie: string): Promise<LighthouseResult> {
  const dir = mkdtempSync(path.join(tmpdir(), "shiftline-lh-"));
  const out = path.join(dir, "report.json");
  try {
    await promisify(execFile)(
      path.join("node_modules", ".bin", "lighthouse"),
      [
        url,
        "--only-categories=performance,accessibility,pwa",
        "--output=json",
        `--output-path=${out}`,
        "--quiet",
        `--chrome-path=${process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"}`,
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
      ],
      { timeout: 180_000 },
    );
    // BENCH_LIGHTHOUSE_REPORT=file.json: the whole report, to see what made the score.
    if (process.env.BENCH_LIGHTHOUSE_REPORT) copyFileSync(out, process.env.BENCH_LIGHTHOUSE_REPORT);
    const lhr = JSON.parse(readFileSync(out, "utf8")) as {
      finalDisplayedUrl: string;
      environment: { benchmarkIndex: number };
      categories: Record<
        "performance" | "accessibility" | "pwa",
        { score: number; auditRefs: { id: string; weight: number }[] }
      >;
      audits: Record<string, { numericValue?: number; score: number | null; scoreDisplayMode: string }>;
    };
    if (lhr.finalDisplayedUrl !== url)
      throw new Error(`Lighthouse measured ${lhr.finalDisplayedUrl}, not ${url} (was the session refused?)`);
    // Manual checks ("works in every browser") and informative ones have no score to pass.
    const pwa = lhr.categories.pwa.auditRefs
      .map((r) => ({ id: r.id, audit: lhr.audits[r.id]! }))
      .filter((a) => !["manual", "notApplicable", "informative"].includes(a.audit.scoreDisplayMode));
    return {
      score: Math.round(lhr.categories.performance.score * 100),
      accessibility: Math.round(lhr.categories.accessibility.score * 100),
      pwa: {
        passed: pwa.filter((a) => a.audit.score === 1).length,
        total: pwa.length,
        failed: pwa.filter((a) => a.audit.score !== 1).map((a) => a.id),
        ids: pwa.map((a) => a.id),
      },
      lcpMs: lhr.audits["largest-contentful-paint"]?.numericValue ?? NaN,
      tbtMs: lhr.audits["total-blocking-time"]?.numericValue ?? NaN,
      cls: lhr.audits["cumulative-layout-shift"]?.numericValue ?? NaN,
      benchmarkIndex: lhr.environment.benchmarkIndex,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
