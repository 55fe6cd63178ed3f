import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { requireSignedIn } from "@/lib/auth/guard";

export default async function ChangePasswordPage() {
  const user = await requireSignedIn();
  const t = await getTranslations("account.password");
  return (
    <div className="max-w-md space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {user.pending === "password" && (
        <p role="status" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {t("mustChange")}
        </p>
      )}
      <section className="rounded-lg border border-border bg-white p-4">
        <ChangePasswordForm />
      </section>
    </div>
  );
}
