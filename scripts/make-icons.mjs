// Makes the app's PNG icons from public/icon.svg (run again after changing it; the PNGs are
// committed, being small and needed by the manifest). Maskable: the mark inside the safe
// zone (the middle 80 %) on the theme colour, since platforms crop it to their own shape.
import { readFileSync } from "node:fs";
import sharp from "sharp";

const svg = readFileSync("public/icon.svg");
const mark = readFileSync("public/icon.svg", "utf8").replace(/<rect[^>]*\/>/, "");
const maskable = Buffer.from(
  mark.replace(
    'viewBox="0 0 64 64">',
    'viewBox="-10 -10 84 84"><rect x="-10" y="-10" width="84" height="84" fill="#0f766e"/>',
  ),
);

const out = [
  ["public/icons/icon-192.png", svg, 192],
  ["public/icons/icon-512.png", svg, 512],
  ["public/icons/maskable-512.png", maskable, 512],
  ["public/icons/maskable-192.png", maskable, 192],
  ["public/icons/apple-touch-icon.png", maskable, 180],
  ["public/icons/badge-96.png", null, 96],
];
for (const [file, source, size] of out) {
  // The badge (Android's status bar) is a white silhouette on transparent.
  const input = source ?? Buffer.from(mark);
  await sharp(input, { density: 72 * (size / 64) * 2 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toFile(file);
  console.log(file);
}
