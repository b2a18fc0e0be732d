import { defineConfig, devices } from "@playwright/test";
import webpush from "web-push";

import { E2E_DATABASE_URL, E2E_FILES_DIR, E2E_PORT as PORT, E2E_SECRET, E2E_TWILIO_TOKEN } from "./tests/e2e/env";

// End-to-end tests against the production build (`npm run build` first), in Debian's
// Chromium. The server starts on a fresh demo database; each test adds the
// organisation it needs (tests/e2e/fixtures.ts). Push goes to the tests' stand-in for a
// push service on 127.0.0.1 (tests/helpers/push-service.ts), signed with a pair made per run.

const vapid = process.env.VAPID_PUBLIC_KEY ? null : webpush.generateVAPIDKeys();

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

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
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
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
