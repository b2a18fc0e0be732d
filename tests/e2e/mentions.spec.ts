import { test, expect, newOrg, pageAs, seedMessage, live, name } from "./fixtures";

// Ask a colleague (issue 29): "@" in a private note names a manager, who is told live and
// counts it on Messaging until they read the thread. The teammate never sees any of it.

test("a note names a colleague with @: she is told live and her badge counts it; the teammate sees nothing", async ({
  browser,
}) => {
  const o = await newOrg();
  await seedMessage(o, o.teammate.threadId, o.teammate, "Can I swap Friday?");
  const mia = await pageAs(browser, o.manager2, { path: "/schedule" });
  const max = await pageAs(browser, o.manager, { path: `/inbox/${o.teammate.threadId}` });
  const tess = await pageAs(browser, o.teammate);
  await live(mia);
  await live(max);
  await live(tess);
  await expect(mia.getByTestId("mention-badge")).toHaveCount(0);

  await max.getByRole("button", { name: "Note", exact: true }).click();
  const box = max.getByLabel("Message", { exact: true });
  await box.pressSequentially("@");
  await max.getByLabel("Search managers").fill("mi");
  await max.getByLabel("Search managers").press("Enter");
  await expect(box).toHaveValue(`@${name(o.manager2)} `);
  await box.press("End");
  await box.pressSequentially("can you check her contract?");
  await max.getByRole("button", { name: "Add private note" }).click();
  const note = max.getByTestId("private-note").last();
  await expect(note).toContainText("can you check her contract?");
  await expect(note.getByTestId("mention")).toHaveText(`@${name(o.manager2)}`);

  // Mia is told where she is, and Messaging counts it until she reads the thread.
  await expect(mia.getByTestId("staff-notice")).toHaveText(
    new RegExp(`${name(o.manager)} mentioned you in a note on the thread with ${name(o.teammate)}\\.`),
  );
  await expect(mia.getByTestId("mention-badge").first()).toHaveText("1");
  await mia.getByTestId("staff-notice").getByRole("link", { name: "Open" }).click();
  await expect(mia.getByTestId("private-note").last().getByTestId("mention")).toHaveText(`@${name(o.manager2)}`);
  await expect(mia.getByTestId("mention-badge")).toHaveCount(0);

  // The teammate gets Max's next message (the positive control), and nothing of the note or its mention.
  await max.getByRole("button", { name: "Note", exact: true }).click();
  await box.fill("We are looking into it");
  await max.getByRole("button", { name: "Send" }).click();
  await expect(tess.getByTestId("message").last()).toContainText("We are looking into it");
  await expect(tess.getByText("check her contract")).toHaveCount(0);
  await expect(tess.getByText(name(o.manager2))).toHaveCount(0);
  await expect(tess.getByTestId("staff-notice")).toHaveCount(0);
  await mia.context().close();
  await max.context().close();
  await tess.context().close();
});
