import { readFile } from "node:fs/promises";
import JSZip from "jszip";
import { test, expect, newOrg, pageAs, type Page } from "./fixtures";
import { pdf, png } from "../helpers/files";

/** A teammate shares files the way the composer does: one upload per file, then the message. */
async function share(page: Page, conversationId: string, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  const ids: string[] = [];
  for (const file of files) {
    const answer = await page.request.post(`/api/conversations/${conversationId}/attachments`, {
      multipart: { files: file },
    });
    ids.push(((await answer.json()) as { files: { id: string }[] }).files[0]!.id);
  }
  const sent = await page.request.post(`/api/conversations/${conversationId}/messages`, {
    data: { body: "", clientId: crypto.randomUUID(), attachmentIds: ids },
  });
  expect(sent.ok()).toBe(true);
}

test("a manager exports the attachments, gets the link by e-mail and downloads a zip of exactly those files", async ({
  browser,
}) => {
  const o = await newOrg();
  const photo = await png(120, 80);
  const teammate = await pageAs(browser, o.teammate);
  await share(teammate, o.teammate.threadId, [
    { name: "sick-note.pdf", mimeType: "application/pdf", buffer: pdf() },
    { name: "badge.png", mimeType: "image/png", buffer: photo },
  ]);

  const page = await pageAs(browser, o.manager);
  await page.getByRole("button", { name: "Actions for this list" }).click();
  await page.getByRole("button", { name: "Export attachments" }).click();
  await expect(page).toHaveURL(/\/exports/);
  await expect(page.getByRole("status")).toContainText("Export requested");
  await expect(page.getByTestId("export").first()).toHaveAttribute("data-status", "DONE", { timeout: 20_000 });
  await expect(page.getByTestId("export").first()).toContainText("Ready: 2 files");

  await page.getByRole("main").getByRole("link", { name: "E-mail outbox" }).click();
  const email = page.getByTestId("email").filter({ hasText: "Your Shiftline export is ready" });
  await expect(email).toBeVisible({ timeout: 10_000 });
  const link = email.getByRole("link", { name: /\/api\/exports\// });
  const href = (await link.getAttribute("href"))!;
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^shiftline-attachments-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = await JSZip.loadAsync(await readFile((await download.path())!));
  const entries = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const day = new Date().toISOString().slice(0, 10);
  expect(entries.sort()).toEqual([`One Tess/${day} badge.png`, `One Tess/${day} sick-note.pdf`, "manifest.csv"].sort());
  expect(await zip.file(`One Tess/${day} sick-note.pdf`)!.async("nodebuffer")).toEqual(pdf());
  expect((await zip.file("manifest.csv")!.async("string")).split("\r\n").filter(Boolean)).toHaveLength(3);

  // The same link in another manager's session is refused.
  const other = await pageAs(browser, o.manager2);
  expect((await other.request.get(href)).status()).toBe(404);
  await other.context().close();
  await teammate.context().close();
  await page.context().close();
});
