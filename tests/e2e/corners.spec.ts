import { test, expect, newOrg, pageAs, seedMessage, live, e2eDb, chatPages } from "./fixtures";
import { pdf } from "../helpers/files";

// The small corners of the design issue: each one as a user meets it.

test("Enter in the contact search filters without reloading the page, and the address holds only what is set", async ({
  browser,
}) => {
  const o = await newOrg();
  const max = await pageAs(browser, o.manager);
  await max.evaluate(() => Object.assign(window, { samePage: true }));
  await max.getByLabel("Search by name").fill("tess");
  await max.getByLabel("Search by name").press("Enter");
  await expect(max).toHaveURL(/\/inbox\?q=tess$/);
  await expect(max.getByTestId("contact")).toHaveCount(1);
  expect(await max.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
  await max.context().close();
});

test("the installed app's badge counts a message that arrives while another screen is open", async ({ browser }) => {
  const o = await newOrg();
  const tess = await pageAs(browser, o.teammate, {
    path: "/me/schedule",
    beforeOpen: (p) =>
      p.addInitScript(() => {
        const calls: number[] = [];
        Object.assign(window, { badgeCalls: calls });
        Object.assign(navigator, {
          setAppBadge: (n: number) => {
            calls.push(n);
            return Promise.resolve();
          },
          clearAppBadge: () => {
            calls.push(0);
            return Promise.resolve();
          },
        });
      }),
  });
  await live(tess);
  const last = () => tess.evaluate(() => (window as unknown as { badgeCalls: number[] }).badgeCalls.at(-1) ?? 0);
  await expect.poll(last).toBe(0);
  await seedMessage(o, o.teammate.threadId, o.manager, "Can you come in early?");
  await expect(tess.getByTestId("tab-badge")).toHaveText("1");
  await expect.poll(last).toBe(1);
  await tess.context().close();
});

test("an export of a filtered view is described in the words of the filters", async ({ browser }) => {
  const o = await newOrg();
  const page = await pageAs(browser, o.manager, { path: `/inbox?department=${o.dept.id}&q=tess` });
  await page.getByRole("button", { name: "Actions for this list" }).click();
  await page.getByRole("button", { name: "Export attachments" }).click();
  await expect(page).toHaveURL(/\/exports/);
  const row = page.getByTestId("export").first();
  await expect(row).toContainText(`Department: ${o.dept.name}`);
  await expect(row).toContainText("“tess”");
  await expect(row).not.toContainText(o.dept.id);
  expect(await e2eDb().exportJob.count({ where: { organizationId: o.org.id } })).toBe(1);
  await page.context().close();
});

test("Shared documents opens beside a staff thread once a file arrives, without a reload", async ({ browser }) => {
  const o = await newOrg();
  await seedMessage(o, o.teammate.threadId, o.teammate, "Hello");
  const max = await pageAs(browser, o.manager, { path: `/inbox/${o.teammate.threadId}` });
  await max.setViewportSize({ width: 1440, height: 900 });
  await live(max);
  await max.evaluate(() => Object.assign(window, { samePage: true }));
  // No files yet: no panel taking room.
  await expect(max.getByTestId("message").filter({ hasText: "Hello" })).toBeVisible();
  await expect(max.getByTestId("shared-documents")).toHaveCount(0);

  const tess = await pageAs(browser, o.teammate);
  const upload = await tess.request.post(`/api/conversations/${o.teammate.threadId}/attachments`, {
    multipart: { files: { name: "rota.pdf", mimeType: "application/pdf", buffer: pdf() } },
  });
  const id = ((await upload.json()) as { files: { id: string }[] }).files[0]!.id;
  const sent = await tess.request.post(`/api/conversations/${o.teammate.threadId}/messages`, {
    data: { body: "Here it is", clientId: crypto.randomUUID(), attachmentIds: [id] },
  });
  expect(sent.ok()).toBe(true);
  await expect(max.getByTestId("shared-documents").getByTestId("shared-file")).toContainText("rota.pdf");
  expect(await max.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
  await max.context().close();
  await tess.context().close();
});

test("each open conversation's tab says whose or which it is", async ({ browser }) => {
  const o = await newOrg("Northwind", { chatEnabled: true });
  const chat = await chatPages(o);
  const ada = await pageAs(browser, o.admin, { path: `/inbox/${o.teammate.threadId}` });
  await expect(ada).toHaveTitle("Tess One · Shiftline");
  await ada.goto(chat.admin[3]!);
  await expect(ada).toHaveTitle("Care team · Shiftline");
  const tess = await pageAs(browser, o.teammate, { path: chat.teammate[2]! });
  await expect(tess).toHaveTitle("Care team · Shiftline");
  await ada.context().close();
  await tess.context().close();
});
