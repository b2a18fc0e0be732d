import { expect, type Page, type Browser } from "@playwright/test";

export const PASSWORD = "shiftline-demo";
export const ADMIN = "admin@northwind.test";
export const MANAGER = "maya@northwind.test";
export const MANAGER_2 = "marc@northwind.test";
// Demo teammates (see lib/seed/demo.ts): Lena Martin has a seeded thread.
export const TEAMMATE = "lena.martin@northwind.test";
export const OTHER_TEAMMATE = "hugo.lefebvre@northwind.test";

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A new browser context signed in as `email`, phone-sized for teammates. */
export async function pageAs(browser: Browser, email: string, opts: { phone?: boolean; javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ ...(opts.phone ? PHONE : {}), javaScriptEnabled: opts.javaScriptEnabled ?? true });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).not.toHaveURL(/sign-in/);
  return page;
}

export { test, expect } from "@playwright/test";
export type { Page } from "@playwright/test";
