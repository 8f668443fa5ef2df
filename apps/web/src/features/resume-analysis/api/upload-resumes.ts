import { print } from "graphql";
import { graphql } from "@taskline/schema/graphql";

import { env } from "@/config/env";

export const AnalyzeResumesMutation = graphql(`
  mutation AnalyzeResumes($jobPostingId: ID!, $mode: AnalysisMode!, $files: [Upload!], $candidateIds: [ID!]) {
    analyzeResumes(jobPostingId: $jobPostingId, mode: $mode, files: $files, candidateIds: $candidateIds) {
      id
      type
      status
      version
    }
  }
`);

export type AnalysisModeValue = "QUICK" | "DEEP";

export type UploadError = { message: string; code?: string; reason?: string };

/**
 * Sends the files as one GraphQL multipart request over XMLHttpRequest, because only XHR reports upload progress.
 * The parts go out in order, so the bytes sent so far tell how far along each file is: `onProgress` gets one
 * fraction per file. `Apollo-Require-Preflight` satisfies the server's CSRF prevention.
 */
export function uploadResumes(
  args: { jobPostingId: string; mode: AnalysisModeValue; files: File[] },
  onProgress: (perFile: number[]) => void,
): Promise<{ taskId: string }> {
  const form = new FormData();
  form.append(
    "operations",
    JSON.stringify({ query: print(AnalyzeResumesMutation), variables: { jobPostingId: args.jobPostingId, mode: args.mode, files: args.files.map(() => null) } }),
  );
  form.append("map", JSON.stringify(Object.fromEntries(args.files.map((_, i) => [String(i), [`variables.files.${i}`]]))));
  args.files.forEach((f, i) => form.append(String(i), f, f.name));

  const sizes = args.files.map((f) => f.size);
  const totalFiles = sizes.reduce((a, b) => a + b, 0);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", env.graphqlHttpUrl);
    xhr.withCredentials = true;
    xhr.setRequestHeader("Apollo-Require-Preflight", "true");
    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable) return;
      // The multipart framing and the operations part come first; attribute the overhead up front.
      let sent = e.loaded - Math.max(0, e.total - totalFiles);
      onProgress(
        sizes.map((size) => {
          const part = Math.max(0, Math.min(size, sent));
          sent -= size;
          return size === 0 ? (e.loaded >= e.total ? 1 : 0) : part / size;
        }),
      );
    };
    xhr.onerror = () => reject({ message: "The upload failed: the network connection was lost" } satisfies UploadError);
    xhr.onload = () => {
      let body: { data?: { analyzeResumes?: { id: string } | null }; errors?: Array<{ message: string; extensions?: { code?: string; reason?: string } }> };
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        return reject({ message: `The server answered ${xhr.status}` } satisfies UploadError);
      }
      const error = body.errors?.[0];
      if (error) return reject({ message: error.message, code: error.extensions?.code, reason: error.extensions?.reason } satisfies UploadError);
      if (!body.data?.analyzeResumes) return reject({ message: "The server returned no task" } satisfies UploadError);
      onProgress(sizes.map(() => 1));
      resolve({ taskId: body.data.analyzeResumes.id });
    };
    xhr.send(form);
  });
}
