import { fileTypeFromBuffer } from "file-type";

export type ResumeMediaType = "application/pdf" | "application/vnd.openxmlformats-officedocument.wordprocessingml.document" | "text/plain" | "application/zip";

export const PDF = "application/pdf";
export const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const TXT = "text/plain";
export const ZIP = "application/zip";

/**
 * What a file is, by its bytes (magic numbers), never by its name or the client's Content-Type. Text has no magic
 * number: a file with no known signature counts as text when it is valid UTF-8 without control bytes.
 */
export async function detectType(bytes: Uint8Array): Promise<ResumeMediaType | null> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) {
    if (detected.mime === PDF) return PDF;
    if (detected.mime === DOCX) return DOCX;
    if (detected.mime === ZIP) return ZIP;
    return null;
  }
  return looksLikeText(bytes) ? TXT : null;
}

function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return true;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    // Tabs, newlines and form feeds are fine; other C0 controls (NUL above all) mean binary.
    return !/[\u0000-\u0008\u000e-\u001f]/.test(text);
  } catch {
    return false;
  }
}
