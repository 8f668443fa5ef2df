import { strToU8, zipSync } from "fflate";
import { PDFDocument, StandardFonts } from "pdf-lib";

export type UploadFile = { name: string; bytes: Uint8Array; type?: string };

/**
 * POSTs a GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec) with the files
 * in `variables.files`, as the SPA does. `Apollo-Require-Preflight` satisfies Apollo's CSRF prevention.
 */
export async function gqlUpload<T = any>(url: string, key: string, query: string, variables: Record<string, unknown>, files: UploadFile[]) {
  const form = new FormData();
  form.append("operations", JSON.stringify({ query, variables: { ...variables, files: files.map(() => null) } }));
  form.append("map", JSON.stringify(Object.fromEntries(files.map((_, i) => [String(i), [`variables.files.${i}`]]))));
  files.forEach((f, i) => form.append(String(i), new Blob([f.bytes], { type: f.type ?? "application/octet-stream" }), f.name));
  const res = await fetch(`${url}/graphql`, { method: "POST", headers: { authorization: `Bearer ${key}`, "apollo-require-preflight": "true" }, body: form });
  return (await res.json()) as { data?: T; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
}

export function resumeText(name: string, email: string, skills: string[], extra = ""): string {
  return `${name}\n${email}\n\nSenior Software Engineer at Acme Corp\n8 years of experience building services with ${skills.join(", ")}.\nBSc Computer Science, University of Somewhere\n${extra}\n`;
}

export const txt = (name: string, text: string): UploadFile => ({ name, bytes: strToU8(text), type: "text/plain" });

/** A real PDF with the text on one page (pdf-lib, standard Helvetica). */
export async function pdf(name: string, text: string): Promise<UploadFile> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  text.split("\n").forEach((line, i) => page.drawText(line, { x: 50, y: 790 - i * 16, size: 11, font }));
  return { name, bytes: await doc.save(), type: "application/pdf" };
}

/** A minimal but valid Word document (the three parts a .docx needs), one paragraph per line. */
export function docx(name: string, text: string): UploadFile {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const paragraphs = text.split("\n").map((l) => `<w:p><w:r><w:t xml:space="preserve">${esc(l)}</w:t></w:r></w:p>`).join("");
  const bytes = zipSync({
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    "word/document.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs}</w:body></w:document>`,
    ),
  });
  return { name, bytes, type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" };
}

export function zip(name: string, entries: Record<string, Uint8Array>, level: 0 | 9 = 9): UploadFile {
  return { name, bytes: zipSync(entries, { level }), type: "application/zip" };
}
