import { test, expect, newOrg, pageAs, live, e2eDb } from "./fixtures";
import { jpegWithExif, pdf, png, svgWithScript } from "../helpers/files";

const file = (name: string, mimeType: string, buffer: Buffer) => ({ name, mimeType, buffer });

test("a teammate sends a photo from the phone; the manager sees it live, opens it and finds it in Shared documents", async ({
  browser,
}) => {
  const o = await newOrg();
  const staff = await pageAs(browser, o.manager, { path: `/inbox/${o.teammate.threadId}` });
  await live(staff);
  const phone = await pageAs(browser, o.teammate);
  await phone.locator("#message-files").setInputFiles([file("IMG_2041.jpg", "image/jpeg", await jpegWithExif())]);
  const tray = phone.getByTestId("upload-tray");
  await expect(tray.locator("li[data-status=ready]")).toHaveCount(1);
  await phone.getByRole("button", { name: "Send", exact: true }).click(); // a photo and no text
  await expect(phone.getByTestId("message").getByRole("img", { name: "Picture: IMG_2041.jpg" })).toBeVisible();

  const picture = staff.getByTestId("message").getByRole("img", { name: "Picture: IMG_2041.jpg" });
  await expect(picture).toBeVisible();
  expect(await picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const href = await staff
    .getByTestId("message")
    .getByRole("link")
    .filter({ has: staff.getByRole("img", { name: "Picture: IMG_2041.jpg" }) })
    .getAttribute("href");
  const opened = await staff.request.get(href!);
  expect(opened.status()).toBe(200);
  expect(opened.headers()["content-type"]).toBe("image/jpeg");
  expect(opened.headers()["x-content-type-options"]).toBe("nosniff");
  expect((await opened.body()).includes(Buffer.from("rue des Lilas"))).toBe(false); // EXIF gone

  await staff.setViewportSize({ width: 1440, height: 900 });
  const aside = staff.getByTestId("shared-documents");
  await staff.reload();
  await expect(aside.getByTestId("shared-file")).toContainText(["IMG_2041.jpg"]);
  await phone.getByRole("link", { name: "Shared documents" }).click();
  await expect(phone.getByTestId("shared-file")).toHaveCount(1);
  await expect(phone.getByTestId("shared-file")).toContainText("Tess One");
  await staff.context().close();
  await phone.context().close();
});

test("staff attach several files at once; a refused one says why and the others go with the text", async ({
  browser,
}) => {
  const o = await newOrg();
  const page = await pageAs(browser, o.manager, { path: `/inbox/${o.teammate.threadId}` });
  await page
    .locator("#message-files")
    .setInputFiles([
      file("rota.pdf", "application/pdf", pdf()),
      file("logo.svg", "image/svg+xml", svgWithScript()),
      file("badge.png", "image/png", await png(300, 200)),
      file("shifts.csv", "text/csv", Buffer.from("name;shift\nTess;night\n")),
    ]);
  const tray = page.getByTestId("upload-tray");
  await expect(tray.locator("li[data-status=ready]")).toHaveCount(3);
  await expect(tray.locator("li[data-status=refused]")).toContainText("This type of file cannot be shared");
  await page.getByLabel("Message").fill("Next week's rota");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const message = page.getByTestId("message").filter({ hasText: "Next week's rota" });
  await expect(message.getByRole("link", { name: /Open rota\.pdf/ })).toBeVisible();
  await expect(message.getByRole("link", { name: /Open shifts\.csv/ })).toBeVisible();
  await expect(message.getByRole("img", { name: "Picture: badge.png" })).toBeVisible();
  await expect(tray).toHaveCount(0);

  // A document downloads, under its own name, to open in the device's viewer.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    message.getByRole("link", { name: /Open rota\.pdf/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("rota.pdf");
  const csv = await page.request.get(
    (await message.getByRole("link", { name: /Open shifts\.csv/ }).getAttribute("href"))!,
  );
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="shifts.csv"/);
  await page.goto(`/inbox/${o.teammate.threadId}/files?kind=document`);
  await expect(page.getByTestId("shared-file")).toHaveCount(2);
  await page.context().close();
});

test("a teammate cannot open another teammate's file, nor staff of another organisation", async ({ browser }) => {
  const o = await newOrg();
  const other = await newOrg("Elsewhere");
  const page = await pageAs(browser, o.manager, { path: `/inbox/${o.teammate.threadId}` });
  await page.locator("#message-files").setInputFiles([file("contract.pdf", "application/pdf", pdf())]);
  await expect(page.getByTestId("upload-tray").locator("li[data-status=ready]")).toHaveCount(1);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByTestId("message").getByRole("link", { name: /contract\.pdf/ })).toBeVisible();
  const stored = await e2eDb().attachment.findFirstOrThrow({
    where: { conversationId: o.teammate.threadId, fileName: "contract.pdf" },
  });

  const owner = await pageAs(browser, o.teammate);
  expect((await owner.request.get(`/api/files/${stored.id}`)).status()).toBe(200);
  for (const stranger of [o.teammate2, other.manager]) {
    const p = await pageAs(browser, stranger);
    const answer = await p.request.get(`/api/files/${stored.id}`);
    expect(answer.status()).toBe(404);
    expect(await answer.text()).not.toContain("%PDF");
    await p.context().close();
  }
  await owner.context().close();
  await page.context().close();
});

test("without JavaScript the form still sends its text with the chosen files", async ({ browser }) => {
  const o = await newOrg();
  const page = await pageAs(browser, o.teammate, { javaScriptEnabled: false, path: "/me/messages" });
  await page.getByLabel("Message").fill("My certificate");
  await page
    .locator("#message-files")
    .setInputFiles([
      file("certificate.pdf", "application/pdf", pdf()),
      file("fake.pdf", "application/pdf", await png()),
    ]);
  await page.getByRole("button", { name: "Send with the chosen files" }).click();
  await expect(page).toHaveURL(/\/me\/messages\?refused=fake\.pdf/);
  const message = page.getByTestId("message").filter({ hasText: "My certificate" });
  await expect(message.getByRole("link", { name: /certificate\.pdf/ })).toBeVisible();
  await expect(page.getByText("Not attached: fake.pdf")).toBeVisible();
  await page.context().close();
});

test("files chosen and text typed while the page is still loading its script go with the message once it runs", async ({
  browser,
}) => {
  const o = await newOrg();
  const phone = await pageAs(browser, o.teammate, { path: "/me/profile" });
  // A slow phone: the thread's page shows, and its script arrives only after the files are chosen.
  let release!: () => void;
  const scriptArrives = new Promise<void>((resolve) => (release = resolve));
  await phone.route(/\/_next\/static\/chunks\/.*\.js/, async (route) => {
    await scriptArrives;
    await route.continue();
  });
  await phone.goto("/me", { waitUntil: "commit" });
  await phone
    .locator("#message-files")
    .setInputFiles([
      file("certificate.pdf", "application/pdf", pdf()),
      file("badge.png", "image/png", await png(300, 200)),
    ]);
  await phone.getByLabel("Message").fill("My certificate and badge");
  release();
  const tray = phone.getByTestId("upload-tray");
  await expect(tray.locator("li[data-status=ready]")).toHaveCount(2);
  await phone.getByRole("button", { name: "Send", exact: true }).click();
  const message = phone.getByTestId("message").filter({ hasText: "My certificate and badge" });
  await expect(message.getByRole("link", { name: /Open certificate\.pdf/ })).toBeVisible();
  await expect(message.getByRole("img", { name: "Picture: badge.png" })).toBeVisible();
  await phone.context().close();
});

test("a file chosen offline, before the upload code ever came, says so; back online the same choice uploads", async ({
  browser,
}) => {
  const o = await newOrg();
  const phone = await pageAs(browser, o.teammate);
  // The page's script runs: the button of the form without JavaScript is gone.
  await expect(phone.getByRole("button", { name: "Send with the chosen files" })).toBeHidden();
  await phone.context().setOffline(true);
  await phone.locator("#message-files").setInputFiles([file("rota.pdf", "application/pdf", pdf())]);
  const problem = phone.getByRole("alert").filter({ hasText: "rota.pdf could not be uploaded" });
  await expect(problem).toBeVisible();
  await expect(phone.getByTestId("upload-tray")).toHaveCount(0);

  await phone.context().setOffline(false);
  await phone.locator("#message-files").setInputFiles([file("rota.pdf", "application/pdf", pdf())]);
  await expect(phone.getByTestId("upload-tray").locator("li[data-status=ready]")).toHaveCount(1);
  await expect(problem).toHaveCount(0);
  await phone.getByRole("button", { name: "Send", exact: true }).click();
  await expect(phone.getByTestId("message").getByRole("link", { name: /Open rota\.pdf/ })).toBeVisible();
  await phone.context().close();
});
