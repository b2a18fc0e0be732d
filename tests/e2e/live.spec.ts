import { test, expect, pageAs, MANAGER, MANAGER_2 } from "./fixtures";

// Live updates arrive through Server-Sent Events: no reload anywhere in these tests.

test("manager and teammate see each other's messages live", async ({ browser }) => {
  const stamp = Date.now();
  const manager = await pageAs(browser, MANAGER);
  await manager.getByTestId("contact").filter({ hasText: "Tom Bonnet" }).click();
  await expect(manager.getByRole("heading", { name: "Tom Bonnet" })).toBeVisible();
  const tom = await pageAs(browser, "tom.bonnet45@northwind.test", { phone: true });
  await expect(tom.locator("html[data-live=open]")).toHaveCount(1);
  await expect(manager.locator("html[data-live=open]")).toHaveCount(1);

  await manager.getByLabel("Message").fill(`Live from the office ${stamp}`);
  await manager.getByRole("button", { name: "Send" }).click();
  await expect(tom.getByTestId("message").last()).toContainText(`Live from the office ${stamp}`, { timeout: 3000 });

  await tom.getByLabel("Message").fill(`Live from the phone ${stamp}`);
  await tom.getByRole("button", { name: "Send" }).click();
  await expect(manager.getByTestId("message").last()).toContainText(`Live from the phone ${stamp}`, { timeout: 3000 });
  await manager.context().close();
  await tom.context().close();
});

test("two managers see processed changes and notes live", async ({ browser }) => {
  const stamp = Date.now();
  const maya = await pageAs(browser, MANAGER);
  const marc = await pageAs(browser, MANAGER_2);
  for (const p of [maya, marc]) {
    await p.getByTestId("contact").filter({ hasText: "Noah Lambert" }).click();
    await expect(p.getByRole("heading", { name: "Noah Lambert" })).toBeVisible();
    await expect(p.locator("html[data-live=open]")).toHaveCount(1);
  }
  await maya.getByRole("button", { name: "Mark as processed" }).click();
  await expect(marc.getByTestId("processed-banner")).toContainText("Processed by Maya", { timeout: 3000 });
  await maya.getByLabel("Message").fill(`Shared note ${stamp}`);
  await maya.getByRole("button", { name: "Add private note" }).click();
  await expect(marc.getByTestId("private-note").last()).toContainText(`Shared note ${stamp}`, { timeout: 3000 });
  await maya.context().close();
  await marc.context().close();
});

test("the event stream refuses visitors without a session", async ({ request }) => {
  const response = await request.get("/api/events");
  expect(response.status()).toBe(401);
});
