// Shared by playwright.config.ts and the fixtures: the server under test and its database.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
// E2E_DATABASE_URL runs them on PostgreSQL (the CI script sets it for its second run).
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL || "file:./.tmp/e2e.db";
export const E2E_SECRET = "e2e-secret-not-for-production";
// Files the server under test stores (uploads, exports), apart from the developer's own.
export const E2E_FILES_DIR = ".tmp/e2e-files";
// Signs the Twilio webhooks the tests post (no SMS leaves: without an account id, copies stay in the outbox).
export const E2E_TWILIO_TOKEN = "e2e-twilio-token";
