import { useEffect, useState } from "react";

import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { TextAreaField, TextField } from "@/components/ui/field";
import { errorText } from "@/lib/graphql-errors";

import { useAiSettings, useUpdateAiSettings } from "../api/ai-settings";

/** Admins: the analysis and AI ranking settings. The server validates and audits every change. */
export function AiSettingsForm() {
  const { data, error } = useAiSettings();
  const [update, { loading }] = useUpdateAiSettings();
  const [form, setForm] = useState({ inlineThreshold: "", maxFilesPerUpload: "", defaultModel: "", taskConcurrency: "", rerankTopN: "", prices: "" });
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const s = data?.aiSettings;
  useEffect(() => {
    if (!s) return;
    setForm({
      inlineThreshold: String(s.inlineThreshold),
      maxFilesPerUpload: String(s.maxFilesPerUpload),
      defaultModel: s.defaultModel,
      taskConcurrency: String(s.taskConcurrency),
      rerankTopN: String(s.rerankTopN),
      prices: s.prices.map((p) => `${p.model} ${p.inputPerMillion} ${p.outputPerMillion}`).join("\n"),
    });
  }, [s]);
  if (error && !data) return <Callout tone="danger">{errorText(error)}</Callout>;
  if (!s) return <p className="muted">Loading settings…</p>;

  async function save() {
    setMessage(null);
    try {
      const prices = form.prices
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean)
        .map((l) => {
          const [model, input, output] = l.split(/\s+/);
          return { model: model ?? "", inputPerMillion: Number(input), outputPerMillion: Number(output) };
        });
      await update({
        variables: {
          input: {
            inlineThreshold: Number(form.inlineThreshold),
            maxFilesPerUpload: Number(form.maxFilesPerUpload),
            defaultModel: form.defaultModel,
            taskConcurrency: Number(form.taskConcurrency),
            rerankTopN: Number(form.rerankTopN),
            prices,
          },
        },
      });
      setMessage({ tone: "success", text: "Saved" });
    } catch (e) {
      setMessage({ tone: "danger", text: errorText(e) });
    }
  }

  const field = (key: keyof typeof form, label: string, hint?: string) => (
    <TextField label={label} hint={hint} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
  );
  return (
    <section className="card" aria-labelledby="ai-settings-heading">
      <h2 id="ai-settings-heading">Resume analysis and AI ranking</h2>
      <p className="muted small">{s.llmConfigured ? "An LLM is configured (OPENAI_API_KEY)." : "No LLM configured: QUICK analyses and ranking use the built-in scorer; DEEP is unavailable."}</p>
      {field("inlineThreshold", "Inline threshold", "Analyses of at most this many resumes start at once; larger ones are queued and emailed.")}
      {field("maxFilesPerUpload", "Maximum resumes per upload", "1 to 1,000; ZIP entries count one by one.")}
      {field("defaultModel", "Model")}
      {field("taskConcurrency", "LLM requests per task at once")}
      {field("rerankTopN", "Candidates the model re-ranks")}
      <TextAreaField label="Prices (USD per million tokens)" hint="One model per line: name, prompt price, completion price." rows={4} value={form.prices} onChange={(e) => setForm({ ...form, prices: e.target.value })} />
      <div className="actions">
        <Button variant="primary" onClick={save} busy={loading}>
          Save settings
        </Button>
        {message ? <span role="status" className={message.tone === "danger" ? "actions__error" : "muted small"}>{message.text}</span> : null}
      </div>
    </section>
  );
}
