import { test, expect, newOrg, pageAs, seedMessage, live, name } from "./fixtures";

// Several managers, one inbox (issue 29): who else has a thread open, and who is typing what.

test("two managers in one thread see each other, who types a reply or a note, and who left", async ({ browser }) => {
  const o = await newOrg();
  await seedMessage(o, o.teammate.threadId, o.teammate, "Can someone take Friday?");
  const max = await pageAs(browser, o.manager, { path: `/inbox/${o.teammate.threadId}` });
  const mia = await pageAs(browser, o.manager2, { path: `/inbox/${o.teammate.threadId}` });
  await live(max);
  await live(mia);

  // Each sees the other, never themselves.
  const miaHere = max.getByTestId("thread-presence").getByLabel(`${name(o.manager2)} has this thread open`);
  await expect(miaHere).toBeVisible();
  await expect(mia.getByTestId("thread-presence").getByLabel(`${name(o.manager)} has this thread open`)).toBeVisible();
  await expect(max.getByLabel(`${name(o.manager)} has this thread open`)).toHaveCount(0);
  // The name shows on focus, for a keyboard as for a mouse.
  await miaHere.focus();
  await expect(max.getByTestId("thread-presence").getByText(name(o.manager2), { exact: true })).toBeVisible();

  const typing = max.getByTestId("typing");
  await mia.getByLabel("Message", { exact: true }).fill("I can ask Theo");
  await expect(typing).toHaveText(`${name(o.manager2)} is typing a reply…`);
  await mia.getByRole("button", { name: "Note", exact: true }).click();
  await expect(mia.getByRole("button", { name: "Note", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(typing).toHaveText(`${name(o.manager2)} is writing a private note…`);
  await mia.getByRole("button", { name: "Add private note" }).click();
  await expect(max.getByTestId("private-note").last()).toContainText("I can ask Theo");
  await expect(typing).toBeEmpty();

  // A closed tab leaves the thread (at once when the browser says goodbye; otherwise when its signals stop).
  await mia.close();
  await expect(max.getByTestId("thread-presence")).toHaveCount(0, { timeout: 10_000 });
  await max.context().close();
  await mia.context().close();
});

test("the contact list marks the thread another manager has open, and follows them", async ({ browser }) => {
  const o = await newOrg();
  await seedMessage(o, o.teammate.threadId, o.teammate, "First");
  await seedMessage(o, o.teammate2.threadId, o.teammate2, "Second");
  const max = await pageAs(browser, o.manager, { path: "/inbox" });
  await live(max);
  const row = (who: typeof o.teammate) => max.getByTestId("contact").filter({ hasText: name(who) });
  await expect(row(o.teammate)).toBeVisible();
  await expect(max.getByTestId("row-presence")).toHaveCount(0);

  const mia = await pageAs(browser, o.manager2, { path: `/inbox/${o.teammate.threadId}` });
  await live(mia);
  await expect(row(o.teammate).getByTestId("row-presence")).toHaveAttribute("title", `Open by ${name(o.manager2)}`);
  await mia
    .getByTestId("contact")
    .filter({ hasText: name(o.teammate2) })
    .click();
  await expect(mia).toHaveURL(new RegExp(o.teammate2.threadId));
  await expect(row(o.teammate2).getByTestId("row-presence")).toBeVisible();
  await expect(row(o.teammate).getByTestId("row-presence")).toHaveCount(0);

  // The teammate's own page shows none of it (the stream test proves nothing of it is sent).
  const tess = await pageAs(browser, o.teammate);
  await live(tess);
  await expect(tess.getByTestId("message").last()).toContainText("First");
  await expect(tess.getByTestId("thread-presence")).toHaveCount(0);
  await expect(tess.getByTestId("typing")).toHaveCount(0);
  await max.context().close();
  await mia.context().close();
  await tess.context().close();
});
