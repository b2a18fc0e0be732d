import { test, expect, newOrg, pageAs, seedMessage, live, name } from "./fixtures";

// Who owns a thread (issue 29): assigned from the thread's menu, seen live by the assignee and
// in the list, filtered by Mine and Unassigned, asked about before answering in a colleague's thread.

test("a manager gives a thread to a colleague: she is told live, her list says so, Mine and Unassigned filter", async ({
  browser,
}) => {
  const o = await newOrg();
  await seedMessage(o, o.teammate.threadId, o.teammate, "Who can help me with Friday?");
  await seedMessage(o, o.teammate2.threadId, o.teammate2, "Hello");
  const mia = await pageAs(browser, o.manager2, { path: "/inbox" });
  const max = await pageAs(browser, o.manager, { path: `/inbox/${o.teammate.threadId}` });
  await live(mia);
  await live(max);
  await expect(max.getByTestId("owner-banner")).toHaveText("Unassigned");

  await max.getByTestId("thread-menu").click();
  await max
    .getByTestId("assign-menu")
    .getByLabel("Assign to")
    .selectOption({ label: name(o.manager2) });
  await max.getByTestId("assign-menu").getByRole("button", { name: "Assign", exact: true }).click();
  await expect(max.getByTestId("owner-banner")).toContainText(`Assigned to ${name(o.manager2)} since`);

  // Mia is told where she is, and her list shows the thread as hers.
  const notice = mia.getByTestId("staff-notice");
  await expect(notice).toContainText(`${name(o.manager)} assigned you the thread with ${name(o.teammate)}.`);
  const tessRow = mia.getByTestId("contact").filter({ hasText: name(o.teammate) });
  await expect(tessRow.getByTestId("row-assignee")).toHaveAttribute("title", `Assigned to ${name(o.manager2)}`);
  await expect(tessRow.getByTestId("row-assignee")).toContainText("you");

  await mia.getByRole("link", { name: "Mine", exact: true }).click();
  await expect(mia).toHaveURL(/owner=mine/);
  await expect(mia.getByTestId("contact")).toHaveText([new RegExp(name(o.teammate))]);
  await mia.getByRole("link", { name: "Unassigned", exact: true }).click();
  await expect(mia).toHaveURL(/owner=unassigned/);
  await expect(mia.getByTestId("contact")).toHaveText([new RegExp(name(o.teammate2))]);

  // The notice opens the thread; there the banner says it is hers.
  await notice.getByRole("link", { name: "Open" }).click();
  await expect(mia.getByTestId("owner-banner")).toContainText("Assigned to you since");
  await expect(mia.getByTestId("staff-notice")).toHaveCount(0);

  // Max replies in Mia's thread: asked once, then not again.
  await max.getByLabel("Message", { exact: true }).fill("I can take it after all");
  await max.getByRole("button", { name: "Send" }).click();
  await expect(max.getByTestId("owner-confirm")).toHaveText(/Mia has this thread\. Reply anyway\?/);
  await expect(max.getByTestId("message").filter({ hasText: "I can take it after all" })).toHaveCount(0);
  await expect(max.getByLabel("Message", { exact: true })).toHaveValue("I can take it after all");
  await max.getByRole("button", { name: "Reply anyway" }).click();
  await expect(mia.getByTestId("message").filter({ hasText: "I can take it after all" })).toHaveCount(1);
  await max.getByLabel("Message", { exact: true }).fill("See you Friday");
  await max.getByRole("button", { name: "Send" }).click();
  await expect(mia.getByTestId("message").filter({ hasText: "See you Friday" })).toHaveCount(1);
  await expect(max.getByTestId("owner-confirm")).toHaveCount(0);

  // Taking it back: Mia's banner changes live.
  await max.getByTestId("thread-menu").click();
  await max.getByRole("button", { name: "Assign to me" }).click();
  await expect(mia.getByTestId("owner-banner")).toContainText(`Assigned to ${name(o.manager)} since`);
  await mia.context().close();
  await max.context().close();

  // The audit history has each change, newest first.
  const admin = await pageAs(browser, o.admin, { path: "/settings/audit?category=messaging" });
  await expect(admin.getByTestId("audit-row")).toHaveText([
    new RegExp(`Thread assigned to ${name(o.manager)}.*${name(o.teammate)}`),
    new RegExp(`Thread assigned to ${name(o.manager2)}.*${name(o.teammate)}`),
  ]);
  await admin.context().close();
});
