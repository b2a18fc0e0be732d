import { test, expect, pageAs, MANAGER, MANAGER_2 } from "./fixtures";

test("mark as processed and not processed, seen by another manager, with history", async ({ browser }) => {
  const maya = await pageAs(browser, MANAGER);
  await maya.getByTestId("contact").filter({ hasText: "Sarah Dubois" }).click();
  const banner = maya.getByTestId("processed-banner");
  await expect(banner).toHaveText("Not processed");
  await maya.getByRole("button", { name: "Mark as processed" }).click();
  await expect(banner).toContainText("Processed by Maya on");
  await expect(maya.getByRole("button", { name: "Mark as not processed" })).toBeVisible();

  const marc = await pageAs(browser, MANAGER_2);
  await marc.getByTestId("contact").filter({ hasText: "Sarah Dubois" }).click();
  await expect(marc.getByTestId("processed-banner")).toContainText("Processed by Maya on");
  await marc.getByRole("button", { name: "Mark as not processed" }).click();
  await expect(marc.getByTestId("processed-banner")).toHaveText("Not processed");
  await marc.getByText("History").click();
  await expect(marc.getByTestId("processed-history").getByRole("listitem").first()).toContainText("Not processed · Marc Leroy");
  await maya.context().close();
  await marc.context().close();
});

test("a private note shows in yellow for staff and never for the teammate", async ({ browser }) => {
  const stamp = Date.now();
  const maya = await pageAs(browser, MANAGER);
  await maya.getByTestId("contact").filter({ hasText: "Sarah Dubois" }).click();
  await maya.getByLabel("Message").fill(`Staff only ${stamp}`);
  await maya.getByRole("button", { name: "Add private note" }).click();
  const note = maya.getByTestId("private-note").last();
  await expect(note).toContainText(`Staff only ${stamp}`);
  await expect(note).toContainText("Maya Moreau");
  await expect(maya.getByLabel("Message")).toHaveValue("");
  await maya.context().close();

  const sarah = await pageAs(browser, "sarah.dubois40@northwind.test", { phone: true });
  await expect(sarah.getByTestId("message").first()).toBeVisible();
  const html = await sarah.content();
  expect(html).not.toContain(`Staff only ${stamp}`);
  await sarah.context().close();
});

test("mark as unread brings the blue dot back for this manager", async ({ browser }) => {
  const maya = await pageAs(browser, MANAGER);
  const louis = maya.getByTestId("contact").filter({ hasText: "Louis Durand" });
  await louis.click();
  await expect(louis.getByTestId("unread-badge")).toHaveCount(0);
  await maya.getByRole("button", { name: "Mark as unread" }).first().click();
  await expect(maya).toHaveURL(/\/inbox$/);
  await expect(maya.getByTestId("contact").filter({ hasText: "Louis Durand" }).getByTestId("unread-badge")).toBeVisible();
  await maya.context().close();
});

test("sort and filters live in the URL and can be shared", async ({ browser }) => {
  const maya = await pageAs(browser, MANAGER);
  await maya.getByLabel("Sort by").selectOption("name");
  await expect(maya).toHaveURL(/\/inbox\?sort=name$/);
  await expect(maya.getByTestId("contact").first()).toContainText("Bernard");
  await expect(maya.getByTestId("contact-count")).toHaveText("1–50 of 66");
  await maya.getByText("Filters").click();
  await maya.getByLabel("Waiting list").check();
  await expect(maya).toHaveURL(/waiting=1/);
  await expect(maya.getByTestId("contact-count")).toHaveText("1–6 of 6");
  await maya.getByLabel("Search by name").fill("lena");
  await maya.getByRole("button", { name: "Apply" }).click();
  await expect(maya).toHaveURL(/q=lena/);
  await expect(maya.getByTestId("contact-count")).toHaveText("1–1 of 1");
  await expect(maya.getByTestId("contact")).toContainText("Lena");

  // A shared link opens the same view for another manager, and survives opening a thread.
  const marc = await pageAs(browser, MANAGER_2);
  await marc.goto("/inbox?sort=name&skill=nonexistent-id&page=abc");
  await expect(marc.getByTestId("contact-count")).toHaveText("0–0 of 0");
  await marc.goto("/inbox?unread=1&sort=name");
  const first = marc.getByTestId("contact").first();
  await first.click();
  await expect(marc).toHaveURL(/\/inbox\/[^?]+\?sort=name&unread=1$/);
  await maya.context().close();
  await marc.context().close();
});
