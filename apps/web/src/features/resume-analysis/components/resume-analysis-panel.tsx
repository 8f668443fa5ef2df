import { useRef, useState } from "react";
import { Link } from "react-router";

import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { ProgressBar } from "@/components/ui/progress-bar";
import { StatusBadge } from "@/components/ui/status-badge";
import { isTerminal } from "@/components/ui/task-status";
import { useLiveTask } from "@/features/tasks/hooks/use-live-task";

import { useAiSettings } from "../api/ai-settings";
import { type AnalysisModeValue, type UploadError, uploadResumes } from "../api/upload-resumes";
import { AnalysisTable } from "./analysis-table";

const ACCEPT = ".pdf,.docx,.txt,.zip,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,application/zip";

/**
 * Upload resumes (drag and drop or pick), choose QUICK or DEEP, and watch the analysis fill in: per-file upload
 * progress from XHR upload events, then the task's live bar from `taskUpdated` and the rows as items finish.
 */
export function ResumeAnalysisPanel({ jobPostingId }: { jobPostingId: string }) {
  const settings = useAiSettings().data?.aiSettings;
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<number[]>([]);
  const [mode, setMode] = useState<AnalysisModeValue>("QUICK");
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<UploadError | null>(null);
  const [taskId, setTaskId] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const max = settings?.maxFilesPerUpload ?? 200;
  const deepUnavailable = settings ? !settings.llmConfigured : false;

  function add(list: FileList | null) {
    if (!list) return;
    setFiles((current) => [...current, ...Array.from(list)]);
    setProgress([]);
    setError(null);
  }

  async function start() {
    setUploading(true);
    setError(null);
    setProgress(files.map(() => 0));
    try {
      const { taskId: id } = await uploadResumes({ jobPostingId, mode, files }, setProgress);
      setTaskId(id);
      setFiles([]);
      setProgress([]);
    } catch (e) {
      setError(e as UploadError);
    } finally {
      setUploading(false);
    }
  }

  return (
    <section className="card" aria-labelledby="analysis-heading">
      <div className="section__head">
        <h2 id="analysis-heading">Resume analysis</h2>
        {settings ? (
          <span className="muted small">
            {settings.llmConfigured ? `Model ${settings.defaultModel}` : "Built-in scorer (no LLM configured)"} · up to {settings.inlineThreshold} start at once, larger
            batches are queued and emailed
          </span>
        ) : null}
      </div>
      <div
        className={`dropzone${dragging ? " dropzone--active" : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          add(e.dataTransfer.files);
        }}
      >
        <p>Drop PDF, DOCX, TXT or ZIP files here (at most {max} resumes per upload), or</p>
        <Button onClick={() => input.current?.click()} disabled={uploading}>
          Choose files
        </Button>
        <input ref={input} type="file" multiple accept={ACCEPT} hidden aria-label="Resume files" onChange={(e) => add(e.target.files)} />
      </div>
      {files.length > 0 ? (
        <ul className="file-list" aria-label="Files to upload">
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`}>
              <span className="strong">{f.name}</span> <span className="muted small">{Math.ceil(f.size / 1024)} KB</span>
              {uploading ? <ProgressBar label={`Upload of ${f.name}`} current={Math.round((progress[i] ?? 0) * 100)} total={100} size="sm" /> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <fieldset className="mode-choice" disabled={uploading}>
        <legend className="label">Mode</legend>
        <label>
          <input type="radio" name="mode" value="QUICK" checked={mode === "QUICK"} onChange={() => setMode("QUICK")} /> Quick: profile, fit, strengths and concerns
        </label>
        <label>
          <input type="radio" name="mode" value="DEEP" checked={mode === "DEEP"} disabled={deepUnavailable} onChange={() => setMode("DEEP")} /> Deep: adds an assessment
          and interview questions{deepUnavailable ? " (needs an LLM)" : ""}
        </label>
      </fieldset>
      <div className="actions">
        <Button variant="primary" onClick={start} busy={uploading} disabled={files.length === 0}>
          Analyze {files.length || ""} resume{files.length === 1 ? "" : "s"}
        </Button>
        {files.length > 0 && !uploading ? (
          <Button variant="ghost" onClick={() => setFiles([])}>
            Clear
          </Button>
        ) : null}
      </div>
      {error ? (
        <Callout tone="danger">
          {error.message}
          {error.code === "INSUFFICIENT_CREDITS" ? (
            <>
              {" "}
              <Link to="/credits">Your credits</Link>
            </>
          ) : null}
        </Callout>
      ) : null}
      {taskId ? <LiveAnalysis key={taskId} jobPostingId={jobPostingId} taskId={taskId} /> : null}
    </section>
  );
}

/** The task's bar and its rows; rows are re-read when the server reports another item done, never on a timer. */
function LiveAnalysis({ jobPostingId, taskId }: { jobPostingId: string; taskId: string }) {
  const { task } = useLiveTask(taskId);
  const itemsDone = task ? task.successCount + task.failureCount : 0;
  return (
    <div className="live-analysis">
      <div className="section__head">
        <Link to={`/tasks/${taskId}`}>Analysis task</Link>
        {task ? <StatusBadge status={task.status} /> : null}
      </div>
      {task ? (
        <ProgressBar label="Analysis progress" current={task.progress.current} total={task.progress.total ?? null} percent={task.progress.percent} active={!isTerminal(task.status)} />
      ) : (
        <p className="muted small">Connecting…</p>
      )}
      {task?.progress.message ? <p className="muted small">{task.progress.message}</p> : null}
      {task?.error ? <Callout tone="danger">{task.error}</Callout> : null}
      <AnalysisTable jobPostingId={jobPostingId} taskId={taskId} refreshKey={itemsDone} errors={task?.errors ?? []} />
    </div>
  );
}
