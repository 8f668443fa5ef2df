import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";

import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { splitList } from "@/lib/format";
import { errorText } from "@/lib/graphql-errors";

import { useCreateJobPosting } from "../api/create-job-posting";

export function CreateJobPostingForm({ onCancel }: { onCancel?: () => void }) {
  const [createJobPosting, { loading }] = useCreateJobPosting();
  const [error, setError] = useState<string | null>(null);
  const navigate = useNavigate();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    try {
      const { data } = await createJobPosting({
        variables: {
          input: {
            title: String(form.get("title") ?? "").trim(),
            description: String(form.get("description") ?? "").trim(),
            requiredSkills: splitList(String(form.get("requiredSkills") ?? "")),
            niceToHaveSkills: splitList(String(form.get("niceToHaveSkills") ?? "")),
          },
        },
      });
      if (data) navigate(`/job-postings/${data.createJobPosting.id}`);
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="create-posting-heading">
      <h2 id="create-posting-heading" className="card__title">
        New job posting
      </h2>
      <TextField label="Title" name="title" required placeholder="Senior Backend Engineer" autoComplete="off" />
      <TextAreaField label="Description" name="description" required rows={4} placeholder="What the role is about…" />
      <div className="form__row">
        <TextField label="Required skills" name="requiredSkills" required hint="Comma-separated" placeholder="TypeScript, PostgreSQL" />
        <TextField label="Nice-to-have skills" name="niceToHaveSkills" hint="Comma-separated" placeholder="GraphQL, Kubernetes" />
      </div>
      {error ? (
        <p className="form__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form__actions">
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        <Button type="submit" variant="primary" busy={loading}>
          Create posting
        </Button>
      </div>
    </form>
  );
}
