import { test, expect, newOrg, pageAs, live } from "./fixtures";
import { pdf } from "../helpers/files";

test("a manager opens a public conversation; a teammate joins by opening it and replies; a newcomer joins later; badges follow live", async ({
  browser,
}) => {
  const o = await newOrg("Chat", { chatEnabled: true });
  const tess = await pageAs(browser, o.teammate);
  await live(tess);
  await expect(tess.getByRole("link", { name: "Chat" })).toBeVisible();

  const page = await pageAs(browser, o.manager, { path: "/chat" });
  await page.getByRole("link", { name: "New public conversation" }).click();
  await page.getByLabel("Name").fill("Care team");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page).toHaveURL(/\/chat\/[^/]+$/);
  await expect(page.getByTestId("chat-title")).toHaveText("Care team");
  await live(page);
  await page.getByLabel("Message", { exact: true }).fill("Welcome to the team chat");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByTestId("message").filter({ hasText: "Welcome to the team chat" })).toHaveCount(1);

  // Tess hears of it on her phone without a reload, joins by opening it, and replies.
  await expect(tess.getByTestId("chat-badge")).toHaveText("1");
  await tess.getByRole("link", { name: "Chat" }).click();
  const row = tess.getByTestId("chat-row").filter({ hasText: "Care team" });
  await expect(row).toContainText("New: open it to join");
  await expect(row).toHaveAttribute("data-kind", "CHANNEL");
  await row.click();
  await expect(tess.getByTestId("message").filter({ hasText: "Welcome to the team chat" })).toBeVisible();
  await tess.getByLabel("Message", { exact: true }).fill("Thanks, happy to be here");
  await tess.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByTestId("message").filter({ hasText: "Thanks, happy to be here" })).toHaveCount(1);
  // Reopened, the conversation records that the manager read Tess's reply (300 ms after it shows).
  const read = page.waitForResponse((r) => r.url().endsWith("/read") && r.ok());
  await page.reload();
  await page.getByText("2 participants").click();
  await expect(page.getByTestId("participants")).toContainText("Tess One");
  await read;

  // The manager elsewhere: a new reply raises the Chat menu's badge live.
  await page.goto("/inbox");
  await live(page);
  await tess.getByLabel("Message", { exact: true }).fill("One more thing");
  await tess.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByTestId("chat-badge")).toHaveText("1");

  // Someone who joins the department later finds it and joins the same way.
  const nina = await o.addTeammate("Nina", "New");
  const newcomer = await pageAs(browser, nina, { path: "/me/chat" });
  await newcomer.getByTestId("chat-row").filter({ hasText: "Care team" }).click();
  await expect(newcomer.getByTestId("message").filter({ hasText: "Welcome to the team chat" })).toBeVisible();
  await newcomer.getByText(/\d participants/).click();
  await expect(newcomer.getByTestId("participants")).toContainText("Nina New");
  for (const p of [tess, page, newcomer]) await p.context().close();
});

test("a teammate makes a group of three on the phone, adds someone, and another leaves", async ({ browser }) => {
  const o = await newOrg("Chat", { chatEnabled: true });
  const ana = await o.addTeammate("Ana", "Roy");
  const bo = await o.addTeammate("Bo", "Lee");
  const tess = await pageAs(browser, o.teammate, { path: "/me/chat" });
  // Teammates start private conversations only.
  await expect(tess.getByRole("link", { name: "New public conversation" })).toHaveCount(0);
  await tess.getByRole("link", { name: "New private conversation" }).click();
  await tess.getByLabel("Theo Two").check();
  await tess.getByLabel("Ana Roy").check();
  await tess.getByRole("button", { name: "Create" }).click();
  // Two others need a name: refused, with the ticks kept.
  await expect(tess.getByText("Give the group a name")).toBeVisible();
  await expect(tess.getByLabel("Ana Roy")).toBeChecked();
  await tess.getByLabel("Name").fill("Night shift");
  await tess.getByRole("button", { name: "Create" }).click();
  await expect(tess.getByTestId("chat-title")).toHaveText("Night shift");
  await live(tess);
  await tess.getByLabel("Message", { exact: true }).fill("Who swaps Friday?");
  await tess.getByRole("button", { name: "Send", exact: true }).click();

  await tess.getByText("Add participants").click();
  await tess.getByTestId("add-people").getByLabel("Bo Lee").check();
  await tess.getByRole("button", { name: "Add", exact: true }).click();
  await expect(tess.getByTestId("chat-notice").filter({ hasText: "Tess One added Bo Lee" })).toHaveCount(1);

  const theo = await pageAs(browser, o.teammate2, { path: "/me/chat" });
  const row = theo.getByTestId("chat-row").filter({ hasText: "Night shift" });
  await expect(row).toHaveAttribute("data-kind", "GROUP");
  await expect(row.getByTestId("chat-unread")).toHaveText("1");
  await row.click();
  await expect(theo.getByTestId("message").filter({ hasText: "Who swaps Friday?" })).toBeVisible();
  // Files go as in the inbox: Theo sends the rota, Tess sees it live and opens it.
  await theo
    .locator("#message-files")
    .setInputFiles([{ name: "rota.pdf", mimeType: "application/pdf", buffer: pdf() }]);
  await expect(theo.getByTestId("upload-tray").locator("li[data-status=ready]")).toHaveCount(1);
  await theo.getByRole("button", { name: "Send", exact: true }).click();
  const rota = tess.getByTestId("message").getByRole("link", { name: /rota\.pdf/ });
  await expect(rota).toBeVisible();
  expect((await tess.request.get((await rota.getAttribute("href"))!)).status()).toBe(200);
  await theo.getByRole("button", { name: "Leave" }).click();
  await expect(theo).toHaveURL(/\/me\/chat$/);
  await expect(theo.getByTestId("chat-row").filter({ hasText: "Night shift" })).toHaveCount(0);

  // The others see that he left, live.
  await expect(tess.getByTestId("chat-notice").filter({ hasText: "Theo Two left the conversation" })).toHaveCount(1);
  const boPage = await pageAs(browser, bo, { path: "/me/chat" });
  await boPage.getByTestId("chat-row").filter({ hasText: "Night shift" }).click();
  await boPage.getByText(/\d participants/).click();
  await expect(boPage.getByTestId("participants")).not.toContainText("Theo Two");
  await expect(boPage.getByTestId("participants")).toContainText(ana.firstName);
  // Theo, gone, can no longer open the conversation or its file.
  expect((await theo.goto(tess.url().replace(/.*\/me\/chat/, "/me/chat")))?.status()).toBe(404);
  expect((await theo.request.get((await rota.getAttribute("href"))!)).status()).toBe(404);
  for (const p of [tess, theo, boPage]) await p.context().close();
});

test("turning the Chat option off hides all of it; turning it on again brings the conversations back", async ({
  browser,
}) => {
  const o = await newOrg("Chat", { chatEnabled: true });
  const admin = await pageAs(browser, o.admin, { path: "/settings" });
  await expect(admin.getByTestId("chat-option")).toContainText("0.25 $ per active employee per month");
  await expect(admin.getByTestId("chat-option")).toContainText("This month: 5 active employees, about 1.25 $.");
  await admin.goto("/chat/new?kind=public");
  await admin.getByLabel("Name").fill("Kept");
  await admin.getByRole("button", { name: "Create" }).click();
  await expect(admin.getByTestId("chat-title")).toHaveText("Kept");
  const kept = admin.url();

  await admin.goto("/settings");
  await admin.getByRole("button", { name: "Turn Chat off" }).click();
  await expect(admin.getByTestId("chat-option")).toContainText("Not enabled.");
  await expect(admin.getByRole("navigation").getByRole("link", { name: "Chat" })).toHaveCount(0);
  for (const path of ["/chat", "/chat/new", new URL(kept).pathname])
    expect((await admin.goto(path))?.status(), path).toBe(404);
  expect((await admin.request.get("/api/chat/unread")).status()).toBe(404);

  const tess = await pageAs(browser, o.teammate);
  await expect(tess.getByRole("link", { name: "Chat" })).toHaveCount(0);
  expect((await tess.goto("/me/chat"))?.status()).toBe(404);

  await admin.goto("/settings");
  await admin.getByRole("button", { name: "Turn Chat on" }).click();
  await expect(admin.getByTestId("chat-option")).toContainText("Enabled since");
  await admin.goto(kept);
  await expect(admin.getByTestId("chat-title")).toHaveText("Kept");
  for (const p of [admin, tess]) await p.context().close();
});

test("without JavaScript, a teammate replies in a public conversation and joins it by writing", async ({ browser }) => {
  const o = await newOrg("Chat", { chatEnabled: true });
  const admin = await pageAs(browser, o.manager, { path: "/chat/new?kind=public" });
  await admin.getByLabel("Name").fill("Night notes");
  await admin.getByRole("button", { name: "Create" }).click();
  await expect(admin.getByTestId("chat-title")).toHaveText("Night notes");
  const path = new URL(admin.url()).pathname.replace("/chat/", "/me/chat/");
  const tess = await pageAs(browser, o.teammate, { javaScriptEnabled: false, path });
  await tess.getByLabel("Message", { exact: true }).fill("Quiet night, all well");
  await tess.getByRole("button", { name: "Send", exact: true }).click();
  await expect(tess.getByTestId("message").filter({ hasText: "Quiet night, all well" })).toHaveCount(1);
  await admin.reload();
  await expect(admin.getByTestId("message").filter({ hasText: "Quiet night, all well" })).toHaveCount(1);
  await expect(admin.getByText("2 participants")).toBeVisible();
  for (const p of [admin, tess]) await p.context().close();
});
