import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import JSZip from "jszip";
import { db } from "@/lib/db";
import { sendInboxMessage } from "@/lib/inbox/send";
import { addPrivateNote } from "@/lib/inbox/notes";
import { receiveFiles } from "@/lib/files/receive";
import { filesRoot } from "@/lib/files/storage";
import { runDueJobs } from "@/lib/worker";
import { makeOrg, cid } from "@/tests/helpers/org";
import { pdf, png } from "@/tests/helpers/files";
import { uploadRequest } from "@/tests/helpers/files";
import { fakeResend } from "@/tests/helpers/fake-services";
import type { SessionUser } from "@/lib/auth/roles";
import { requestAttachmentsExport, pruneExports, retryExport, runExportJob } from "./jobs";
import { splitIntoParts } from "./build";
import { exportsDir } from "./queue";
import { openExportDownload } from "./download";
import { checkExportLink, exportLinkPath } from "./link";
import { csvCell } from "./csv";
import { dayKey } from "@/lib/text/format";

async function share(
  user: SessionUser,
  conversationId: string,
  files: { name: string; data: Buffer | string }[],
  body = "",
) {
  const got = await receiveFiles(uploadRequest(files), {
    organizationId: user.organizationId,
    conversationId,
    uploaderId: user.id,
    fromStaff: user.role !== "TEAMMATE",
  });
  expect(got.refused).toEqual([]);
  await sendInboxMessage(user, { conversationId, body, clientId: cid(), attachmentIds: got.files.map((f) => f.id) });
  return got.files;
}

const linkParams = (link: string) => {
  const url = new URL(link, "http://x");
  return {
    exportId: decodeURIComponent(url.pathname.split("/")[3]!),
    expires: Number(url.searchParams.get("expires")),
    sig: url.searchParams.get("sig")!,
  };
};

async function exportAll(user: SessionUser) {
  const { id } = await requestAttachmentsExport(user, { filters: {} });
  while (await runDueJobs()) {
    // e-mail jobs follow the export's
  }
  return db.exportJob.findUniqueOrThrow({ where: { id } });
}

describe("the attachments export", () => {
  afterEach(() => {
    delete process.env.RESEND_API_KEY;
    delete process.env.RESEND_BASE_URL;
  });

  it("zips every teammate's files in a folder each, unique names, a manifest without notes, and e-mails a link", async () => {
    const o = await makeOrg();
    const photo = await png();
    await share(o.teammate, o.teammate.threadId, [
      { name: "photo.png", data: photo },
      { name: '=HYPERLINK("x").csv', data: "a;b\n" },
    ]);
    await share(o.teammate, o.teammate.threadId, [{ name: "photo.png", data: await png(50, 50) }]); // same name, same day
    await share(o.manager, o.teammate2.threadId, [{ name: "rota.pdf", data: pdf() }], "the rota");
    await addPrivateNote(o.manager, {
      conversationId: o.teammate.threadId,
      body: "SECRET: do not rehire",
      clientId: cid(),
    });

    const done = await exportAll(o.manager);
    expect(done).toMatchObject({ status: "DONE", fileCount: 4, progress: 4, total: 4 });
    const zip = await JSZip.loadAsync(await readFile(done.filePath!));
    const names = Object.keys(zip.files)
      .filter((n) => !zip.files[n]!.dir)
      .sort();
    const { timeZone } = await db.organization.findUniqueOrThrow({ where: { id: o.org.id } });
    const day = dayKey(new Date(), timeZone);
    expect(names).toEqual(
      [
        `One Tess/${day} photo.png`,
        `One Tess/${day} photo (2).png`,
        `One Tess/${day} =HYPERLINK(x).csv`,
        `Two Theo/${day} rota.pdf`,
        "manifest.csv",
      ].sort(),
    );
    const stored = await db.attachment.findFirstOrThrow({
      where: { conversationId: o.teammate.threadId, fileName: "photo.png" },
      orderBy: { createdAt: "asc" },
    });
    expect(
      Buffer.compare(
        await zip.file(`One Tess/${day} photo.png`)!.async("nodebuffer"),
        await readFile(path.join(filesRoot(), stored.storageKey)),
      ),
    ).toBe(0);
    const manifest = await zip.file("manifest.csv")!.async("string");
    expect(manifest).not.toContain("SECRET");
    expect(manifest).not.toContain("the rota"); // message texts stay out too
    expect(manifest).toContain("'=HYPERLINK(x).csv"); // a formula in a cell is neutralised
    expect(manifest.split("\r\n")[0]).toContain("Teammate");

    const email = await db.emailOutbox.findFirstOrThrow({ where: { toEmail: o.manager.email } });
    expect(email).toMatchObject({ status: "SENT", provider: "outbox", subject: "Your Shiftline export is ready" });
    const link = email.text.match(/https?:\/\/\S+/)![0];
    expect(link).toContain(exportLinkPath({ ...done, expiresAt: done.expiresAt! }));
    await expect(openExportDownload(o.manager, linkParams(link))).resolves.toMatchObject({ size: done.fileSize });
  });

  it("names each file by the day it was shared in the organisation's time zone, not in UTC", async () => {
    const o = await makeOrg();
    await db.organization.update({ where: { id: o.org.id }, data: { timeZone: "Pacific/Auckland" } });
    const [early] = await share(o.teammate, o.teammate.threadId, [{ name: "early.pdf", data: pdf() }]);
    const [late] = await share(o.teammate, o.teammate.threadId, [{ name: "late.pdf", data: pdf() }]);
    // 08:00 on 3 March in Auckland is still 2 March in UTC; 23:30 on 3 March is 4 March in Auckland.
    await db.attachment.update({ where: { id: early!.id }, data: { sharedAt: new Date("2026-03-02T19:00:00Z") } });
    await db.attachment.update({ where: { id: late!.id }, data: { sharedAt: new Date("2026-03-03T23:30:00Z") } });
    const done = await exportAll(o.manager);
    expect(done).toMatchObject({ status: "DONE", fileCount: 2 });
    const zip = await JSZip.loadAsync(await readFile(done.filePath!));
    expect(Object.keys(zip.files).filter((n) => n.endsWith(".pdf"))).toEqual([
      "One Tess/2026-03-03 early.pdf",
      "One Tess/2026-03-04 late.pdf",
    ]);
  });

  it("the link works for its requester only, untampered and before it expires; then the zip is deleted", async () => {
    const o = await makeOrg();
    const other = await makeOrg("Other");
    await share(o.teammate, o.teammate.threadId, [{ name: "a.pdf", data: pdf() }]);
    const done = await exportAll(o.manager);
    const params = linkParams(exportLinkPath({ ...done, expiresAt: done.expiresAt! }));
    for (const user of [o.manager2, o.admin, other.manager])
      await expect(openExportDownload(user, params)).rejects.toThrow(/not found/i);
    await expect(openExportDownload(o.manager, { ...params, sig: `${params.sig.slice(0, -2)}AA` })).rejects.toThrow(
      /not valid/i,
    );
    await expect(openExportDownload(o.manager, { ...params, expires: params.expires + 86_400_000 })).rejects.toThrow(
      /not valid/i,
    );
    expect(
      checkExportLink({ ...done, expiresAt: done.expiresAt! }, params.expires, params.sig, params.expires + 1),
    ).toBe("expired");

    await pruneExports(new Date(done.expiresAt!.getTime() + 1000));
    await expect(readFile(done.filePath!)).rejects.toThrow(/ENOENT/);
    await expect(openExportDownload(o.manager, params)).rejects.toThrow(/expired/i);
  });

  it("goes out through Resend when keyed, tried again when Resend fails", async () => {
    const resend = await fakeResend({ fail: 1 });
    process.env.RESEND_API_KEY = "re_test_key";
    process.env.RESEND_BASE_URL = resend.url;
    try {
      const o = await makeOrg();
      await share(o.teammate, o.teammate.threadId, [{ name: "a.pdf", data: pdf() }]);
      await exportAll(o.manager);
      const email = await db.emailOutbox.findFirstOrThrow({ where: { toEmail: o.manager.email } });
      expect(email.status).toBe("QUEUED"); // the first try failed; the job waits to try again
      await db.job.updateMany({ where: { kind: "email.send", doneAt: null }, data: { runAt: new Date(0) } });
      await runDueJobs();
      expect(resend.sent).toHaveLength(1);
      expect(resend.sent[0]).toMatchObject({
        to: o.manager.email,
        subject: "Your Shiftline export is ready",
        key: `shiftline-${email.id}`,
        auth: "Bearer re_test_key",
      });
      expect(resend.sent[0]!.text).toContain("/api/exports/");
      expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject({
        status: "SENT",
        provider: "resend",
        providerId: "email_1",
      });
    } finally {
      await resend.close();
    }
  });

  it("an export whose worker died on every try ends as interrupted, and says so by e-mail", async () => {
    const o = await makeOrg();
    const { id } = await requestAttachmentsExport(o.manager, { filters: {} });
    await db.exportJob.update({ where: { id }, data: { status: "RUNNING" } });
    // Its third and last try was killed half-way: its lease runs out, a half-written file stays.
    await mkdir(exportsDir(), { recursive: true });
    const part = path.join(exportsDir(), `${id}.zip.part`);
    await writeFile(part, "half a zip");
    await db.job.update({
      where: { key: `export:${id}` },
      data: { attempts: 3, lockedBy: "dead", lockedUntil: new Date(Date.now() - 1000) },
    });
    await runDueJobs(); // the worker's next look
    expect(await db.exportJob.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "FAILED",
      error: "errors.export.interrupted",
    });
    await expect
      .poll(() =>
        stat(part).then(
          () => true,
          () => false,
        ),
      )
      .toBe(false);
    await runDueJobs();
    const emails = await db.emailOutbox.findMany({ where: { toEmail: o.manager.email } });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ subject: "Your Shiftline export could not be built", status: "SENT" });
    expect(emails[0]!.text).toContain("interrupted");
    // "Try again": a new export of the same people, built from scratch
    const again = await retryExport(o.manager, id);
    await runDueJobs();
    expect(await db.exportJob.findUniqueOrThrow({ where: { id: again.id } })).toMatchObject({
      status: "DONE",
      fileCount: 0,
    });
    await expect(retryExport(o.manager2, id)).rejects.toThrow(/not found/i);
  });

  it("a large export comes in numbered parts under the zip limits, each a valid zip with its own manifest, a link each", async () => {
    const o = await makeOrg();
    await share(o.teammate, o.teammate.threadId, [
      { name: "a.pdf", data: pdf() },
      { name: "b.pdf", data: pdf() },
    ]);
    await share(o.teammate2, o.teammate2.threadId, [
      { name: "c.pdf", data: pdf() },
      { name: "d.pdf", data: pdf() },
      { name: "e.pdf", data: pdf() },
    ]);
    const { id } = await requestAttachmentsExport(o.manager, { filters: {} });
    // Limits small enough to split five files: 4 entries a zip (its manifest, folders and files).
    await runExportJob(id, new AbortController().signal, { limits: { entries: 4, bytes: 1e9 } });
    const done = await db.exportJob.findUniqueOrThrow({
      where: { id },
      include: { parts: { orderBy: { number: "asc" } } },
    });
    expect(done).toMatchObject({ status: "DONE", fileCount: 5 });
    expect(done.parts.map((p) => p.fileCount)).toEqual([2, 2, 1]);
    expect(done.fileSize).toBe(done.parts.reduce((n, p) => n + p.fileSize, 0));
    const listed: string[] = [];
    for (const part of done.parts) {
      const zip = await JSZip.loadAsync(await readFile(part.filePath));
      const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
      expect(Object.keys(zip.files).length).toBeLessThanOrEqual(4);
      const manifest = (await zip.file("manifest.csv")!.async("string"))
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n");
      expect(manifest).toHaveLength(part.fileCount + 1);
      listed.push(...names.filter((n) => n !== "manifest.csv").map((n) => n.split(" ").at(-1)!));
    }
    expect(listed.sort()).toEqual(["a.pdf", "b.pdf", "c.pdf", "d.pdf", "e.pdf"]); // every file once
    // One e-mail, a link for each part; each link opens its own part.
    await runDueJobs();
    const email = await db.emailOutbox.findFirstOrThrow({ where: { toEmail: o.manager.email } });
    const links = [...email.text.matchAll(/Part (\d) of 3: (\S+)/g)].map((m) => m[2]!);
    expect(links).toHaveLength(3);
    for (const [i, link] of links.entries()) {
      const url = new URL(link);
      const opened = await openExportDownload(o.manager, {
        ...linkParams(link),
        part: Number(url.searchParams.get("part")),
      });
      expect(opened).toMatchObject({
        path: done.parts[i]!.filePath,
        name: expect.stringMatching(new RegExp(`part-${i + 1}-of-3\\.zip$`)),
      });
    }
    await expect(openExportDownload(o.manager, { ...linkParams(links[0]!), part: 4 })).rejects.toThrow();
    // Past their 7 days, every part goes.
    await pruneExports(new Date(done.expiresAt!.getTime() + 1000));
    for (const part of done.parts) await expect(stat(part.filePath)).rejects.toThrow();
    expect(await db.exportPart.count({ where: { exportId: id } })).toBe(0);
  });

  it("splits by entries and by size, folders and the manifest counted, files in their order", () => {
    const f = (folder: string, size = 10) => ({ folder, size });
    const split = (files: ReturnType<typeof f>[], entries: number, bytes = 1e9) =>
      splitIntoParts(files, (x) => x.folder, { entries, bytes }).map((p) => p.map((x) => x.folder).join(""));
    expect(split([], 10)).toEqual([""]); // an empty export is one zip with its manifest
    expect(split([f("a"), f("a"), f("b")], 5)).toEqual(["aa", "b"]); // manifest + a/ + 2 files = 4; b needs a folder too
    expect(split([f("a"), f("a"), f("a")], 100, 1300)).toEqual(["aa", "a"]); // 600 bytes of headers each
    expect(split([f("a", 5000)], 100, 1000)).toEqual(["a"]); // a file larger than a part still goes, alone
  });

  it("covers only the teammates picked, or those the filters show", async () => {
    const o = await makeOrg();
    await share(o.teammate, o.teammate.threadId, [{ name: "tess.pdf", data: pdf() }]);
    await share(o.teammate2, o.teammate2.threadId, [{ name: "theo.pdf", data: pdf() }]);
    const picked = await requestAttachmentsExport(o.manager, { teammateIds: [o.teammate2.id] });
    const filtered = await requestAttachmentsExport(o.manager, { filters: { q: "tess" } });
    while (await runDueJobs()) {
      // both exports, then their e-mails
    }
    const entries = async (id: string) => {
      const job = await db.exportJob.findUniqueOrThrow({ where: { id } });
      const zip = await JSZip.loadAsync(await readFile(job.filePath!));
      return Object.keys(zip.files).filter((n) => n.endsWith(".pdf"));
    };
    expect((await entries(picked.id)).map((n) => n.split("/")[0])).toEqual(["Two Theo"]);
    expect((await entries(filtered.id)).map((n) => n.split("/")[0])).toEqual(["One Tess"]);
  });

  it("teammates cannot ask for one", async () => {
    const o = await makeOrg();
    await expect(requestAttachmentsExport(o.teammate, { filters: {} })).rejects.toThrow();
  });
});

describe("CSV cells", () => {
  it("neutralise formulas and quote what needs it", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+33 6 12")).toBe("'+33 6 12");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell('say "hi", then')).toBe('"say ""hi"", then"');
    expect(csvCell(-2)).toBe("-2");
  });
});
