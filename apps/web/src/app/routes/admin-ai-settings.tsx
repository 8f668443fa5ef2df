import { AiSettingsForm } from "@/features/resume-analysis/components/ai-settings-form";

export function AdminAiSettingsRoute() {
  return (
    <div className="page">
      <header className="page__head">
        <h1 className="page__title">Settings</h1>
      </header>
      <AiSettingsForm />
    </div>
  );
}
