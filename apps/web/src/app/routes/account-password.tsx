import { ChangePasswordForm } from "@/features/auth/components/change-password-form";

export function AccountPasswordRoute() {
  return (
    <div className="page">
      <header className="page__head">
        <div>
          <h1 className="page__title">Your password</h1>
        </div>
      </header>
      <ChangePasswordForm />
    </div>
  );
}
