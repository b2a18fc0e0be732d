import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { text } from "node:stream/consumers";
import { db } from "@/lib/db";
import { makeOrg } from "@/tests/helpers/org";
import { pdf, jpegWithExif, uploadRequest } from "@/tests/helpers/files";
import { fakeUploadThing } from "@/tests/helpers/fake-services";
import { receiveFiles } from "./receive";
import { storageFor } from "./storage";

// The UploadThing path through its real SDK, against a local stand-in of its API.
let fake: Awaited<ReturnType<typeof fakeUploadThing>>;
beforeAll(async () => {
  fake = await fakeUploadThing();
  Object.assign(process.env, fake.env);
});
afterAll(async () => {
  for (const k of Object.keys(fake.env)) delete process.env[k];
  await fake.close();
});

describe("files on UploadThing", () => {
  it("are uploaded there (photo, thumbnail and document), read back as streams and deleted", async () => {
    const o = await makeOrg();
    const got = await receiveFiles(
      uploadRequest([
        { name: "plan.pdf", data: pdf() },
        { name: "photo.jpg", data: await jpegWithExif() },
      ]),
      { organizationId: o.org.id, conversationId: o.teammate.threadId, uploaderId: o.teammate.id, fromStaff: false },
    );
    expect(got.refused).toEqual([]);
    const rows = await db.attachment.findMany({
      where: { conversationId: o.teammate.threadId },
      orderBy: { fileName: "asc" },
    });
    expect(rows.map((r) => r.storage)).toEqual(["uploadthing", "uploadthing"]);
    expect(fake.files.size).toBe(3); // the PDF, the cleaned photo and its thumbnail
    const [doc] = rows.filter((r) => r.fileName === "plan.pdf");
    const storage = storageFor(doc!);
    expect(await text(await storage.open({ storage: "uploadthing", key: doc!.storageKey }))).toBe(pdf().toString());
    const photo = rows.find((r) => r.fileName === "photo.jpg")!;
    expect(fake.files.get(photo.storageKey)!.includes(Buffer.from("rue des Lilas"))).toBe(false);
    await storage.remove({ storage: "uploadthing", key: doc!.storageKey });
    expect(fake.files.has(doc!.storageKey)).toBe(false);
  });
});
