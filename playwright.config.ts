import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import webpush from "web-push";

import { E2E_DATABASE_URL, E2E_FILES_DIR, E2E_PORT as PORT, E2E_SECRET, E2E_TWILIO_TOKEN } from "./tests/e2e/env";

// End-to-end tests against the production build (`npm run build` first), in Debian's
// Chromium. The server starts on a fresh demo database; each test adds the
// organisation it needs (tests/e2e/fixtures.ts). Push goes to the tests' stand-in for a
// push service on 127.0.0.1 (tests/helpers/push-service.ts), signed with a pair made per run.

const vapid = process.env.VAPID_PUBLIC_KEY ? null : webpush.generateVAPIDKeys();

// Decision 021: the tests run in Debian's Chromium headless shell (`chromium-headless-shell`, the
// same build without the browser's window and tab code, as Playwright's own headless runs use),
// and the few that need what only the full browser has (notifications: tagged @full-browser)
// in Debian's full Chromium. Without the shell installed, every test runs in the full browser.
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const shell =
  process.env.CHROMIUM_HEADLESS_SHELL_PATH ??
  (existsSync("/usr/bin/chromium-headless-shell") ? "/usr/bin/chromium-headless-shell" : chromium);
const browserArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
const inChromium = (executablePath: string) => ({
  ...devices["Desktop Chrome"],
  channel: undefined,
  launchOptions: { executablePath, args: browserArgs },
});

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 2,
  // Never retried, in CI either: a test that fails once is a failure someone must see.
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // A failed test leaves its screenshot and the page's accessibility tree (error-context.md).
    // A trace of every step (DOM snapshots at each action) made the browser runs half as long
    // again, so it is recorded on demand: E2E_TRACE=1 npx playwright test <spec>.
    trace: process.env.E2E_TRACE === "1" ? "retain-on-failure" : "off",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "chromium", grepInvert: /@full-browser/, use: inChromium(shell) },
    { name: "chromium-full", grep: /@full-browser/, use: inChromium(chromium) },
  ],
  webServer: {
    command: `tsx scripts/setup-db.ts --reset && node scripts/server.mjs -p ${PORT} -H 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/sign-in`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      DATABASE_URL: E2E_DATABASE_URL,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_SECRET: E2E_SECRET,
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
      FILES_DIR: E2E_FILES_DIR,
      TWILIO_AUTH_TOKEN: E2E_TWILIO_TOKEN,
      PUSH_ALLOW_LOCAL_ENDPOINTS: "1",
      ...(vapid ? { VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey } : {}),
    },
  },
});
