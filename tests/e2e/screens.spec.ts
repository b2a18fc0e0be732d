import type { Page } from "@playwright/test";
import { test, expect, newOrg, pageAs, seedMessage, signIn, live, e2eDb, PHONE, TEST_PASSWORD } from "./fixtures";

// The screens as people use them: where a thread opens, phones, the keyboard, a lost network.

const line = (page: Page, text: string) => page.getByTestId("message").filter({ hasText: text });

test("a long thread opens at its newest message, pages back in place, and marks what arrives while scrolled up", async ({
  browser,
}) => {
  test.slow();
  const o = await newOrg();
  for (let i = 1; i <= 38; i++) await seedMessage(o, o.teammate.threadId, o.teammate, `Line ${i}.`);
  const max = await pageAs(browser, o.manager, { path: `/inbox/${o.teammate.threadId}` });
  await live(max);
  await expect(line(max, "Line 38.")).toBeInViewport();
  await expect(line(max, "Line 13.")).toHaveCount(0);

  // Earlier messages come in front, and what the reader was looking at stays in view.
  await max.getByRole("button", { name: "Show earlier messages" }).click();
  await expect(line(max, "Line 1.")).toHaveCount(1);
  await expect(line(max, "Line 14.")).toBeInViewport();
  await expect(max.getByRole("button", { name: "Show earlier messages" })).toHaveCount(0);

  // Scrolled up, a new message does not move the page: a marker says it is there.
  await seedMessage(o, o.teammate.threadId, o.teammate, "Are you there?");
  const marker = max.getByTestId("new-messages");
  await expect(marker).toHaveText("1 new message");
  await expect(line(max, "Line 14.")).toBeInViewport();
  // Not read yet: the reader has not had it in view.
  const readSeq = async () =>
    (
      await e2eDb().staffReadState.findUnique({
        where: { conversationId_userId: { conversationId: o.teammate.threadId, userId: o.manager.id } },
      })
    )?.lastReadSeq ?? 0;
  // The page reports what the reader has had in view: still 38 while the marker shows.
  await expect(marker).toHaveAttribute("data-read-up-to", "38");
  expect(await readSeq()).toBe(38);
  await marker.click();
  await expect(line(max, "Are you there?")).toBeInViewport();
  await expect(marker).toHaveCount(0);
  await expect.poll(readSeq).toBe(39);

  // At the bottom, what arrives and what the reader sends stay in view.
  await seedMessage(o, o.teammate.threadId, o.teammate, "Hello again");
  await expect(line(max, "Hello again")).toBeInViewport();
  await expect(marker).toHaveCount(0);
  await max.getByLabel("Message").fill("Yes, here");
  await max.getByRole("button", { name: "Send" }).click();
  await expect(line(max, "Yes, here")).toBeInViewport();
  await max.context().close();
});

const noSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

test("a manager answers from a phone: the list and the thread are two screens, nothing scrolls sideways", async ({
  browser,
}) => {
  const o = await newOrg();
  await seedMessage(o, o.teammate.threadId, o.teammate, "Can I start at 9 tomorrow?");
  const max = await pageAs(browser, o.manager, { phone: true, path: "/inbox?sort=name" });
  expect(await noSideways(max)).toBe(true);
  await max.getByTestId("contact").filter({ hasText: "Tess One" }).click();
  await expect(max.getByRole("heading", { name: "Tess One" })).toBeVisible();
  await expect(max.getByRole("region", { name: "Contact list" })).toBeHidden();
  expect(await noSideways(max)).toBe(true);
  await expect(line(max, "Can I start at 9 tomorrow?")).toBeInViewport();
  const send = max.getByRole("button", { name: "Send" });
  expect((await send.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await max.getByLabel("Message").fill("Yes, see you at 9");
  await send.click();
  await expect(line(max, "Yes, see you at 9")).toBeInViewport();
  // Every button a finger presses here is 44 px high or more.
  const small = await max.evaluate(() =>
    [...document.querySelectorAll("main button, main a, main summary")]
      .filter((el) => (el as HTMLElement).offsetParent !== null && !el.closest(".sr-only"))
      .filter((el) => el.getBoundingClientRect().height < 44)
      .map((el) => el.textContent?.trim()),
  );
  expect(small).toEqual([]);
  // The narrowest phones too.
  await max.setViewportSize({ width: 360, height: 740 });
  expect(await noSideways(max)).toBe(true);

  // Back to the list as it was; the bottom bar's "More" holds the rest and sign-out.
  await max.getByRole("link", { name: "Contacts" }).click();
  await expect(max).toHaveURL(/\/inbox\?sort=name$/);
  await expect(max.getByRole("region", { name: "Contact list" })).toBeVisible();
  await max.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "More" }).click();
  await expect(max.getByRole("link", { name: "Your account" })).toBeVisible();
  await expect(max.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
  await max.context().close();
});

test("on the teammate's phone the composer sits on the tab bar, and unsent text survives a reload", async ({
  browser,
}) => {
  const o = await newOrg();
  const tess = await pageAs(browser, o.teammate);
  const composer = tess.locator("form").filter({ has: tess.getByLabel("Message") });
  const bar = tess.getByRole("navigation", { name: "Main" });
  expect(
    Math.abs((await composer.boundingBox())!.y + (await composer.boundingBox())!.height - (await bar.boundingBox())!.y),
  ).toBeLessThanOrEqual(1);
  // Once the page's script runs (the live stream opens), the thread still spans the phone's width:
  // it once shrank to its widest message, a layout shift that cost the page its Lighthouse score.
  await live(tess);
  await expect(tess.getByRole("button", { name: "Send with the chosen files" })).toHaveCount(0);
  expect((await tess.locator("main").boundingBox())!.width).toBe(PHONE.viewport.width);

  // The network is down: the message waits in the outbox, a new draft is being typed, the page reloads.
  await tess.route("**/api/conversations/*/messages", (route) =>
    route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue(),
  );
  await tess.getByLabel("Message").fill("Running late, sorry");
  await tess.getByRole("button", { name: "Send" }).click();
  await expect(tess.getByTestId("pending-message")).toHaveAttribute("data-status", "failed");
  await tess.getByLabel("Message").fill("Half typed");
  await tess.reload();
  await expect(tess.getByLabel("Message")).toHaveValue("Half typed");
  await expect(tess.getByTestId("pending-message")).toContainText("Running late, sorry");
  await expect(tess.getByTestId("pending-message")).toHaveAttribute("data-status", "failed");

  // Back online, Retry sends it once; it leaves the device's outbox.
  await tess.unrouteAll();
  await tess.getByTestId("pending-message").getByRole("button", { name: "Retry" }).click();
  await expect(line(tess, "Running late, sorry")).toHaveCount(1);
  await expect(tess.getByTestId("pending-message")).toHaveCount(0);
  await tess.reload();
  await expect(line(tess, "Running late, sorry")).toHaveCount(1);
  await expect(tess.getByTestId("pending-message")).toHaveCount(0);
  await expect(tess.getByLabel("Message")).toHaveValue("Half typed");
  await tess.context().close();
});

/** Presses Tab until `is` holds for the focused element; the number of presses. */
async function tabUntil(page: Page, is: (el: Element) => boolean, max = 40): Promise<number> {
  for (let n = 1; n <= max; n++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((src) => new Function("el", `return (${src})(el)`)(document.activeElement), is.toString()))
      return n;
  }
  throw new Error(`not reached in ${max} presses`);
}

test("a manager replies with the keyboard alone, in few key presses", async ({ browser }) => {
  const o = await newOrg();
  await seedMessage(o, o.teammate.threadId, o.teammate, "Is the meeting at 3?");
  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-in");
  await page.keyboard.press("Tab"); // the skip link comes first
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.getByLabel("E-mail").focus();
  await page.keyboard.type(o.manager.email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(TEST_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Messaging" })).toBeVisible();

  // The contacts are one Tab stop, whatever their number; arrows move within them.
  const toContact = await tabUntil(page, (el) => el.getAttribute("data-testid") === "contact");
  // 14: the skip link, the sections, the account block (Your account, Sign out, language), message search,
  // the list's search and sort.
  expect(toContact).toBeLessThanOrEqual(14);
  if (!(await page.evaluate(() => document.activeElement?.textContent?.includes("Tess One")))) {
    for (
      let n = 0;
      n < 3 && !(await page.evaluate(() => document.activeElement?.textContent?.includes("Tess One")));
      n++
    )
      await page.keyboard.press("ArrowDown");
  }
  await page.keyboard.press("Enter");
  // Focus lands on the conversation; a few presses reach each action.
  await expect(page.getByRole("heading", { name: "Tess One" })).toBeFocused();
  const toProcessed = await tabUntil(page, (el) => el.textContent === "Mark as processed", 5);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("processed-banner")).toContainText("Processed by Max");
  await expect(page.getByRole("button", { name: "Mark as not processed" })).toBeFocused();
  let back = 0;
  while (
    !(await page
      .getByRole("link", { name: "Skip to the reply box" })
      .evaluate((el) => el === document.activeElement)) &&
    back++ < 5
  )
    await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Message")).toBeFocused();
  await page.keyboard.type("Yes, at 3");
  await page.keyboard.press("Control+Enter");
  await expect(line(page, "Yes, at 3")).toHaveCount(1);
  expect(toContact + toProcessed + back).toBeLessThanOrEqual(19);
  await page.context().close();
});

test("Mark as unread goes back to the list as it was: search, sort and filters kept", async ({ browser }) => {
  const o = await newOrg();
  await seedMessage(o, o.teammate.threadId, o.teammate, "Quick question");
  const max = await pageAs(browser, o.manager, { path: `/inbox/${o.teammate.threadId}?sort=name&q=tess` });
  await max.getByTestId("thread-menu").click();
  await max.getByRole("button", { name: "Mark as unread" }).click();
  await expect(max).toHaveURL(/\/inbox\?sort=name&q=tess$/);
  await expect(max.getByTestId("contact")).toHaveCount(1);
  await max.context().close();
});

test("signing in and out on a phone: sign-out is a comfortable target", async ({ browser }) => {
  const o = await newOrg();
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await signIn(page, o.teammate.email);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Profile" }).click();
  for (const name of ["Sign out", "Sign out on every device"]) {
    expect((await page.getByRole("button", { name, exact: true }).boundingBox())!.height).toBeGreaterThanOrEqual(44);
  }
  await context.close();
});

test("offline for a long while: the page stays, says so, keeps the draft, and catches up in order once back", async ({
  browser,
}) => {
  const o = await newOrg();
  const tess = await pageAs(browser, o.teammate);
  await live(tess);
  await tess.evaluate(() => Object.assign(window, { samePage: true }));
  let pings = 0;
  tess.context().on("request", (r) => void (r.url().endsWith("/api/ping") && pings++));
  await tess.context().setOffline(true);
  await expect(tess.getByTestId("offline")).toContainText("You are offline");
  await tess.getByLabel("Message").fill("Sent from the tunnel");
  await tess.getByRole("button", { name: "Send" }).click();
  await expect(tess.getByTestId("pending-message")).toHaveAttribute("data-status", "waiting");
  await tess.getByLabel("Message").fill("Still typing");
  for (const n of [1, 2, 3]) await seedMessage(o, o.teammate.threadId, o.manager, `Update ${n}`);
  // A long time offline: the page has tried again and again (1 s, 2 s, 4 s… apart), not a blip.
  const before = pings;
  await expect.poll(() => pings - before, { timeout: 60_000 }).toBeGreaterThanOrEqual(4);

  await tess.context().setOffline(false);
  // Within seconds: the missed messages once each, in order, the unsent one sent by itself.
  await expect(line(tess, "Update 3")).toHaveCount(1, { timeout: 10_000 });
  await expect(line(tess, "Sent from the tunnel")).toHaveCount(1, { timeout: 10_000 });
  await expect(tess.getByTestId("pending-message")).toHaveCount(0);
  const updates = (await tess.getByTestId("message").allTextContents()).filter((text) => text.includes("Update"));
  expect(updates.map((text) => text.match(/Update \d/)![0])).toEqual(["Update 1", "Update 2", "Update 3"]);
  await expect(tess.getByTestId("offline")).toHaveCount(0);
  await expect(tess.getByLabel("Message")).toHaveValue("Still typing");
  expect(await tess.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
  await tess.context().close();
});
