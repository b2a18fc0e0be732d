import { test, expect, newOrg, pageAs, seedMessage, name } from "./fixtures";

test("mark as processed and not processed, seen by another manager, with history", async ({ browser }) => {
  const o = await newOrg();
  await seedMessage(o, o.teammate.threadId, o.teammate, "Can I swap Tuesday?");
  const max = await pageAs(browser, o.manager, { path: `/inbox/${o.teammate.threadId}` });
  const banner = max.getByTestId("processed-banner");
  await expect(banner).toHaveText("Not processed");
  await max.getByRole("button", { name: "Mark as processed" }).click();
  await expect(banner).toContainText("Processed by Max on");
  await expect(max.getByRole("button", { name: "Mark as not processed" })).toBeVisible();

  const mia = await pageAs(browser, o.manager2, { path: `/inbox/${o.teammate.threadId}` });
  await expect(mia.getByTestId("processed-banner")).toContainText("Processed by Max on");
  await mia.getByRole("button", { name: "Mark as not processed" }).click();
  await expect(mia.getByTestId("processed-banner")).toHaveText("Not processed");
  await mia.getByTestId("thread-menu").click();
  await mia.getByRole("button", { name: "History" }).click();
  await expect(mia.getByTestId("processed-history").getByRole("listitem").first()).toContainText(
    `Not processed · ${name(o.manager2)}`,
  );
  await max.context().close();
  await mia.context().close();
});

test("a private note shows in yellow for staff and never for the teammate", async ({ browser }) => {
  const o = await newOrg();
  await seedMessage(o, o.teammate.threadId, o.teammate, "Hello");
  const max = await pageAs(browser, o.manager, { path: `/inbox/${o.teammate.threadId}` });
  await max.getByLabel("Message").fill("Staff only: check her contract");
  await max.getByRole("button", { name: "Note", exact: true }).click();
  await max.getByRole("button", { name: "Add private note" }).click();
  const note = max.getByTestId("private-note").last();
  await expect(note).toContainText("Staff only: check her contract");
  await expect(max.getByLabel("Message")).toHaveValue("");
  // Another manager sees who wrote it (the author's own page does not name them).
  const mia = await pageAs(browser, o.manager2, { path: `/inbox/${o.teammate.threadId}` });
  await expect(mia.getByTestId("private-note").last()).toContainText(name(o.manager));
  await mia.context().close();

  const tess = await pageAs(browser, o.teammate);
  await expect(tess.getByTestId("message").first()).toBeVisible();
  expect(await tess.content()).not.toContain("check her contract");
  await max.context().close();
  await tess.context().close();
});

test("mark as unread brings the blue dot back for this manager only", async ({ browser }) => {
  const o = await newOrg();
  await seedMessage(o, o.teammate.threadId, o.teammate, "Are the new badges ready?");
  const max = await pageAs(browser, o.manager);
  const tess = max.getByTestId("contact").filter({ hasText: name(o.teammate) });
  await expect(tess.getByTestId("unread-badge")).toHaveText("1");
  await tess.click();
  await expect(tess.getByTestId("unread-badge")).toHaveCount(0);
  await max.getByTestId("thread-menu").click();
  await max.getByRole("button", { name: "Mark as unread" }).click();
  await expect(max).toHaveURL(/\/inbox$/);
  await expect(
    max
      .getByTestId("contact")
      .filter({ hasText: name(o.teammate) })
      .getByTestId("unread-badge"),
  ).toBeVisible();
  const mia = await pageAs(browser, o.manager2);
  await expect(
    mia
      .getByTestId("contact")
      .filter({ hasText: name(o.teammate) })
      .getByTestId("unread-badge"),
  ).toHaveText("1");
  await max.context().close();
  await mia.context().close();
});

test("sort and filters live in the URL and can be shared", async ({ browser }) => {
  const o = await newOrg();
  await o.addTeammate("Ines", "Bernard");
  await o.addTeammate("Wanda", "Waiting", { waitingList: true });
  await o.addTeammate("Walt", "Waiting", { waitingList: true });
  await seedMessage(o, o.teammate.threadId, o.teammate, "Unread question");
  const max = await pageAs(browser, o.manager);
  await max.getByLabel("Sort by").selectOption("name");
  await expect(max).toHaveURL(/\/inbox\?sort=name$/);
  await expect(max.getByTestId("contact").first()).toContainText("Ines Bernard");
  await expect(max.getByTestId("contact-count")).toHaveText("1–5 of 5");
  await max.getByText("Filters").click();
  await max.getByLabel("Waiting list").check();
  await expect(max).toHaveURL(/waiting=1/);
  await expect(max.getByTestId("contact-count")).toHaveText("1–2 of 2");
  await max.getByLabel("Search by name").fill("wan");
  await max.getByRole("button", { name: "Apply" }).click();
  await expect(max).toHaveURL(/q=wan/);
  await expect(max.getByTestId("contact-count")).toHaveText("1–1 of 1");
  await expect(max.getByTestId("contact")).toContainText("Wanda");

  // A shared link opens the same view for another manager, and survives opening a thread.
  const mia = await pageAs(browser, o.manager2);
  await mia.goto("/inbox?sort=name&skill=nonexistent-id&page=abc");
  await expect(mia.getByTestId("contact-count")).toHaveText("0–0 of 0");
  await mia.goto("/inbox?unread=1&sort=name");
  await expect(mia.getByTestId("contact-count")).toHaveText("1–1 of 1");
  await mia.getByTestId("contact").first().click();
  await expect(mia).toHaveURL(/\/inbox\/[^?]+\?sort=name&unread=1$/);
  await max.context().close();
  await mia.context().close();
});
