import "server-only";
import sharp from "sharp";

// Photos are re-encoded before anyone sees them: sharp keeps no metadata unless
// asked, so location, camera and owner (EXIF, XMP, IPTC) are gone; the picture is
// turned upright first, since that information goes too.

sharp.cache(false);
sharp.concurrency(1);

const THUMB_WIDTH = 480;

export type CleanImage = { width: number; height: number };

/** Writes the cleaned image to `to` and a WebP thumbnail to `thumbTo`. */
export async function cleanImage(from: string, to: string, thumbTo: string, mimeType: string): Promise<CleanImage> {
  const animated = mimeType === "image/gif" || mimeType === "image/webp";
  const image = sharp(from, { animated, limitInputPixels: 100_000_000 }).rotate();
  const format =
    mimeType === "image/jpeg" ? "jpeg" : mimeType === "image/png" ? "png" : mimeType === "image/gif" ? "gif" : "webp";
  const info = await image
    .clone()
    .toFormat(format, format === "jpeg" ? { quality: 88, mozjpeg: true } : {})
    .toFile(to);
  await sharp(from, { limitInputPixels: 100_000_000 })
    .rotate()
    .resize({ width: THUMB_WIDTH, height: THUMB_WIDTH, fit: "inside", withoutEnlargement: true })
    .webp({ quality: 72 })
    .toFile(thumbTo);
  return { width: info.width, height: animated && info.pageHeight ? info.pageHeight : info.height };
}
