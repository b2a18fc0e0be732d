import { test, expect, newOrg, pageAs } from "./fixtures";

// Addresses and bodies no page of Shiftline makes: each is answered with what is wrong (400 or
// 404, in words), never a server error.

test("an address that does not decode, a week past any schedule and an upload without a boundary get an answer, not a 500", async ({
  browser,
}) => {
  const o = await newOrg();
  const page = await pageAs(browser, o.manager, { path: "/inbox" });
  const request = page.context().request;
  for (const path of ["/inbox/%ZZ", "/teammates/%ZZ", "/schedule/shifts/%ZZ", "/chat/%ZZ"]) {
    const r = await request.get(path, { maxRedirects: 0 });
    expect(r.status(), path).toBe(404);
    expect(await r.text()).toBe("This address is not valid: check the link, or go back.");
  }
  for (const path of ["/api/files/%ZZ", "/api/conversations/%ZZ/messages"]) {
    const r = await request.get(path);
    expect(r.status(), path).toBe(400);
    expect(await r.json()).toEqual({ ok: false, error: "This address is not valid: check the link, or go back." });
  }
  const upload = await request.post("/api/conversations/%ZZ/attachments", {
    headers: { "content-type": "multipart/form-data; boundary=X" },
    data: "x",
  });
  expect(upload.status()).toBe(400);
  // The week: the page opens on this week (positive control: the same page with a real week).
  for (const week of ["9999-12-31", "2026-11-16"]) {
    await page.goto(`/schedule?week=${week}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  const noBoundary = await request.post(`/api/conversations/${o.teammate.threadId}/attachments`, {
    headers: { "content-type": "multipart/form-data; boundary=", origin: new URL(page.url()).origin },
    data: "--\r\n",
  });
  expect(noBoundary.status()).toBe(400);
  expect(await noBoundary.json()).toEqual({ ok: false, error: "This page is out of date; reload it and try again." });
  await page.context().close();
});
