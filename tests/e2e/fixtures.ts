import { test as base, expect, type Browser, type Page } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { createPrismaClient } from "../../lib/db/create-client";
import { addMessage, createChatConversation } from "../../lib/seed/factories";
import { addShift, buildOrg, TEST_PASSWORD, type TestOrg, type TestUser } from "../helpers/world";
import { E2E_DATABASE_URL, E2E_PORT, E2E_SECRET } from "./env";

// Each test builds the organisation it needs in the server's database, through the
// seed's factories, and opens pages already signed in: the session cookie is made
// here, as the sign-in action makes it. Only the sign-in tests type into the form.

export { TEST_PASSWORD };
export type { TestOrg, TestUser };
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

let client: ReturnType<typeof createPrismaClient> | undefined;
export const e2eDb = () => (client ??= createPrismaClient(E2E_DATABASE_URL));

/** A fresh organisation: an admin, managers Max and Mia, teammates Tess One and Theo Two. */
export const newOrg = (name = "Northwind", opts: { chatEnabled?: boolean } = {}) => buildOrg(e2eDb(), name, opts);

export const shiftFor = (o: TestOrg, s: Parameters<typeof addShift>[2]) => addShift(e2eDb(), o, s);

/**
 * The day a time falls on in the organisations' time zone (Europe/Paris, the default): the
 * week to open for it. Its UTC day is another one for two hours each night (a Sunday evening's
 * shift three hours ahead is in Monday's week).
 */
export const dayOf = (at: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(at);

/** A shift later today or tomorrow with the teammate on it, and the week to open. */
export async function upcomingShift(o: TestOrg, activity = "Morning care") {
  const startsAt = new Date(Date.now() + 3 * 3600_000);
  startsAt.setUTCMinutes(0, 0, 0);
  const endsAt = new Date(startsAt.getTime() + 6 * 3600_000);
  const shift = await shiftFor(o, { activity, startsAt, endsAt, assignees: [o.teammate.id] });
  return { ...shift, startsAt, endsAt, week: dayOf(startsAt) };
}

/** The main pages of each role in this organisation: what whole-site checks walk. */
export const mainPages = (o: TestOrg, shiftId: string) => ({
  admin: [
    "/inbox",
    `/inbox/${o.teammate.threadId}`,
    `/inbox/${o.teammate.threadId}/files`,
    "/schedule",
    `/schedule/shifts/${shiftId}`,
    "/teammates",
    `/teammates/${o.teammate.id}`,
    "/inbox/compose",
    "/exports",
    "/outbox",
    "/settings",
    "/settings/structure",
    "/settings/audit",
    "/settings/system",
    "/settings/replies",
    "/inbox/search?q=shift",
    "/inbox/scheduled",
    "/people/invite",
    "/people/import",
    `/people/${o.manager.id}`,
    `/teammates/${o.teammate.id}/edit`,
    "/account",
  ],
  teammate: ["/me", "/me/schedule", "/me/profile", "/me/files", "/me/search?q=shift"],
});

/** A public conversation of the department and a private one of the two teammates (the organisation has Chat on), and their pages. */
export async function chatPages(o: TestOrg) {
  const base = { organizationId: o.org.id, departmentId: o.dept.id };
  const channel = await createChatConversation(e2eDb(), {
    ...base,
    kind: "CHANNEL",
    name: "Care team",
    createdById: o.manager.id,
    memberIds: [o.teammate.id],
  });
  const group = await createChatConversation(e2eDb(), {
    ...base,
    kind: "GROUP",
    name: null,
    createdById: o.teammate.id,
    memberIds: [o.teammate2.id],
  });
  await addMessage(e2eDb(), {
    ...base,
    conversationId: channel.id,
    author: { id: o.manager.id, name: `${o.manager.firstName} ${o.manager.lastName}`, staff: true },
    body: "Welcome to the team chat",
    chat: "CHANNEL",
  });
  return {
    admin: ["/chat", "/chat/new?kind=public", "/chat/new", `/chat/${channel.id}`],
    teammate: ["/me/chat", "/me/chat/new", `/me/chat/${channel.id}`, `/me/chat/${group.id}`],
  };
}

/** A message in a thread as the seed writes it (through the messaging core). */
export async function seedMessage(o: TestOrg, conversationId: string, author: TestUser, body: string) {
  return addMessage(e2eDb(), {
    organizationId: o.org.id,
    conversationId,
    author: { id: author.id, name: `${author.firstName} ${author.lastName}`, staff: author.role !== "TEAMMATE" },
    body,
  });
}

async function sessionCookie(user: { id: string }) {
  // The account's current session version: an admin's change (role, rights) ends the sessions of before.
  const { sessionVersion } = await e2eDb().user.findUniqueOrThrow({
    where: { id: user.id },
    select: { sessionVersion: true },
  });
  const value = await encode({ token: { sub: user.id, sv: sessionVersion }, secret: E2E_SECRET, maxAge: 3600 });
  return { name: "shiftline.session", value, domain: "127.0.0.1", path: "/", httpOnly: true, sameSite: "Lax" as const };
}

/** A new browser context signed in as `user` (phone-sized for teammates), on `path` or their home page. */
export async function pageAs(
  browser: Browser,
  user: TestUser,
  opts: {
    phone?: boolean;
    javaScriptEnabled?: boolean;
    path?: string;
    beforeOpen?: (page: Page) => Promise<unknown>;
    /** The app's service worker runs only where a test asks (pwa.spec.ts): elsewhere it would keep pages of its own. */
    serviceWorker?: boolean;
  } = {},
): Promise<Page> {
  const phone = opts.phone ?? user.role === "TEAMMATE";
  const context = await browser.newContext({
    ...(phone ? PHONE : {}),
    serviceWorkers: opts.serviceWorker ? "allow" : "block",
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
  });
  await context.addCookies([await sessionCookie(user)]);
  const page = await context.newPage();
  watchTexts(page);
  await opts.beforeOpen?.(page);
  await page.goto(opts.path ?? (user.role === "TEAMMATE" ? "/me" : "/inbox"));
  await expect(page).not.toHaveURL(/sign-in/);
  return page;
}

/** Waits until the page's live event stream is connected. */
export async function live(page: Page) {
  await expect(page.locator("html[data-live=open]")).toHaveCount(1);
}

/** The sign-in form, for the tests of signing in itself. */
export async function signIn(page: Page, email: string, password = TEST_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export const name = (u: TestUser) => `${u.firstName} ${u.lastName}`;

// A text the browser's catalogue lacks (lib/i18n/client-messages.ts: a staff text on a teammate's
// page, say) shows as its key and is logged: any test that meets one fails.
const untranslated: string[] = [];
function watchTexts(page: Page) {
  page.on("console", (m) => {
    if (m.type() === "error" && /^(Missing message|Cannot format) /.test(m.text()))
      untranslated.push(`${page.url()}: ${m.text()}`);
  });
}

export const test = base.extend<{ everyTextTranslated: void }>({
  page: async ({ page }, provide) => {
    watchTexts(page);
    await provide(page);
  },
  everyTextTranslated: [
    async ({}, provide) => {
      untranslated.length = 0;
      await provide();
      expect(untranslated).toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };
export type { Page } from "@playwright/test";
