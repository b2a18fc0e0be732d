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
    {
      code: `await writeTx(async (tx, ex) => { await enqueueIn(ex, SMS, a); await queueEmailIn(ex, e); });`,
      errors: [{ messageId: "alone" }],
    },
    {
      code: `await db.$transaction(async (tx) => { return enqueueIn(tx, SMS, p); });`,
      errors: [{ messageId: "alone" }],
    },
  ],
});

const ORDER = { order: ["db", "conversations", "inbox", "dispatch"] };
const inLib = (path: string) => `${process.cwd()}/lib/${path}`;
tester.run("area-direction", plugin.rules["area-direction"], {
  valid: [
    { code: `import { db } from "@/lib/db";`, filename: inLib("inbox/send.ts"), options: [ORDER] },
    {
      code: `import { postMessage } from "../conversations/post";`,
      filename: inLib("inbox/send.ts"),
      options: [ORDER],
    },
    {
      code: `import { sendInboxMessage } from "@/lib/inbox/send";`,
      filename: inLib("dispatch/index.ts"),
      options: [ORDER],
    },
    { code: `import { x } from "./access";`, filename: inLib("inbox/send.ts"), options: [ORDER] },
    { code: `import { z } from "zod";`, filename: inLib("conversations/post.ts"), options: [ORDER] },
    {
      code: `import { sendInboxMessage } from "@/lib/inbox/send";`,
      filename: `${process.cwd()}/app/api/x/route.ts`,
      options: [ORDER],
    },
  ],
  invalid: [
    {
      code: `import { sendInboxMessage } from "@/lib/inbox/send";`,
      filename: inLib("conversations/post.ts"),
      options: [ORDER],
      errors: [{ messageId: "against" }],
    },
    {
      code: `export { markThreadRead } from "../inbox/read";`,
      filename: inLib("conversations/read.ts"),
      options: [ORDER],
      errors: [{ messageId: "against" }],
    },
    {
      code: `const m = await import("@/lib/dispatch");`,
      filename: inLib("inbox/send.ts"),
      options: [ORDER],
      errors: [{ messageId: "against" }],
    },
    {
      code: `import { x } from "@/lib/nowhere/x";`,
      filename: inLib("inbox/send.ts"),
      options: [ORDER],
      errors: [{ messageId: "unknown" }],
    },
    {
      code: `import { Composer } from "@/components/thread/composer";`,
      filename: inLib("inbox/send.ts"),
      options: [ORDER],
      errors: [{ messageId: "ui" }],
    },
  ],
});
