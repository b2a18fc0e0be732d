import { test, expect, newOrg, pageAs, seedMessage, name } from "./fixtures";

test("a manager writes to a teammate, who replies from the phone", async ({ browser }) => {
  const o = await newOrg();
  await seedMessage(o, o.teammate.threadId, o.teammate, "Thank you for the new rota");
  const manager = await pageAs(browser, o.manager);
  await expect(manager.getByRole("heading", { name: "Messaging" })).toBeVisible();
  const tess = manager.getByTestId("contact").filter({ hasText: name(o.teammate) });
  // The list shows each teammate with their last message.
  await expect(tess).toContainText("Thank you for the new rota");
  await tess.click();
  await expect(manager.getByRole("heading", { name: name(o.teammate) })).toBeVisible();
  await manager.getByLabel("Message").fill("Hello Tess, can you cover Friday?");
  await manager.getByRole("button", { name: "Send" }).click();
  await expect(manager.getByTestId("message").last()).toContainText("cover Friday?");
  await expect(manager.getByLabel("Message")).toHaveValue("");

  const teammate = await pageAs(browser, o.teammate);
  await expect(teammate.getByTestId("message").last()).toContainText("cover Friday?");
  await teammate.getByLabel("Message").fill("Yes, I can");
  await teammate.getByRole("button", { name: "Send" }).click();
  await expect(teammate.getByTestId("message").last()).toContainText("Yes, I can");

  await manager.reload();
  await expect(manager.getByTestId("message").last()).toContainText("Yes, I can");
  await expect(manager.getByTestId("processed-banner")).toHaveText("Not processed");
  await manager.context().close();
  await teammate.context().close();
});

test("the message form works without JavaScript", async ({ browser }) => {
  const o = await newOrg();
  const page = await pageAs(browser, o.manager, { javaScriptEnabled: false });
  await expect(page).toHaveURL(/\/inbox$/);
  await page
    .getByTestId("contact")
    .filter({ hasText: name(o.teammate) })
    .click();
  await page.getByLabel("Message").fill("Sent without JavaScript");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByTestId("message").last()).toContainText("Sent without JavaScript");
  await page.context().close();
});

test("bad input gets a clear message and the draft is kept", async ({ browser }) => {
  const o = await newOrg();
  const page = await pageAs(browser, o.manager, { path: `/inbox/${o.teammate.threadId}` });
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.locator("#message-body-error")).toHaveText("Write a message first.");
  const long = "x".repeat(4001);
  await page.getByLabel("Message").fill(long);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.locator("#message-body-error")).toHaveText("Messages are limited to 4,000 characters.");
  await expect(page.getByLabel("Message")).toHaveValue(long);
  // Nothing was stored.
  await page.reload();
  await expect(page.getByTestId("message")).toHaveCount(0);
  await page.context().close();
});

test("text is escaped and links are clickable", async ({ browser }) => {
  const o = await newOrg();
  const page = await pageAs(browser, o.manager, { path: `/inbox/${o.teammate.threadId}` });
  await page.getByLabel("Message").fill(`<b>bold?</b> see https://example.org/rota`);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const last = page.getByTestId("message").last();
  await expect(last).toContainText("<b>bold?</b>");
  await expect(last.getByRole("link", { name: "https://example.org/rota" })).toHaveAttribute(
    "href",
    "https://example.org/rota",
  );
  await expect(last.locator("b")).toHaveCount(0);
  await page.context().close();
});

test("a teammate who opens another teammate's thread by URL gets not found", async ({ browser }) => {
  const o = await newOrg();
  await seedMessage(o, o.teammate2.threadId, o.teammate2, "Theo's own question");
  const teammate = await pageAs(browser, o.teammate);
  const response = await teammate.goto(`/me/messages/${o.teammate2.threadId}`);
  expect(response?.status()).toBe(404);
  await expect(teammate.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(teammate.getByText("Theo")).toHaveCount(0);
  await teammate.context().close();
});
