import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { errorText } from "@/lib/graphql-errors";

import { useAddCandidates } from "../api/add-candidates";

interface CandidateInput {
  name: string;
  email: string;
  resumeText: string;
}

/**
 * One candidate per line: `name, email, resume text` (the resume may contain commas: everything after the
 * second comma is the resume). Returns the parsed rows and the numbers of the lines that did not parse.
 */
export function parsePastedCandidates(text: string): { candidates: CandidateInput[]; badLines: number[] } {
  const candidates: CandidateInput[] = [];
  const badLines: number[] = [];
  text.split("\n").forEach((raw, index) => {
    const line = raw.trim();
    if (line === "") return;
    const [name, email, ...rest] = line.split(",").map((part) => part.trim());
    const resumeText = rest.join(", ").trim();
    if (!name || !email || !email.includes("@") || resumeText === "") badLines.push(index + 1);
    else candidates.push({ name, email, resumeText });
  });
  return { candidates, badLines };
}

export function AddCandidatesForm({ jobPostingId }: { jobPostingId: string }) {
  const [addCandidates, { loading }] = useAddCandidates();
  const [mode, setMode] = useState<"one" | "many">("one");
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setError(null);
    setNotice(null);

    let candidates: CandidateInput[];
    if (mode === "one") {
      candidates = [
        {
          name: String(form.get("name") ?? "").trim(),
          email: String(form.get("email") ?? "").trim(),
          resumeText: String(form.get("resumeText") ?? "").trim(),
        },
      ];
    } else {
      const parsed = parsePastedCandidates(String(form.get("pasted") ?? ""));
      if (parsed.badLines.length > 0) {
        setError(`Lines ${parsed.badLines.join(", ")} need "name, email, resume text".`);
        return;
      }
      if (parsed.candidates.length === 0) {
        setError("Paste at least one line.");
        return;
      }
      candidates = parsed.candidates;
    }

    try {
      const { data } = await addCandidates({ variables: { jobPostingId, candidates } });
      const count = data?.addCandidates.length ?? 0;
      setNotice(`Added ${count} candidate${count === 1 ? "" : "s"}.`);
      formElement.reset();
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="add-candidates-heading">
      <div className="card__head">
        <h2 id="add-candidates-heading" className="card__title">
          Add candidates
        </h2>
        <div className="segmented" role="group" aria-label="How to add candidates">
          <button type="button" className={`toggle${mode === "one" ? " toggle--on" : ""}`} aria-pressed={mode === "one"} onClick={() => setMode("one")}>
            One
          </button>
          <button type="button" className={`toggle${mode === "many" ? " toggle--on" : ""}`} aria-pressed={mode === "many"} onClick={() => setMode("many")}>
            Paste many
          </button>
        </div>
      </div>
      {mode === "one" ? (
        <>
          <div className="form__row">
            <TextField label="Name" name="name" required autoComplete="off" />
            <TextField label="Email" name="email" type="email" required autoComplete="off" />
          </div>
          <TextAreaField label="Resume text" name="resumeText" required rows={4} />
        </>
      ) : (
        <TextAreaField
          label="Candidates"
          name="pasted"
          rows={6}
          required
          hint="One per line: name, email, resume text"
          placeholder={"Ada Lovelace, ada@example.com, 10 years of TypeScript and PostgreSQL…"}
        />
      )}
      {error ? (
        <p className="form__error" role="alert">
          {error}
        </p>
      ) : null}
      {notice ? (
        <p className="form__notice" role="status">
          {notice}
        </p>
      ) : null}
      <div className="form__actions">
        <Button type="submit" busy={loading}>
          {mode === "one" ? "Add candidate" : "Add candidates"}
        </Button>
      </div>
    </form>
  );
}
