import { RuleTester } from "eslint";
import { describe, it } from "vitest";
import plugin from "../../scripts/eslint-plugin.mjs";

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: "module" } });

tester.run("server-actions-only", plugin.rules["server-actions-only"], {
  valid: [
    { code: `"use server";\nexport const sendMessageAction = createAction({}, async () => ({}));` },
    { code: `"use server";\nexport const signInAction = createPublicAction({}, async () => ({}));` },
    { code: `export async function helper() {}` }, // not a "use server" file
  ],
  invalid: [
    { code: `"use server";\nexport async function leak() {}`, errors: [{ messageId: "other" }] },
    { code: `"use server";\nexport const raw = async () => ({});`, errors: [{ messageId: "notBuilt" }] },
    { code: `"use server";\nexport const send = createAction({}, async () => ({}));`, errors: [{ messageId: "name" }] },
    { code: `"use server";\nconst a = 1;\nexport { a };`, errors: [{ messageId: "other" }] },
    { code: `"use server";\nexport default async function x() {}`, errors: [{ messageId: "other" }] },
  ],
});

tester.run("job-with-its-data", plugin.rules["job-with-its-data"], {
  valid: [
    { code: `await writeTransaction(async (tx) => { await insertSms(tx); await enqueueIn(tx, SMS, p); });` },
    { code: `await writeTx(async (tx, ex) => { await tx.exportJob.create({}); await enqueueIn(ex, EXPORT, p); });` },
    { code: `await writeTransaction((tx) => tx.run(q));` },
  ],
  invalid: [
    { code: `await writeTransaction((tx) => enqueueIn(tx, SMS, p));`, errors: [{ messageId: "alone" }] },
    { code: `await writeTx(async (tx, ex) => { await enqueueIn(ex, SMS, a); await queueEmailIn(ex, e); });`, errors: [{ messageId: "alone" }] },
    { code: `await db.$transaction(async (tx) => { return enqueueIn(tx, SMS, p); });`, errors: [{ messageId: "alone" }] },
  ],
});
