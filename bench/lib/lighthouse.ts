import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

/**
 * Lighthouse's mobile performance score (0–100) of `url`, in Debian's Chromium (its default
 * mobile profile: a mid-range phone, slow 4G, CPU slowed 4×). `cookie` signs the page in.
 */
export async function lighthouseScore(url: string, cookie: string): Promise<{ score: number; lcpMs: number; tbtMs: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), "shiftline-lh-"));
  const out = path.join(dir, "report.json");
  try {
    await promisify(execFile)(
      path.join("node_modules", ".bin", "lighthouse"),
      [
        url,
        "--only-categories=performance",
        "--output=json",
        `--output-path=${out}`,
        "--quiet",
        `--chrome-path=${process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"}`,
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
      ],
      { timeout: 180_000 },
    );
    const lhr = JSON.parse(readFileSync(out, "utf8")) as {
      finalDisplayedUrl: string;
      categories: { performance: { score: number } };
      audits: Record<string, { numericValue?: number }>;
    };
    if (lhr.finalDisplayedUrl !== url) throw new Error(`Lighthouse measured ${lhr.finalDisplayedUrl}, not ${url} (was the session refused?)`);
    return {
      score: Math.round(lhr.categories.performance.score * 100),
      lcpMs: lhr.audits["largest-contentful-paint"]?.numericValue ?? NaN,
      tbtMs: lhr.audits["total-blocking-time"]?.numericValue ?? NaN,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
