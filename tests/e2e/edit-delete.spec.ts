import { test, expect, newOrg, pageAs, live, seedMessage, type Page } from "./fixtures";

// Editing and deleting a message without losing the record (issue 30): the other side sees
// it live; an admin deletes a teammate's message, the thread says so, and only admins read
// the message's history.

/** Opens a message's actions the way a phone's long press or a right click does. */
async function actionsOf(page: Page, text: string) {
  await page.getByTestId("message").filter({ hasText: text }).getByText(text).click({ button: "right" });
  const menu = page.getByTestId("message-menu");
  await expect(menu).toBeVisible();
  return menu;
}

test("edit and delete, seen live by the other side; an admin's delete says so; history for admins only", async ({
  browser,
}) => {
  test.slow();
  const o = await newOrg();
  await seedMessage(o, o.teammate.threadId, o.teammate, "I can do Friday");
  const tess = await pageAs(browser, o.teammate, { path: "/me/messages" });
  const max = await pageAs(browser, o.manager, { path: `/inbox/${o.teammate.threadId}` });
  await live(tess);
  await live(max);

  // Tess corrects her message: Max sees the new words, marked edited.
  await (await actionsOf(tess, "I can do Friday")).getByRole("button", { name: "Edit" }).click();
  const dialog = tess.getByRole("dialog", { name: "Change what you wrote" });
  await dialog.getByLabel("New text").fill("I can do Saturday");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toHaveCount(0);
  const maxSees = max.getByTestId("message").filter({ hasText: "I can do Saturday" });
  await expect(maxSees.getByTestId("message-edited")).toHaveText("edited");
  await expect(max.getByText("I can do Friday")).toHaveCount(0);
  await expect(tess.getByTestId("message").filter({ hasText: "I can do Saturday" })).toContainText("edited");

  // Max deletes a message of his: Tess sees "Message deleted" in its place, live.
  const box = max.getByLabel("Message", { exact: true });
  await box.fill("Door code 4471");
  await max.getByRole("button", { name: "Send", exact: true }).click();
  await expect(tess.getByText("Door code 4471")).toBeVisible();
  await (await actionsOf(max, "Door code 4471")).getByRole("button", { name: "Delete" }).click();
  const confirm = max.getByRole("dialog", { name: "Delete for everyone?" });
  await expect(confirm).toContainText("An SMS copy that has already left cannot be recalled.");
  await confirm.getByRole("button", { name: "Delete for everyone" }).click();
  await expect(tess.getByTestId("message-deleted")).toHaveText("Message deleted");
  await expect(tess.getByText("Door code 4471")).toHaveCount(0);
  await expect(max.getByTestId("message-deleted")).toHaveText("Message deleted");

  // A manager cannot delete Tess's message (his menu offers only what he may do).
  const maxMenu = await actionsOf(max, "I can do Saturday");
  await expect(maxMenu.getByRole("button", { name: "Mark as unread from here" })).toBeVisible();
  await expect(maxMenu.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await max.keyboard.press("Escape");

  // An admin can: the thread says an admin did, on both sides.
  const ada = await pageAs(browser, o.admin, { path: `/inbox/${o.teammate.threadId}` });
  await live(ada);
  await (await actionsOf(ada, "I can do Saturday")).getByRole("button", { name: "Delete" }).click();
  const adminConfirm = ada.getByRole("dialog", { name: "Delete for everyone?" });
  await expect(adminConfirm).toContainText("deleted by an administrator");
  await adminConfirm.getByRole("button", { name: "Delete for everyone" }).click();
  await expect(tess.getByText("Message deleted by an administrator")).toBeVisible();
  await expect(tess.getByText("I can do Saturday")).toHaveCount(0);
  await expect(max.getByText("Message deleted by an administrator")).toBeVisible();

  // Its history, every version with who and when: the admin's only.
  await ada
    .getByTestId("message")
    .filter({ hasText: "Message deleted by an administrator" })
    .getByRole("link", { name: "History" })
    .click();
  const entries = ada.getByTestId("history-entry");
  await expect(entries).toHaveCount(3);
  await expect(entries.nth(0)).toContainText("Sent by Tess One");
  await expect(entries.nth(0)).toContainText("I can do Friday");
  await expect(entries.nth(1)).toContainText("Edited by Tess One");
  await expect(entries.nth(1)).toContainText("I can do Saturday");
  await expect(entries.nth(2)).toContainText("Deleted by Ada Admin");
  const historyPath = new URL(ada.url()).pathname;
  await max.goto(historyPath);
  await expect(max).toHaveURL(/\/inbox$/);
  await expect(max.getByText("I can do Friday")).toHaveCount(0);
  // The audit history has both changes, each opening the message's history.
  await ada.goto("/settings/audit?category=messaging");
  await expect(ada.getByTestId("audit-row").filter({ hasText: "Message edited" })).toHaveCount(1);
  await expect(ada.getByTestId("audit-row").filter({ hasText: "Message deleted" })).toHaveCount(2);
  for (const page of [tess, max, ada]) await page.context().close();
});

test("an admin sets the edit window; past it, the author's menu no longer offers to edit", async ({ browser }) => {
  const o = await newOrg();
  const ada = await pageAs(browser, o.admin, { path: "/settings" });
  const field = ada.getByLabel("Minutes after sending");
  await expect(field).toHaveValue("15");
  await field.fill("abc");
  await ada.getByTestId("edit-window").getByRole("button", { name: "Save" }).click();
  await expect(ada.getByText("Give a number of minutes from 0 to 1,440.")).toBeVisible();
  await expect(field).toHaveValue("abc");
  await field.fill("0");
  await ada.getByTestId("edit-window").getByRole("button", { name: "Save" }).click();
  await expect(ada.getByTestId("edit-window").getByRole("status")).toHaveText("Saved.");

  await seedMessage(o, o.teammate.threadId, o.teammate, "Running late");
  const tess = await pageAs(browser, o.teammate, { path: "/me/messages" });
  const menu = await actionsOf(tess, "Running late");
  await expect(menu.getByRole("button", { name: "Delete" })).toBeVisible();
  await expect(menu.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await ada.context().close();
  await tess.context().close();
});
