import { test, expect, pageAs, MANAGER, TEAMMATE, OTHER_TEAMMATE } from "./fixtures";

test("a manager writes to a teammate, who replies from the phone", async ({ browser }) => {
  const stamp = Date.now();
  const manager = await pageAs(browser, MANAGER);
  await expect(manager.getByRole("heading", { name: "Messaging" })).toBeVisible();
  const lena = manager.getByTestId("contact").filter({ hasText: "Lena Martin" });
  // The list shows each teammate with their last message.
  await expect(lena).toContainText("thank you");
  await lena.click();
  await expect(manager.getByRole("heading", { name: "Lena Martin" })).toBeVisible();
  await manager.getByLabel("Message").fill(`Hello Lena, can you cover Friday? ${stamp}`);
  await manager.getByRole("button", { name: "Send" }).click();
  await expect(manager.getByTestId("message").last()).toContainText(`cover Friday? ${stamp}`);
  await expect(manager.getByLabel("Message")).toHaveValue("");

  const teammate = await pageAs(browser, TEAMMATE, { phone: true });
  await expect(teammate.getByTestId("message").last()).toContainText(`cover Friday? ${stamp}`);
  await teammate.getByLabel("Message").fill(`Yes, I can ${stamp}`);
  await teammate.getByRole("button", { name: "Send" }).click();
  await expect(teammate.getByTestId("message").last()).toContainText(`Yes, I can ${stamp}`);

  await manager.reload();
  await expect(manager.getByTestId("message").last()).toContainText(`Yes, I can ${stamp}`);
  await expect(manager.getByTestId("processed-banner")).toHaveText("Not processed");
  await manager.context().close();
  await teammate.context().close();
});

test("the message form works without JavaScript", async ({ browser }) => {
  const stamp = Date.now();
  const page = await pageAs(browser, MANAGER, { javaScriptEnabled: false });
  await expect(page).toHaveURL(/\/inbox$/);
  await page.getByTestId("contact").filter({ hasText: "Lena Martin" }).click();
  await page.getByLabel("Message").fill(`Sent without JavaScript ${stamp}`);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByTestId("message").last()).toContainText(`Sent without JavaScript ${stamp}`);
  await page.context().close();
});

test("bad input gets a clear message and the draft is kept", async ({ browser }) => {
  const page = await pageAs(browser, MANAGER);
  await page.getByTestId("contact").filter({ hasText: "Lena Martin" }).click();
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.locator("#message-body-error")).toHaveText("Write a message first.");
  const long = "x".repeat(4001);
  await page.getByLabel("Message").fill(long);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.locator("#message-body-error")).toHaveText("Messages are limited to 4,000 characters.");
  await expect(page.getByLabel("Message")).toHaveValue(long);
  // Nothing was stored.
  await page.reload();
  await expect(page.getByTestId("message").filter({ hasText: "xxxxxxxxxx" })).toHaveCount(0);
  await page.context().close();
});

test("text is escaped and links are clickable", async ({ browser }) => {
  const page = await pageAs(browser, MANAGER);
  await page.getByTestId("contact").filter({ hasText: "Lena Martin" }).click();
  await page.getByLabel("Message").fill(`<b>bold?</b> see https://example.org/rota`);
  await page.getByRole("button", { name: "Send" }).click();
  const last = page.getByTestId("message").last();
  await expect(last).toContainText("<b>bold?</b>");
  await expect(last.getByRole("link", { name: "https://example.org/rota" })).toHaveAttribute("href", "https://example.org/rota");
  await expect(last.locator("b")).toHaveCount(0);
  await page.context().close();
});

test("a teammate who opens another teammate's thread by URL gets not found", async ({ browser }) => {
  const manager = await pageAs(browser, MANAGER);
  await manager.goto("/teammates");
  await manager.getByRole("link", { name: "Lefebvre Hugo" }).click();
  const href = await manager.getByRole("link", { name: "Message" }).getAttribute("href");
  const otherId = href!.split("/").pop();
  await manager.context().close();

  const teammate = await pageAs(browser, TEAMMATE, { phone: true });
  const response = await teammate.goto(`/me/messages/${otherId}`);
  expect(response?.status()).toBe(404);
  await expect(teammate.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(teammate.getByText("Hugo")).toHaveCount(0);
  await teammate.context().close();
  expect(OTHER_TEAMMATE).toContain("hugo");
});
