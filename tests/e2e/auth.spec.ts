import { test, expect, signIn, pageAs, PHONE, ADMIN, MANAGER, TEAMMATE, PASSWORD } from "./fixtures";

test("an admin signs in to Messaging and has Settings", async ({ page }) => {
  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole("heading", { name: "Messaging" })).toBeVisible();
  await expect(page.getByTestId("current-user")).toHaveText("Ada Admin");
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Chat option" })).toBeVisible();
});

test("a manager signs in to Messaging, without Settings", async ({ page }) => {
  await signIn(page, MANAGER);
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByTestId("current-user")).toHaveText("Maya Moreau");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(["Messaging", "Schedule", "Teammates"]);
  // A page for another role redirects.
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/inbox$/);
  await page.goto("/me/messages");
  await expect(page).toHaveURL(/\/inbox$/);
});

test("a teammate signs in on a phone and lands on their messages", async ({ browser }) => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await signIn(page, TEAMMATE);
  await expect(page).toHaveURL(/\/me\/messages\/[^/]+$/);
  await expect(page.getByRole("heading", { name: "Northwind Care" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/me\/messages/);
  await page.getByRole("link", { name: "Schedule" }).click();
  await expect(page.getByRole("heading", { name: "My schedule" })).toBeVisible();
  await expect(page.getByTestId("my-shift").first()).toBeVisible();
  await context.close();
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await signIn(page, MANAGER, "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "Wrong" })).toHaveText("Wrong e-mail or password.");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByLabel("E-mail")).toHaveValue(MANAGER);
});

test("an empty e-mail gets a message next to the field", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#email-error")).toHaveText("Enter your e-mail address.");
});

test("signing out ends the session", async ({ browser }) => {
  const page = await pageAs(browser, MANAGER);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.context().close();
});

test("pages ask visitors to sign in and come back after", async ({ page }) => {
  await page.goto("/teammates");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fteammates/);
  await page.getByLabel("E-mail").fill(MANAGER);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/teammates$/);
  await expect(page.getByRole("heading", { name: "Teammates" })).toBeVisible();
});
