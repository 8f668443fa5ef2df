import { useState } from "react";
import { useNavigate } from "react-router";

import { Button } from "@/components/ui/button";
import { errorText } from "@/lib/graphql-errors";

import { useCreateDemoData } from "../api/create-demo-data";

export function LoadDemoDataButton({ variant = "primary" }: { variant?: "primary" | "secondary" }) {
  const [createDemoData, { loading }] = useCreateDemoData();
  const [error, setError] = useState<string | null>(null);
  const navigate = useNavigate();

  async function load() {
    setError(null);
    try {
      const { data } = await createDemoData();
      if (data) navigate(`/job-postings/${data.createDemoData.id}`);
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <div className="actions">
      <Button variant={variant} onClick={load} busy={loading}>
        {loading ? "Loading demo data…" : "Load demo data"}
      </Button>
      {error ? (
        <span className="actions__error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
