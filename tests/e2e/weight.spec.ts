import type { Page } from "@playwright/test";
import { test, expect, live, newOrg, pageAs, seedMessage } from "./fixtures";

// Staff-only code (the message menu, the composer's delivery options, the shift card's
// staff part) carries a `data-staff-only` marker: no script a teammate's page loads may
// contain it (issue 28: a teammate's first load holds only what a teammate uses).

/** The text of every script the page has loaded so far, by URL. */
async function scripts(page: Page): Promise<Map<string, string>> {
  const urls = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((e) => e.name)
      .filter((u) => u.includes("/_next/static/") && u.endsWith(".js")),
  );
  const out = new Map<string, string>();
  for (const url of urls) out.set(url, await (await page.request.get(url)).text());
  return out;
}

const marked = (all: Map<string, string>) => [...all].filter(([, text]) => text.includes("data-staff-only"));

test("a teammate's pages load none of the staff's code", async ({ browser }) => {
  const o = await newOrg();
  await seedMessage(o, o.teammate.threadId, o.teammate, "Can I swap Tuesday?");
  await seedMessage(o, o.teammate.threadId, o.manager, "Let me check");

  // The positive control: a staff thread loads the marked code.
  const max = await pageAs(browser, o.manager, { path: `/inbox/${o.teammate.threadId}` });
  await expect(max.getByTestId("message").filter({ hasText: "Let me check" })).toBeVisible();
  await max.waitForLoadState("load");
  expect(marked(await scripts(max)).length).toBeGreaterThan(0);
  await max.context().close();

  const tess = await pageAs(browser, o.teammate);
  await expect(tess.getByTestId("message").filter({ hasText: "Let me check" })).toBeVisible();
  await tess.waitForLoadState("load");
  const loaded = await scripts(tess);
  for (const path of ["/me/schedule", "/me/profile", "/me/files"]) {
    await tess.goto(path);
    await expect(tess.locator("h1").first()).toBeVisible();
    await tess.waitForLoadState("load");
    for (const [url, text] of await scripts(tess)) loaded.set(url, text);
  }
  expect(loaded.size).toBeGreaterThan(3);
  expect(marked(loaded).map(([url]) => url)).toEqual([]);
  await expect(tess.locator("[data-staff-only]")).toHaveCount(0);
  await tess.context().close();
});

// Shiftline's own light link (components/ui/link.tsx, in place of next/link): the app router
// follows it without reloading the page; a click with Ctrl stays the browser's (a new tab).
test("the tab bar opens a teammate's screens without reloading the page; Ctrl+click opens a new tab", async ({
  browser,
}) => {
  const o = await newOrg();
  const tess = await pageAs(browser, o.teammate);
  await tess.waitForLoadState("load");
  await tess.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));
  const tabs = tess.getByRole("navigation", { name: "Main" });
  await tabs.getByRole("link", { name: "Schedule" }).click();
  await expect(tess).toHaveURL(/\/me\/schedule$/);
  await expect(tess.locator("h1").first()).toBeVisible();
  expect(await tess.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);

  const opened = tess.context().waitForEvent("page");
  await tabs.getByRole("link", { name: "Profile" }).click({ modifiers: ["Control"] });
  await expect(await opened).toHaveURL(/\/me\/profile$/);
  await expect(tess).toHaveURL(/\/me\/schedule$/);
  await tess.context().close();
});

// The first Intl object a browser page builds costs 50-130 ms on these machines (its ICU data
// loads), on the main thread as the page starts. A teammate's thread is drawn from the dates its
// server wrote (lib/conversations/date-labels.ts) and counts without Intl (lib/i18n/format-message.ts).
test("a teammate's thread starts without building an Intl object; what arrives later is formatted then", async ({
  browser,
}) => {
  const o = await newOrg();
  await seedMessage(o, o.teammate.threadId, o.manager, "Your shift on Tuesday is confirmed");
  await seedMessage(o, o.teammate.threadId, o.teammate, "Thanks!");
  const tess = await pageAs(browser, o.teammate, {
    beforeOpen: (page) =>
      page.addInitScript(() => {
        const built: string[] = ((window as unknown as { intlBuilt: string[] }).intlBuilt = []);
        for (const name of [
          "DateTimeFormat",
          "NumberFormat",
          "PluralRules",
          "ListFormat",
          "RelativeTimeFormat",
        ] as const) {
          const Original = Intl[name] as unknown as new (...args: unknown[]) => object;
          const Counted = function (...args: unknown[]) {
            built.push(name);
            return new Original(...args);
          };
          Counted.prototype = Original.prototype;
          Object.assign(Counted, {
            supportedLocalesOf: (Original as unknown as typeof Intl.NumberFormat).supportedLocalesOf,
          });
          (Intl as unknown as Record<string, unknown>)[name] = Counted;
        }
      }),
  });
  const intlBuilt = () => tess.evaluate(() => (window as unknown as { intlBuilt: string[] }).intlBuilt);
  await expect(tess.getByTestId("message").filter({ hasText: "Thanks!" })).toBeVisible();
  await live(tess); // hydrated, and its stream open
  await tess.waitForLoadState("load");
  expect(await intlBuilt()).toEqual([]);

  // The positive control: a message sent now has a time the server did not write, formatted here.
  await tess.getByLabel("Message", { exact: true }).fill("On my way");
  await tess.getByRole("button", { name: "Send", exact: true }).click();
  await expect(tess.getByTestId("message").filter({ hasText: "On my way" })).toBeVisible();
  expect(await intlBuilt()).toContain("DateTimeFormat");
  await tess.context().close();
});

test("a teammate's thread opens at the newest message before its script runs", async ({ browser }) => {
  const o = await newOrg();
  for (let i = 1; i <= 20; i++)
    await seedMessage(o, o.teammate.threadId, i % 2 ? o.manager : o.teammate, `Message number ${i}`);
  const tess = await pageAs(browser, o.teammate, {
    // The app's scripts never come: what shows is the server's page and its inline script.
    beforeOpen: (page) => page.route("**/_next/static/chunks/**/*.js", (route) => route.abort()),
  });
  await expect(tess.getByText("Message number 20", { exact: true })).toBeInViewport();
  await expect(tess.getByText("Message number 1", { exact: true })).not.toBeInViewport();
  // Next.js's bootstrap never ran: the page was not hydrated.
  expect(await tess.evaluate(() => "next" in window)).toBe(false);
  await tess.context().close();
});
