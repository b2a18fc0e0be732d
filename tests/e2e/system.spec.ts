import { readFile } from "node:fs/promises";
import JSZip from "jszip";
import { test, expect, newOrg, pageAs, e2eDb } from "./fixtures";
import { pdf } from "../helpers/files";

test("an admin retries a failed export from Settings → System and receives it", async ({ browser }) => {
  const o = await newOrg();
  const teammate = await pageAs(browser, o.teammate);
  const upload = await teammate.request.post(`/api/conversations/${o.teammate.threadId}/attachments`, {
    multipart: { files: { name: "contract.pdf", mimeType: "application/pdf", buffer: pdf() } },
  });
  const [file] = ((await upload.json()) as { files: { id: string }[] }).files;
  await teammate.request.post(`/api/conversations/${o.teammate.threadId}/messages`, {
    data: { body: "", clientId: crypto.randomUUID(), attachmentIds: [file!.id] },
  });
  await teammate.context().close();

  // The admin's export, as the worker leaves it when it gives up (the disk was full on every try).
  const db = e2eDb();
  const failedAt = new Date();
  const exportRow = await db.exportJob.create({
    data: {
      organizationId: o.org.id,
      requestedById: o.admin.id,
      selection: { filters: {} },
      downloadToken: crypto.randomUUID().replace(/-/g, ""),
      status: "FAILED",
      error: "errors.export.failed",
      finishedAt: failedAt,
    },
  });
  await db.job.create({
    data: {
      kind: "export.attachments",
      payload: { exportId: exportRow.id },
      key: `export:${exportRow.id}`,
      attempts: 3,
      maxAttempts: 3,
      doneAt: failedAt,
      failedAt,
      lastError: "ENOSPC: no space left on device, write",
      organizationId: o.org.id,
    },
  });

  const page = await pageAs(browser, o.admin, { path: "/settings" });
  await page.getByRole("link", { name: "System" }).click();
  await expect(page.getByRole("heading", { name: "System", level: 1 })).toBeVisible();
  const failed = page.getByTestId("failed-job");
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText("Export");
  await expect(failed).toContainText("ENOSPC: no space left on device");
  await expect(page.getByTestId("queue-state").locator('[data-state="failed"]')).toContainText("1");
  await failed.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByRole("status")).toHaveText("Queued again.");
  await expect(failed).toHaveCount(0);

  // The worker builds it; its requester gets the e-mail with the link, and the zip has the file.
  await page.goto("/exports");
  await expect(page.getByTestId("export").first()).toHaveAttribute("data-status", "DONE", { timeout: 20_000 });
  await page.goto("/outbox");
  const email = page.getByTestId("email").filter({ hasText: "Your Shiftline export is ready" });
  await expect(email).toBeVisible({ timeout: 10_000 });
  const link = email.getByRole("link", { name: /\/api\/exports\// });
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const zip = await JSZip.loadAsync(await readFile((await download.path())!));
  expect(Object.keys(zip.files).some((n) => n.endsWith("contract.pdf"))).toBe(true);

  // Nothing failed any more; the retry is in the audit history. Each response names its request,
  // and the page keeps that id for an error page's reference.
  const response = await page.goto("/settings/system");
  const requestId = response!.headers()["x-request-id"];
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  await expect(page.locator('meta[name="shiftline-request"]')).toHaveAttribute("content", requestId!);
  await expect(page.getByText("Nothing failed in the last 30 days.")).toBeVisible();
  expect(await db.auditEntry.count({ where: { organizationId: o.org.id, action: "job.retried" } })).toBe(1);
  await page.context().close();
});

test("another organisation's admin sees none of it, and a manager cannot open System", async ({ browser }) => {
  const a = await newOrg("Alpha");
  const b = await newOrg("Beta");
  const failedAt = new Date();
  await e2eDb().job.create({
    data: {
      kind: "email.send",
      payload: { id: "nothing" },
      attempts: 8,
      maxAttempts: 8,
      doneAt: failedAt,
      failedAt,
      lastError: "Resend refused",
      organizationId: a.org.id,
    },
  });
  const alpha = await pageAs(browser, a.admin, { path: "/settings/system" });
  await expect(alpha.getByTestId("failed-job")).toHaveCount(1); // the positive control
  const beta = await pageAs(browser, b.admin, { path: "/settings/system" });
  await expect(beta.getByText("Nothing failed in the last 30 days.")).toBeVisible();
  await expect(beta.getByTestId("failed-job")).toHaveCount(0);
  const manager = await pageAs(browser, a.manager, { path: "/settings/system" });
  await expect(manager).toHaveURL(/\/inbox/);
  for (const p of [alpha, beta, manager]) await p.context().close();
});
