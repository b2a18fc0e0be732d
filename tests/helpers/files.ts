import JSZip from "jszip";
import sharp from "sharp";

// Real files of each kind, made on the spot (tests have no fixtures folder to keep in step).

export const png = (width = 40, height = 30) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .png()
    .toBuffer();

/** A JPEG whose EXIF says where it was taken and who took it. */
export const jpegWithExif = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 10, g: 120, b: 200 } } })
    .jpeg()
    .withExif({
      IFD0: { Artist: "Camille at 12 rue des Lilas", ImageDescription: "Home", Copyright: "GPS 45.76 4.83" },
    })
    .toBuffer();

export const pdf = () =>
  Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

export async function docx(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
  );
  zip.file(
    "word/document.xml",
    '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
  );
  return zip.generateAsync({ type: "nodebuffer" });
}

export const svgWithScript = () =>
  Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>');

/** A multipart request as a browser's form would send it. */
export function uploadRequest(
  files: { name: string; data: Buffer | string; type?: string }[],
  fields: Record<string, string> = {},
): Request {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files)
    form.append(
      "files",
      new File([typeof f.data === "string" ? f.data : new Uint8Array(f.data)], f.name, {
        type: f.type ?? "application/octet-stream",
      }),
    );
  return new Request("http://localhost/api/upload", { method: "POST", body: form });
}
