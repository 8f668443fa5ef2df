import path from "node:path";
import type { Readable } from "node:stream";
import { unzipSync } from "fflate";
import { UploadRejectedError } from "../../graphql/errors.js";
import { detectType, DOCX, PDF, type ResumeMediaType, TXT, ZIP } from "./file-types.js";
import { ResumeStore } from "./resume-store.js";

/** What graphql-upload resolves an `Upload` argument to. */
export type FileUpload = { filename: string; mimetype: string; encoding: string; createReadStream(): Readable };

export type IncomingFile = { name: string; bytes: Uint8Array; mediaType: Exclude<ResumeMediaType, typeof ZIP>; sha256: string };

export type IntakeLimits = {
  /** Files in the upload, ZIP entries counted one by one (the admin setting). */
  maxFiles: number;
  /** One file's size, a ZIP's and each of its entries' alike, in bytes (RESUME_MAX_FILE_BYTES). */
  maxFileBytes: number;
  /** All of a ZIP's entries together, uncompressed. Default: maxFiles × maxFileBytes, at most 512 MiB. */
  maxArchiveBytes?: number;
  /** Uncompressed size over compressed size of one entry; resumes compress about 2-10×, a bomb thousands. */
  maxCompressionRatio?: number;
};

/**
 * Turns an upload into the files to analyse, or refuses the whole upload: the count is checked before a single
 * byte is read, each file's type by its content, each ZIP against bombs and path tricks. Nothing is stored here:
 * a refused upload leaves no trace.
 */
export async function readUploads(uploads: Array<Promise<FileUpload> | FileUpload>, limits: IntakeLimits): Promise<IncomingFile[]> {
  if (uploads.length > limits.maxFiles) {
    throw new UploadRejectedError(`${uploads.length} files were sent; at most ${limits.maxFiles} may be uploaded at once`, "TOO_MANY_FILES", { limit: limits.maxFiles, sent: uploads.length });
  }
  const files: IncomingFile[] = [];
  for (const pending of uploads) {
    const upload = await pending;
    const name = safeName(upload.filename);
    const bytes = await readLimited(upload.createReadStream(), limits.maxFileBytes, name);
    const type = await detectType(bytes);
    if (type === ZIP) files.push(...(await expandZip(bytes, name, limits)));
    else if (type) files.push({ name, bytes, mediaType: type, sha256: ResumeStore.hash(bytes) });
    else throw new UploadRejectedError(`${name} is not a PDF, DOCX, plain-text or ZIP file (judged by its content)`, "UNSUPPORTED_TYPE", { file: name });
    if (files.length > limits.maxFiles) {
      throw new UploadRejectedError(`The upload holds more than ${limits.maxFiles} files (ZIP entries counted)`, "TOO_MANY_FILES", { limit: limits.maxFiles });
    }
  }
  return files;
}

async function readLimited(stream: Readable, maxBytes: number, name: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        stream.destroy();
        throw new UploadRejectedError(`${name} is larger than ${maxBytes} bytes`, "FILE_TOO_LARGE", { file: name, limit: maxBytes });
      }
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    if (err instanceof UploadRejectedError) throw err;
    // graphql-upload's own maxFileSize ends the stream with a 413 error.
    if ((err as { status?: number }).status === 413) throw new UploadRejectedError(`${name} is larger than ${maxBytes} bytes`, "FILE_TOO_LARGE", { file: name, limit: maxBytes });
    throw err;
  }
  return new Uint8Array(Buffer.concat(chunks));
}

async function expandZip(bytes: Uint8Array, zipName: string, limits: IntakeLimits): Promise<IncomingFile[]> {
  const maxArchive = limits.maxArchiveBytes ?? Math.min(512 * 1024 * 1024, limits.maxFiles * limits.maxFileBytes);
  const maxRatio = limits.maxCompressionRatio ?? 200;
  const unsafe = (why: string): never => {
    throw new UploadRejectedError(`${zipName} was refused: ${why}`, "UNSAFE_ARCHIVE", { file: zipName });
  };
  let declaredTotal = 0;
  let entries = 0;
  let contents: Record<string, Uint8Array>;
  try {
    // The filter sees each entry's declared sizes before anything is inflated; fflate inflates an entry into a
    // buffer of its declared size, so a lying header cannot make it write more.
    contents = unzipSync(bytes, {
      filter: (entry) => {
        if (entry.name.endsWith("/")) return false;
        if (isJunk(entry.name)) return false;
        if (unsafePath(entry.name)) unsafe(`entry "${entry.name}" has an unsafe path`);
        if (++entries > limits.maxFiles) {
          throw new UploadRejectedError(`${zipName} holds more than ${limits.maxFiles} files; at most ${limits.maxFiles} may be uploaded at once`, "TOO_MANY_FILES", { limit: limits.maxFiles, file: zipName });
        }
        if (entry.originalSize > limits.maxFileBytes) unsafe(`entry "${entry.name}" is larger than ${limits.maxFileBytes} bytes`);
        declaredTotal += entry.originalSize;
        if (declaredTotal > maxArchive) unsafe(`its contents add up to more than ${maxArchive} bytes`);
        if (entry.originalSize > 1024 * 1024 && entry.originalSize / Math.max(1, entry.size) > maxRatio) unsafe(`entry "${entry.name}" is compressed more than ${maxRatio}:1`);
        return true;
      },
    });
  } catch (err) {
    if (err instanceof UploadRejectedError) throw err;
    throw new UploadRejectedError(`${zipName} is not a readable ZIP archive`, "UNSUPPORTED_TYPE", { file: zipName });
  }
  const files: IncomingFile[] = [];
  for (const [entryName, data] of Object.entries(contents)) {
    const name = safeName(entryName);
    const type = await detectType(data);
    if (type === ZIP) unsafe(`entry "${entryName}" is itself an archive`);
    if (type !== PDF && type !== DOCX && type !== TXT) {
      throw new UploadRejectedError(`${zipName}: ${entryName} is not a PDF, DOCX or plain-text file (judged by its content)`, "UNSUPPORTED_TYPE", { file: `${zipName}/${entryName}` });
    }
    files.push({ name, bytes: data, mediaType: type, sha256: ResumeStore.hash(data) });
  }
  return files;
}

/** macOS resource forks and hidden files that archivers add. */
function isJunk(name: string): boolean {
  return name.startsWith("__MACOSX/") || path.posix.basename(name).startsWith(".");
}

/** Absolute paths, `..` segments, backslashes and drive letters: the classic zip-slip tricks. */
export function unsafePath(name: string): boolean {
  return name.includes("\0") || name.includes("\\") || name.startsWith("/") || /^[a-zA-Z]:/.test(name) || name.split("/").some((s) => s === "..");
}

/** A display name only (never a path on disk): the last segment, printable, at most 200 characters. */
function safeName(name: string): string {
  const base = (name || "resume").split(/[\\/]/).pop() || "resume";
  return base.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 200) || "resume";
}
