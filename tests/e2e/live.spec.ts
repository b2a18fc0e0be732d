import { test, expect, newOrg, pageAs, seedMessage, shiftFor, live, name, dayOf } from "./fixtures";

// Live updates arrive through Server-Sent Events: no reload anywhere in these tests.

test("manager and teammate see each other's messages live", async ({ browser }) => {
  const o = await newOrg();
  const manager = await pageAs(browser, o.manager, { path: `/inbox/${o.teammate.threadId}` });
  const tess = await pageAs(browser, o.teammate);
  await live(tess);
  await live(manager);

  await manager.getByLabel("Message", { exact: true }).fill("Live from the office");
  await manager.getByRole("button", { name: "Send" }).click();
  await expect(tess.getByTestId("message").last()).toContainText("Live from the office");

  await tess.getByLabel("Message", { exact: true }).fill("Live from the phone");
  await tess.getByRole("button", { name: "Send" }).click();
  await expect(manager.getByTestId("message").last()).toContainText("Live from the phone");
  // Read where it was shown: the open thread carries no unread badge, and the banner went back to not processed.
  await expect(
    manager
      .getByTestId("contact")
      .filter({ hasText: name(o.teammate) })
      .getByTestId("unread-badge"),
  ).toHaveCount(0);
  await manager.context().close();
  await tess.context().close();
});

test("two managers see processed changes and notes live", async ({ browser }) => {
  const o = await newOrg();
  await seedMessage(o, o.teammate.threadId, o.teammate, "Question");
  const max = await pageAs(browser, o.manager, { path: `/inbox/${o.teammate.threadId}` });
  const mia = await pageAs(browser, o.manager2, { path: `/inbox/${o.teammate.threadId}` });
  await live(max);
  await live(mia);
  await max.getByRole("button", { name: "Mark as processed" }).click();
  await expect(mia.getByTestId("processed-banner")).toContainText("Processed by Max");
  // The row shows it by a check mark and says it in words.
  const row = mia.getByTestId("contact").filter({ hasText: name(o.teammate) });
  await expect(row.getByTestId("processed-mark")).toBeVisible();
  await expect(row.getByText("Processed", { exact: true })).toHaveCount(1);
  await max.getByLabel("Message", { exact: true }).fill("Shared note");
  await max.getByRole("button", { name: "Note", exact: true }).click();
  await max.getByRole("button", { name: "Add private note" }).click();
  await expect(mia.getByTestId("private-note").last()).toContainText("Shared note");
  await max.context().close();
  await mia.context().close();
});

test("the contact list patches the row a new message concerns, and a new thread joins the list", async ({
  browser,
}) => {
  const o = await newOrg();
  const extra = await o.addTeammate("Zoe", "Zephyr");
  await seedMessage(o, o.teammate.threadId, o.teammate, "Older message");
  const max = await pageAs(browser, o.manager, { path: `/inbox/${o.teammate2.threadId}` });
  await live(max);
  await expect(max.getByTestId("contact").first()).toContainText(name(o.teammate));

  const theoThread = max.getByTestId("message");
  const zoe = await pageAs(browser, extra);
  await live(zoe);
  await zoe.getByLabel("Message", { exact: true }).fill("Zoe needs a day off");
  await zoe.getByRole("button", { name: "Send" }).click();
  const row = max.getByTestId("contact").first();
  await expect(row).toContainText("Zoe needs a day off");
  await expect(row.getByTestId("unread-badge")).toHaveText("1");
  await zoe.getByLabel("Message", { exact: true }).fill("and Friday too");
  await zoe.getByRole("button", { name: "Send" }).click();
  await expect(row.getByTestId("unread-badge")).toHaveText("2");
  // The open thread (Theo's) did not change.
  await expect(theoThread).toHaveCount(0);
  await max.context().close();
  await zoe.context().close();
});

test("schedule changes show without a reload, for the teammate and on the staff week view", async ({ browser }) => {
  const o = await newOrg();
  const startsAt = new Date(Date.now() + 3 * 3600_000);
  const endsAt = new Date(startsAt.getTime() + 4 * 3600_000);
  const shift = await shiftFor(o, { activity: "Night round", startsAt, endsAt, assignees: [] });
  const week = dayOf(startsAt);
  const tess = await pageAs(browser, o.teammate, { path: `/me/schedule?week=${week}` });
  const mia = await pageAs(browser, o.manager2, { path: `/schedule?week=${week}` });
  await live(tess);
  await live(mia);
  await expect(tess.getByTestId("my-shift")).toHaveCount(0);

  const max = await pageAs(browser, o.manager, { path: `/schedule/shifts/${shift.id}` });
  await max.getByLabel("Assign a teammate").selectOption({ label: `${o.teammate.lastName} ${o.teammate.firstName}` });
  await max.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(max.getByTestId("assigned")).toContainText(name(o.teammate));

  await expect(tess.getByTestId("my-shift")).toContainText("Night round");
  await expect(
    mia.getByTestId("week-grid").getByTestId("grid-row").filter({ hasText: "Tess One" }).getByTestId("shift"),
  ).toContainText("Night round");
  await tess.context().close();
  await mia.context().close();
  await max.context().close();
});

test("the event stream refuses visitors without a session", async ({ request }) => {
  const response = await request.get("/api/events");
  expect(response.status()).toBe(401);
});

test("after the event stream drops, what was sent meanwhile shows once, in order", async ({ browser }) => {
  const o = await newOrg();
  let release!: () => void;
  const away = new Promise<void>((r) => (release = r));
  let streams = 0;
  const max = await pageAs(browser, o.manager, {
    path: `/inbox/${o.teammate.threadId}`,
    beforeOpen: (page) =>
      page.route("**/api/events*", async (route) => {
        // The first stream ends at once, as a dropped connection would; the reconnect waits until messages were sent.
        if (++streams === 1)
          return route.fulfill({ status: 200, contentType: "text/event-stream", body: "retry: 200\n\n" });
        await away;
        await route.continue();
      }),
  });
  await expect.poll(() => streams).toBeGreaterThan(1);
  for (const body of ["First while away", "Second while away", "Third while away"])
    await seedMessage(o, o.teammate.threadId, o.teammate, body);
  release();
  await live(max);
  await expect(max.getByTestId("message")).toHaveText([/First while away/, /Second while away/, /Third while away/]);
  await max.context().close();
});

test("what arrived live in one thread does not follow the manager into the next", async ({ browser }) => {
  const o = await newOrg();
  const max = await pageAs(browser, o.manager, { path: `/inbox/${o.teammate.threadId}` });
  await live(max);
  await seedMessage(o, o.teammate.threadId, o.teammate, "Only in Tess's thread");
  await expect(max.getByTestId("message")).toHaveText([/Only in Tess's thread/]);
  await max
    .getByTestId("contact")
    .filter({ hasText: name(o.teammate2) })
    .click();
  await expect(max.getByRole("heading", { name: name(o.teammate2) })).toBeVisible();
  await expect(max.getByTestId("message")).toHaveCount(0);
  await max.context().close();
});
