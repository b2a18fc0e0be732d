import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect, newOrg, pageAs, seedMessage, e2eDb, upcomingShift, mainPages, chatPages } from "./fixtures";

// axe on every main page, staff and teammate, in the light and the dark theme: no serious
// or critical violation of WCAG 2.1 A and AA. The dark theme changes colours only (app/dark-theme.css,
// a media query), so each page loads once: every rule in light, then the colour rules in dark.

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
/** The WCAG 2.1 A and AA rules that read colours: what the dark theme can break. */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

async function check(page: Page, path: string) {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(path);
  await page.waitForLoadState("load");
  const bad: string[] = [];
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // The page sees the scheme before axe reads colours (a positive control for the switch).
    await expect
      .poll(() => page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches))
      .toBe(scheme === "dark");
    const axe = new AxeBuilder({ page });
    const { violations } = await (scheme === "light" ? axe.withTags(WCAG) : axe.withRules(COLOUR_RULES)).analyze();
    for (const v of violations)
      if (v.impact === "serious" || v.impact === "critical")
        bad.push(`${v.id} (${v.impact}, ${scheme}) on ${path}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }
  expect(bad, `axe on ${path}`).toEqual([]);
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

// In parts, so that each stays well within its time on a busy 2-core machine.
for (const [part, from, to] of [
  ["first quarter", 0, 6],
  ["second quarter", 6, 12],
  ["third quarter", 12, 17],
  ["last quarter", 17, undefined],
] as const) {
  test(`no serious accessibility violation on the staff pages (${part}), light and dark`, async ({ browser }) => {
    test.slow();
    const { o, pages } = await world();
    const ada = await pageAs(browser, o.admin);
    for (const path of pages.admin.slice(from, to)) await check(ada, path);
    await ada.context().close();
  });
}

test("no serious accessibility violation on the chat pages and a phone, light and dark", async ({ browser }) => {
  test.slow();
  const { o, chat } = await world();
  const ada = await pageAs(browser, o.admin);
  for (const path of chat.admin) await check(ada, path);
  const phone = await pageAs(browser, o.manager, { phone: true, path: `/inbox/${o.teammate.threadId}` });
  await check(phone, `/inbox/${o.teammate.threadId}`);
  for (const p of [ada, phone]) await p.context().close();
});

test("no serious accessibility violation on the teammate's pages, light and dark", async ({ browser }) => {
  test.slow();
  const { o, pages } = await world();
  const tess = await pageAs(browser, o.teammate);
  for (const path of pages.teammate) await check(tess, path);
  await tess.context().close();
});

test("no serious accessibility violation on the teammate's chat pages and the visitor's pages, light and dark", async ({
  browser,
}) => {
  test.slow();
  const { o, chat } = await world();
  const tess = await pageAs(browser, o.teammate);
  for (const path of chat.teammate) await check(tess, path);
  const visitor = await browser.newContext();
  for (const path of ["/sign-in", "/reset-password", "/offline"]) await check(await visitor.newPage(), path);
  await tess.context().close();
  await visitor.close();
});
