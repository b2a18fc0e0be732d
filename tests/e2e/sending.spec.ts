import { test, expect, newOrg, pageAs } from "./fixtures";

test("a send that fails on the network keeps the text, and Retry stores it once", async ({ browser }) => {
  const o = await newOrg();
  const page = await pageAs(browser, o.manager, { path: `/inbox/${o.teammate.threadId}` });
  // The server stores the message but the answer never reaches the browser.
  let failNext = true;
  await page.route("**/api/conversations/*/messages", async (route) => {
    if (failNext && route.request().method() === "POST") {
      failNext = false;
      await route.fetch();
      await route.abort("connectionreset");
      return;
    }
    await route.continue();
  });
  await page.getByLabel("Message").fill("Flaky network");
  await page.getByRole("button", { name: "Send" }).click();
  const pending = page.getByTestId("pending-message");
  await expect(pending).toHaveAttribute("data-status", "failed");
  await expect(pending).toContainText("Flaky network");
  await expect(pending).toContainText("Not sent: check your connection.");

  await pending.getByRole("button", { name: "Retry" }).click();
  await expect(pending).toHaveCount(0);
  await expect(page.getByTestId("message").filter({ hasText: "Flaky network" })).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId("message").filter({ hasText: "Flaky network" })).toHaveCount(1);
  await page.context().close();
});

test("a message shows at once while it is being sent", async ({ browser }) => {
  const o = await newOrg();
  const page = await pageAs(browser, o.manager, { path: `/inbox/${o.teammate.threadId}` });
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await page.route("**/api/conversations/*/messages", async (route) => {
    if (route.request().method() === "POST") await gate;
    await route.continue();
  });
  await page.getByLabel("Message").fill("Optimistic");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByTestId("pending-message")).toHaveAttribute("data-status", "sending");
  await expect(page.getByLabel("Message")).toHaveValue("");
  release();
  await expect(page.getByTestId("message").filter({ hasText: "Optimistic" })).toHaveCount(1);
  await expect(page.getByTestId("pending-message")).toHaveCount(0);
  await page.context().close();
});
