import { readdir, readFile } from "node:fs/promises";
import { writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import sharp from "sharp";
import { ACCEPT } from "./limits";
import { ALLOWED_TYPES, sanitizeFileName } from "./policy";
import { sniffFile } from "./sniff";
import { receiveFiles } from "./receive";
import { localStorage, filesRoot, scratchDir } from "./storage";
import { sendInboxMessage } from "@/lib/inbox/send";
import { db } from "@/lib/db";
import { cid, makeOrg } from "@/tests/helpers/org";
import { docx, jpegWithExif, pdf, png, svgWithScript, uploadRequest } from "@/tests/helpers/files";

/** Where the teammate's uploads go: their own thread. */
const teammateTarget = (o: Awaited<ReturnType<typeof makeOrg>>) => ({
  organizationId: o.org.id,
  conversationId: o.teammate.threadId,
  uploaderId: o.teammate.id,
  fromStaff: false,
});

async function sniff(name: string, data: Buffer | string) {
  const dir = await mkdtemp(path.join(tmpdir(), "sniff-"));
  const file = path.join(dir, "f");
  await writeFile(file, data);
  return sniffFile(file, name);
}

describe("file names", () => {
  it("offers the picker exactly the extensions the server keeps", () => {
    const kept = Object.values(ALLOWED_TYPES).flatMap((t) => t.ext.map((e) => `.${e}`));
    expect(ACCEPT.split(",").toSorted()).toEqual(kept.toSorted());
  });

  it("keep no folder, no control or reserved character, and stay short with their extension", () => {
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName("..\\..\\Windows\\evil.pdf")).toBe("evil.pdf");
    expect(sanitizeFileName("  .hidden.txt")).toBe("hidden.txt");
    expect(sanitizeFileName('re<port>:"2026"?.pdf')).toBe("report2026.pdf");
    expect(sanitizeFileName("photo\u202Egnp.exe")).toBe("photognp.exe");
    expect(sanitizeFileName("CON.txt")).toBe("file-CON.txt");
    expect(sanitizeFileName("\u0000\u0001")).toBe("file");
    const long = sanitizeFileName(`${"é".repeat(300)}.docx`);
    expect([...long]).toHaveLength(120);
    expect(long.endsWith(".docx")).toBe(true);
    expect(sanitizeFileName("scan", ["pdf"])).toBe("scan.pdf");
  });
});

describe("what a file really is", () => {
  it("knows pictures, PDF, office documents and text by their bytes", async () => {
    expect(await sniff("a.png", await png())).toMatchObject({ ok: true, mimeType: "image/png" });
    expect(await sniff("a.pdf", pdf())).toMatchObject({ ok: true, mimeType: "application/pdf" });
    expect(await sniff("a.docx", await docx())).toMatchObject({
      ok: true,
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    expect(await sniff("rota.csv", "name;shift\nCamille;night\n")).toMatchObject({ ok: true, mimeType: "text/csv" });
    expect(await sniff("notes", "plain words")).toMatchObject({ ok: true, mimeType: "text/plain" });
  });

  it("refuses a PNG renamed .pdf, SVG and HTML (under any name), and types outside the list", async () => {
    expect(await sniff("invoice.pdf", await png())).toEqual({ ok: false, error: "errors.file.mismatch" });
    expect(await sniff("logo.svg", svgWithScript())).toEqual({ ok: false, error: "errors.file.type" });
    expect(await sniff("logo.txt", svgWithScript())).toEqual({ ok: false, error: "errors.file.mismatch" });
    expect(await sniff("page.txt", "<!doctype html><script>alert(1)</script>")).toEqual({
      ok: false,
      error: "errors.file.mismatch",
    });
    expect(await sniff("page.html", "<html><body>hi</body></html>")).toEqual({ ok: false, error: "errors.file.type" });
    expect(
      await sniff("tool.exe", Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0])),
    ).toMatchObject({ ok: false });
    expect(await sniff("data.csv", Buffer.from([0xff, 0xfe, 0, 0x41, 0, 0x42]))).toMatchObject({ ok: false });
  });
});

describe("receiving an upload", () => {
  afterEach(() => {
    delete process.env.UPLOAD_MAX_BYTES;
  });

  it("keeps the good files and says why each other one was refused", async () => {
    const o = await makeOrg();
    process.env.UPLOAD_MAX_BYTES = "2000";
    const got = await receiveFiles(
      uploadRequest([
        { name: "plan.pdf", data: pdf(), type: "application/pdf" },
        { name: "big.txt", data: "x".repeat(5000) },
        { name: "empty.txt", data: "" },
        { name: "fake.pdf", data: await png() },
        { name: "../../../secret.csv", data: "a;b\n" },
      ]),
      { organizationId: o.org.id, conversationId: o.teammate.threadId, uploaderId: o.teammate.id, fromStaff: false },
    );
    expect(got.files.map((f) => f.name).sort()).toEqual(["plan.pdf", "secret.csv"]);
    expect(got.refused).toEqual(
      expect.arrayContaining([
        { name: "big.txt", error: "errors.file.tooLarge", values: { size: 0 } },
        { name: "empty.txt", error: "errors.file.empty" },
        { name: "fake.pdf", error: "errors.file.mismatch" },
      ]),
    );
    const rows = await db.attachment.findMany({ where: { conversationId: o.teammate.threadId } });
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.messageId === null && r.uploaderId === o.teammate.id && r.storage === "local")).toBe(
      true,
    );
    for (const r of rows) expect(r.storageKey.startsWith(`${o.org.id}/`)).toBe(true);
  });

  it("takes location and every other metadata out of photos, and makes a thumbnail", async () => {
    const o = await makeOrg();
    const original = await jpegWithExif();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const got = await receiveFiles(uploadRequest([{ name: "IMG_0001.JPG", data: original, type: "image/jpeg" }]), {
      organizationId: o.org.id,
      conversationId: o.teammate.threadId,
      uploaderId: o.teammate.id,
      fromStaff: false,
    });
    expect(got.refused).toEqual([]);
    const [file] = got.files;
    expect(file).toMatchObject({ name: "IMG_0001.jpg", mimeType: "image/jpeg", width: 64, height: 48 });
    const row = await db.attachment.findUniqueOrThrow({ where: { id: file!.id } });
    const stored = await readFile(path.join(filesRoot(), row.storageKey));
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(stored.includes(Buffer.from("rue des Lilas"))).toBe(false);
    expect(row.thumbKey).toBeTruthy();
    const thumb = await sharp(await readFile(path.join(filesRoot(), row.thumbKey!))).metadata();
    expect(thumb.format).toBe("webp");
  });

  it("stores under the files folder only", async () => {
    await expect(localStorage.open({ storage: "local", key: "../../etc/passwd" })).rejects.toThrow(/Unsafe/);
  });
});

describe("upload limits: one account cannot fill the disk", () => {
  const LIMITS = [
    "UPLOAD_WAITING_MAX_BYTES_USER",
    "UPLOAD_WAITING_MAX_BYTES_ORG",
    "UPLOAD_MAX_BYTES_PER_HOUR",
    "UPLOAD_REQUEST_MAX_BYTES",
  ];
  afterEach(() => {
    for (const k of LIMITS) delete process.env[k];
  });
  const chunk = (n: number) => Buffer.concat([pdf(), Buffer.alloc(n, 0x20)]);
  const scratchFiles = async () => (await readdir(await scratchDir())).length;

  it("files never sent count against a quota per person: past it, uploads are refused with the reason, and the disk stays bounded", async () => {
    const o = await makeOrg();
    process.env.UPLOAD_WAITING_MAX_BYTES_USER = String(250_000);
    const target = teammateTarget(o);
    // The attack: upload again and again, never send.
    const outcomes = [];
    for (let i = 0; i < 8; i++)
      outcomes.push(
        await receiveFiles(
          uploadRequest([{ name: `pad-${i}.pdf`, data: chunk(60_000), type: "application/pdf" }]),
          target,
        ),
      );
    const kept = outcomes.flatMap((r) => r.files);
    expect(kept.length).toBe(4); // positive control: uploads work until the quota
    expect(outcomes.at(-1)!.refused).toEqual([
      { name: "pad-7.pdf", error: "errors.file.waitingQuota", values: { size: 1 } },
    ]);
    const stored = await db.attachment.aggregate({
      where: { uploaderId: o.teammate.id, messageId: null },
      _sum: { size: true },
    });
    expect(stored._sum.size).toBeLessThanOrEqual(250_000);
    expect(await scratchFiles()).toBe(0); // refused bytes were never kept on disk
    // Someone else of the organisation is not held back by this person's files.
    const other = await receiveFiles(
      uploadRequest([{ name: "mine.pdf", data: chunk(10_000), type: "application/pdf" }]),
      {
        ...target,
        uploaderId: o.manager.id,
        fromStaff: true,
      },
    );
    expect(other.files).toHaveLength(1);
    // Sending frees the quota.
    await sendInboxMessage(o.teammate, {
      conversationId: o.teammate.threadId,
      body: "",
      clientId: cid(),
      attachmentIds: kept.slice(0, 3).map((f) => f.id),
    });
    expect(
      (await receiveFiles(uploadRequest([{ name: "after.pdf", data: chunk(60_000), type: "application/pdf" }]), target))
        .files,
    ).toHaveLength(1);
  });

  it("limits the bytes of one request, of an hour per person, and what waits in the whole organisation", async () => {
    const o = await makeOrg();
    const target = teammateTarget(o);
    process.env.UPLOAD_REQUEST_MAX_BYTES = String(150_000);
    const three = await receiveFiles(
      uploadRequest([1, 2, 3].map((i) => ({ name: `r${i}.pdf`, data: chunk(60_000), type: "application/pdf" }))),
      target,
    );
    expect(three.files.map((f) => f.name)).toEqual(["r1.pdf", "r2.pdf"]);
    expect(three.refused).toEqual([{ name: "r3.pdf", error: "errors.file.requestTooLarge", values: { size: 0 } }]);
    const declared = new Request("http://x/", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=XX", "content-length": "99999999" },
      body: "--XX--",
    });
    await expect(receiveFiles(declared, target)).rejects.toThrow(/limited to/);
    delete process.env.UPLOAD_REQUEST_MAX_BYTES;

    process.env.UPLOAD_MAX_BYTES_PER_HOUR = String(200_000);
    await sendInboxMessage(o.teammate, {
      conversationId: o.teammate.threadId,
      body: "",
      clientId: cid(),
      attachmentIds: three.files.map((f) => f.id),
    });
    const hour = await receiveFiles(
      uploadRequest([{ name: "h.pdf", data: chunk(90_000), type: "application/pdf" }]),
      target,
    );
    expect(hour.refused).toMatchObject([{ error: "errors.file.hourQuota" }]); // 120 kB sent already this hour
    delete process.env.UPLOAD_MAX_BYTES_PER_HOUR;

    process.env.UPLOAD_WAITING_MAX_BYTES_ORG = String(100_000);
    const first = await receiveFiles(
      uploadRequest([{ name: "o1.pdf", data: chunk(70_000), type: "application/pdf" }]),
      {
        ...target,
        uploaderId: o.teammate2.id,
      },
    );
    expect(first.files).toHaveLength(1);
    const second = await receiveFiles(
      uploadRequest([{ name: "o2.pdf", data: chunk(70_000), type: "application/pdf" }]),
      {
        ...target,
        uploaderId: o.manager.id,
      },
    );
    expect(second.refused).toMatchObject([{ error: "errors.file.orgQuota" }]);
  });

  it("uploads at the same moment cannot pass the quota together", async () => {
    const o = await makeOrg();
    process.env.UPLOAD_WAITING_MAX_BYTES_USER = String(130_000);
    const target = teammateTarget(o);
    const all = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        receiveFiles(uploadRequest([{ name: `c${i}.pdf`, data: chunk(60_000), type: "application/pdf" }]), target),
      ),
    );
    expect(all.flatMap((r) => r.files)).toHaveLength(2);
    const stored = await db.attachment.aggregate({ where: { uploaderId: o.teammate.id }, _sum: { size: true } });
    expect(stored._sum.size).toBeLessThanOrEqual(130_000);
  });
});

describe("a broken upload", () => {
  it("that is not multipart, or breaks off, is refused with a reason, not a server error", async () => {
    const o = await makeOrg();
    const target = teammateTarget(o);
    await expect(
      receiveFiles(
        new Request("http://x/", { method: "POST", body: "{}", headers: { "content-type": "application/json" } }),
        target,
      ),
    ).rejects.toThrow(/out of date/);
    const cut = new Request("http://x/", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=XX" },
      body: '--XX\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 and then nothing',
    });
    await expect(receiveFiles(cut, target)).rejects.toThrow(/could not be stored/);
  });
});
