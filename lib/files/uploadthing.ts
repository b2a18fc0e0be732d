import "server-only";
import { openAsBlob } from "node:fs";
import { rm } from "node:fs/promises";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { FileStorage } from "./storage";

// UploadThing through its SDK. It reads UPLOADTHING_TOKEN and, for tests against
// a local stand-in, UPLOADTHING_API_URL, UPLOADTHING_INGEST_URL,
// UPLOADTHING_UFS_HOST and UPLOADTHING_UFS_APP_ID_LOCATION from the environment.
// The file goes out as a Blob backed by the disk (openAsBlob): read as it is sent.
// The SDK is loaded on first use only: it costs about 100 MB of memory, for nothing
// on the local default.

type Sdk = typeof import("uploadthing/server");
let loaded: Promise<{ sdk: Sdk; api: InstanceType<Sdk["UTApi"]> }> | undefined;
const utapi = () =>
  (loaded ??= import("uploadthing/server").then((sdk) => ({ sdk, api: new sdk.UTApi({ logLevel: "Error" }) })));

export function uploadThingStorage(): FileStorage {
  return {
    name: "uploadthing",
    async put(from, _key, meta) {
      const blob = await openAsBlob(from, { type: meta.mimeType });
      const { sdk, api } = await utapi();
      const result = await api.uploadFiles(new sdk.UTFile([blob], meta.name, { type: meta.mimeType }), {
        contentDisposition: "attachment",
      });
      if (result.error) throw new Error(`UploadThing refused the file: ${result.error.message}`);
      await rm(from, { force: true });
      return { storage: "uploadthing", key: result.data.key, url: result.data.ufsUrl };
    },
    async open(file) {
      const { ufsUrl } = await (await utapi()).api.generateSignedURL(file.key, { expiresIn: 300 });
      const response = await fetch(ufsUrl);
      if (!response.ok || !response.body) throw new Error(`UploadThing answered ${response.status} for ${file.key}`);
      return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
    },
    async remove(file) {
      await (await utapi()).api.deleteFiles(file.key);
    },
  };
}
