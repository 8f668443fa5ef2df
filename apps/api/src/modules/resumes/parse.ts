import mammoth from "mammoth";
import { extractText, getDocumentProxy } from "unpdf";
import { DOCX, PDF, TXT } from "./file-types.js";

/** A resume whose text could not be read: the item fails with this reason, the batch goes on. */
export class ResumeParseError extends Error {
  override name = "ResumeParseError";
}

/** Text beyond this is not a resume and would only cost tokens. */
const MAX_TEXT = 60_000;

export async function extractResumeText(bytes: Uint8Array, mediaType: string): Promise<string> {
  let text: string;
  try {
    if (mediaType === PDF) {
      // unpdf takes over the buffer it is given: pass a copy, the caller may still need the bytes.
      const pdf = await getDocumentProxy(new Uint8Array(bytes));
      text = (await extractText(pdf, { mergePages: true })).text;
    } else if (mediaType === DOCX) {
      text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
    } else if (mediaType === TXT) {
      text = new TextDecoder("utf-8").decode(bytes);
    } else {
      throw new ResumeParseError(`Unsupported file type ${mediaType}`);
    }
  } catch (err) {
    if (err instanceof ResumeParseError) throw err;
    const why = err instanceof Error ? err.message : String(err);
    throw new ResumeParseError(`The ${mediaType === PDF ? "PDF" : mediaType === DOCX ? "DOCX" : "file"} could not be read: ${why.slice(0, 200)}`, { cause: err });
  }
  text = text.replace(/\r\n?/g, "\n").replace(/[ \t]+\n/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
  if (!text) throw new ResumeParseError("The file holds no text (a scanned image needs OCR, which Taskline does not do)");
  return text.slice(0, MAX_TEXT);
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

/** The candidate's email and name as the resume gives them: the first email, and the first line that reads as a name. */
export function identify(text: string, fileName: string): { email: string | null; name: string } {
  const email = EMAIL.exec(text)?.[0]?.toLowerCase() ?? null;
  const nameLine = text
    .split("\n")
    .map((l) => l.trim())
    .find((l) => l && l.length <= 80 && !EMAIL.test(l) && /^[\p{L}][\p{L}' .-]+$/u.test(l) && l.split(/\s+/).length <= 5);
  return { email, name: nameLine ?? fileName.replace(/\.[^.]+$/, "") };
}
