import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect, newOrg, pageAs, seedMessage, e2eDb, upcomingShift, mainPages, chatPages } from "./fixtures";

// axe on every main page, staff and teammate, in the light and the dark theme: no serious
// or critical violation of WCAG 2.1 A and AA.

async function check(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("load");
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map((v) => `${v.id} (${v.impact}) on ${path}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    `axe on ${path}`,
  ).toEqual([]);
}

/** The organisation the pages show: chat on, a thread with messages and a note, a shift. */
async function world() {
  const o = await newOrg("Northwind", { chatEnabled: true });
  const chat = await chatPages(o);
  await seedMessage(o, o.teammate.threadId, o.teammate, "Can I swap Saturday?");
  await seedMessage(o, o.teammate.threadId, o.manager, "Yes, if Theo agrees.");
  await e2eDb().privateNote.create({
    data: {
      organizationId: o.org.id,
      conversationId: o.teammate.threadId,
      authorId: o.manager.id,
      body: "Check with Theo",
      clientId: `note-${o.org.id}`,
    },
  });
  const shift = await upcomingShift(o);
  return { o, chat, pages: mainPages(o, shift.id) };
}

// In four parts per theme, so that each stays well within its time on a busy 2-core machine.
for (const scheme of ["light", "dark"] as const) {
  const dark = (p: Page) => p.emulateMedia({ colorScheme: scheme });

  test(`no serious accessibility violation on the staff pages (first half), ${scheme} theme`, async ({ browser }) => {
    test.slow();
    const { o, pages } = await world();
    const ada = await pageAs(browser, o.admin, { beforeOpen: dark });
    for (const path of pages.admin.slice(0, 9)) await check(ada, path);
    await ada.context().close();
  });

  test(`no serious accessibility violation on the staff pages (second half), ${scheme} theme`, async ({ browser }) => {
    test.slow();
    const { o, pages } = await world();
    const ada = await pageAs(browser, o.admin, { beforeOpen: dark });
    for (const path of pages.admin.slice(9)) await check(ada, path);
    await ada.context().close();
  });

  test(`no serious accessibility violation on the chat pages and a phone, ${scheme} theme`, async ({ browser }) => {
    test.slow();
    const { o, chat } = await world();
    const ada = await pageAs(browser, o.admin, { beforeOpen: dark });
    for (const path of chat.admin) await check(ada, path);
    const phone = await pageAs(browser, o.manager, {
      phone: true,
      path: `/inbox/${o.teammate.threadId}`,
      beforeOpen: dark,
    });
    await check(phone, `/inbox/${o.teammate.threadId}`);
    for (const p of [ada, phone]) await p.context().close();
  });

  test(`no serious accessibility violation on the teammate's and the visitor's pages, ${scheme} theme`, async ({
    browser,
  }) => {
    test.slow();
    const { o, chat, pages } = await world();
    const tess = await pageAs(browser, o.teammate, { beforeOpen: dark });
    for (const path of [...pages.teammate, ...chat.teammate]) await check(tess, path);
    const visitor = await browser.newContext({ colorScheme: scheme });
    await check(await visitor.newPage(), "/sign-in");
    await check(await visitor.newPage(), "/reset-password");
    await check(await visitor.newPage(), "/offline");
    await tess.context().close();
    await visitor.close();
  });
}
