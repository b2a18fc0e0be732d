import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect, newOrg, pageAs, seedMessage, e2eDb, upcomingShift, mainPages, chatPages } from "./fixtures";

// axe on every main page, staff and teammate, in the light and the dark theme: no serious
// or critical violation of WCAG 2.1 A and AA.

async function check(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("load");
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map((v) => `${v.id} (${v.impact}) on ${path}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    `axe on ${path}`,
  ).toEqual([]);
}

for (const scheme of ["light", "dark"] as const) {
  test(`no serious accessibility violation on the main pages, ${scheme} theme`, async ({ browser }) => {
    test.slow();
    const o = await newOrg("Northwind", { chatEnabled: true });
    const chat = await chatPages(o);
    await seedMessage(o, o.teammate.threadId, o.teammate, "Can I swap Saturday?");
    await seedMessage(o, o.teammate.threadId, o.manager, "Yes, if Theo agrees.");
    await e2eDb().privateNote.create({
      data: { organizationId: o.org.id, conversationId: o.teammate.threadId, authorId: o.manager.id, body: "Check with Theo", clientId: `note-${scheme}` },
    });
    const shift = await upcomingShift(o);
    const pages = mainPages(o, shift.id);
    const dark = (p: Page) => p.emulateMedia({ colorScheme: scheme });

    const ada = await pageAs(browser, o.admin, { beforeOpen: dark });
    for (const path of [...pages.admin, ...chat.admin]) await check(ada, path);
    const phone = await pageAs(browser, o.manager, { phone: true, path: `/inbox/${o.teammate.threadId}`, beforeOpen: dark });
    await check(phone, `/inbox/${o.teammate.threadId}`);
    const tess = await pageAs(browser, o.teammate, { beforeOpen: dark });
    for (const path of [...pages.teammate, ...chat.teammate]) await check(tess, path);
    const visitor = await browser.newContext({ colorScheme: scheme });
    await check(await visitor.newPage(), "/sign-in");
    await check(await visitor.newPage(), "/reset-password");
    for (const p of [ada, phone, tess]) await p.context().close();
    await visitor.close();
  });
}
