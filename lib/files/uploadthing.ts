import "server-only";
import { openAsBlob } from "node:fs";
import { rm } from "node:fs/promises";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { UTApi, UTFile } from "uploadthing/server";
import type { FileStorage } from "./storage";

// UploadThing through its SDK. It reads UPLOADTHING_TOKEN and, for tests against
// a local stand-in, UPLOADTHING_API_URL, UPLOADTHING_INGEST_URL,
// UPLOADTHING_UFS_HOST and UPLOADTHING_UFS_APP_ID_LOCATION from the environment.
// The file goes out as a Blob backed by the disk (openAsBlob): read as it is sent.

let api: UTApi | undefined;
const utapi = () => (api ??= new UTApi({ logLevel: "Error" }));

export function uploadThingStorage(): FileStorage {
  return {
    name: "uploadthing",
    async put(from, _key, meta) {
      const blob = await openAsBlob(from, { type: meta.mimeType });
      const result = await utapi().uploadFiles(new UTFile([blob], meta.name, { type: meta.mimeType }), { contentDisposition: "attachment" });
      if (result.error) throw new Error(`UploadThing refused the file: ${result.error.message}`);
      await rm(from, { force: true });
      return { storage: "uploadthing", key: result.data.key, url: result.data.ufsUrl };
    },
    async open(file) {
      const { ufsUrl } = await utapi().generateSignedURL(file.key, { expiresIn: 300 });
      const response = await fetch(ufsUrl);
      if (!response.ok || !response.body) throw new Error(`UploadThing answered ${response.status} for ${file.key}`);
      return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
    },
    async remove(file) {
      await utapi().deleteFiles(file.key);
    },
  };
}
