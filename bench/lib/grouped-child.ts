// A grouped message to BENCH_GROUPED (1000) teammates with SMS copies, measured in one
// process on a scratch SQLite database: the request's own work (sendGroupedMessage),
// the background job that writes every copy (postBatch, with its 1000 live events), and
// the SMS queue drained through Twilio's SDK against a fake HTTP client that answers in
// BENCH_TWILIO_MS (20) ms. Prints one line of JSON.
import path from "node:path";
import { buildScratchDb, MANAGER_USER, ORG } from "./scratch-db";
import { openSqlite } from "../../lib/db/sqlite-file";

const N = Number(process.env.BENCH_GROUPED ?? 1000);
const TWILIO_MS = Number(process.env.BENCH_TWILIO_MS ?? 20);
const file = path.resolve(".tmp/bench/grouped.db");
buildScratchDb(file, N, N);
const raw = openSqlite(file);
raw
  .prepare(`UPDATE "User" SET "phone" = '+3361' || substr('0000000' || substr("id", 2), -7) WHERE "role" = 'TEAMMATE'`)
  .run();
raw.prepare(`UPDATE "TeammateProfile" SET "smsConsent" = 1`).run();
raw.close();
process.env.DATABASE_URL = `file:${file}`;
Object.assign(process.env, {
  TWILIO_ACCOUNT_SID: `AC${"0".repeat(32)}`,
  TWILIO_AUTH_TOKEN: "bench",
  TWILIO_FROM: "+15005550006",
  SMS_LIMIT_PER_HOUR: String(N * 2),
});

const { db } = await import("../../lib/db");
const { sendGroupedMessage, postBatch } = await import("../../lib/inbox/grouped");
const { runDueJobs } = await import("../../lib/worker");
const { setTwilioHttpClient } = await import("../../lib/sms/twilio");

let sent = 0;
setTwilioHttpClient({
  request: async () => {
    await new Promise((r) => setTimeout(r, TWILIO_MS));
    sent++;
    return {
      statusCode: 201,
      headers: {},
      body: JSON.stringify({ sid: `SM${String(sent).padStart(32, "0")}`, status: "queued" }),
    };
  },
} as never);

const user = MANAGER_USER;
const before = await db.event.count({ where: { organizationId: ORG } });
let t = performance.now();
const { batchId } = await sendGroupedMessage(user, {
  who: { filters: {} },
  body: "Bench: the staff meeting moves to 3 pm",
  clientId: crypto.randomUUID(),
  smsCopy: true,
});
const requestMs = performance.now() - t;
t = performance.now();
await postBatch(batchId);
const postMs = performance.now() - t;
const copies = await db.message.count({ where: { batchId } });
const events = (await db.event.count({ where: { organizationId: ORG } })) - before;
t = performance.now();
while (await runDueJobs()) {
  // every SMS job, one after another, as one worker drains them
}
const drainMs = performance.now() - t;
console.log(JSON.stringify({ n: N, requestMs, postMs, copies, events, sms: sent, drainMs, twilioMs: TWILIO_MS }));
process.exit(0);
