import { test, expect, signIn, newOrg, shiftFor, pageAs, name, PHONE, TEST_PASSWORD } from "./fixtures";

// The only tests that type into the sign-in form; every other test starts signed in.

test("an admin signs in to Messaging and has Settings", async ({ page }) => {
  const o = await newOrg();
  await signIn(page, o.admin.email);
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole("heading", { name: "Messaging" })).toBeVisible();
  await expect(page.getByTestId("current-user")).toHaveText(name(o.admin));
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Chat option" })).toBeVisible();
});

test("a manager signs in to Messaging, without Settings", async ({ page }) => {
  const o = await newOrg();
  await signIn(page, o.manager.email);
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByTestId("current-user")).toHaveText(name(o.manager));
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText([
    "Messaging",
    "Schedule",
    "Teammates",
    "Exports",
  ]);
  // A page for another role redirects.
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/inbox$/);
  await page.goto("/me/messages");
  await expect(page).toHaveURL(/\/inbox$/);
});

test("a teammate signs in on a phone and lands on their messages", async ({ browser }) => {
  const o = await newOrg("Riverside Care");
  const startsAt = new Date(Date.now() + 2 * 3600_000);
  await shiftFor(o, {
    activity: "Evening care",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 4 * 3600_000),
    assignees: [o.teammate.id],
  });
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await signIn(page, o.teammate.email);
  // The thread is served at /me itself: no redirects before it shows.
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole("heading", { name: "Riverside Care" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Messages" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/me$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Schedule" }).click();
  await expect(page.getByRole("heading", { name: "My schedule" })).toBeVisible();
  if ((await page.getByTestId("my-shift").count()) === 0) await page.getByRole("link", { name: "Next week" }).click();
  await expect(page.getByTestId("my-shift")).toContainText("Evening care");
  await context.close();
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  const o = await newOrg();
  await signIn(page, o.manager.email, "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "Wrong" })).toHaveText("Wrong e-mail or password.");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByLabel("E-mail")).toHaveValue(o.manager.email);
});

test("an empty e-mail gets a message next to the field", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#email-error")).toHaveText("Enter your e-mail address.");
});

test("signing out ends the session", async ({ browser }) => {
  const o = await newOrg();
  const page = await pageAs(browser, o.manager);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.context().close();
});

test("pages ask visitors to sign in and come back after", async ({ page }) => {
  const o = await newOrg();
  await page.goto("/teammates");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fteammates/);
  await page.getByLabel("E-mail").fill(o.manager.email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/teammates$/);
  await expect(page.getByRole("heading", { name: "Teammates" })).toBeVisible();
});

test("signing out ends that session on the server: a copy of its cookie no longer works, other devices stay signed in", async ({
  browser,
}) => {
  const o = await newOrg();
  const laptop = await (await browser.newContext()).newPage();
  await signIn(laptop, o.manager.email);
  await expect(laptop).toHaveURL(/\/inbox$/);
  const phone = await (await browser.newContext()).newPage();
  await signIn(phone, o.manager.email);
  await expect(phone).toHaveURL(/\/inbox$/);
  const copied = (await laptop.context().cookies()).find((c) => c.name === "shiftline.session")!;

  await laptop.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(laptop).toHaveURL(/\/sign-in$/);
  // Someone who kept the cookie gets nowhere with it.
  const thief = await browser.newContext();
  await thief.addCookies([copied]);
  const stolen = await thief.newPage();
  await stolen.goto("/inbox");
  await expect(stolen).toHaveURL(/\/sign-in/);
  // The phone's own session is untouched.
  await phone.reload();
  await expect(phone.getByRole("heading", { name: "Messaging" })).toBeVisible();
  for (const p of [laptop, phone, stolen]) await p.context().close();
});

test("a server action with a body over the limit gets 413 and writes nothing", async ({ request }) => {
  const response = await request.post("/sign-in", {
    headers: { "next-action": "0".repeat(40), "content-type": "text/plain;charset=UTF-8" },
    data: "x".repeat(2 * 1024 * 1024),
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toBe("This request is too large.");
});

test("next-auth's own endpoints are not served: no second way to sign in or to read a session", async ({ request }) => {
  for (const path of ["/api/auth/session", "/api/auth/csrf", "/api/auth/providers", "/api/auth/callback/credentials"]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  expect(
    (await request.post("/api/auth/callback/credentials", { form: { email: "a@b.test", password: "x" } })).status(),
  ).toBe(404);
});

test("signing out everywhere closes the other devices' live streams at once, and they go to sign-in", async ({
  browser,
}) => {
  const o = await newOrg();
  const phone = await (await browser.newContext(PHONE)).newPage();
  await signIn(phone, o.teammate.email);
  await expect(phone.locator("html[data-live=open]")).toHaveCount(1);
  const tablet = await (await browser.newContext(PHONE)).newPage();
  await signIn(tablet, o.teammate.email);
  await tablet.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Profile" }).click();
  await tablet.getByRole("button", { name: "Sign out on every device" }).click();
  await expect(tablet).toHaveURL(/\/sign-in/);
  // Seconds, not the minute of the periodic check.
  await expect(phone).toHaveURL(/\/sign-in/, { timeout: 8_000 });
  for (const p of [phone, tablet]) await p.context().close();
});
