import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CreateUserForm } from "@/components/admin/users/create-user-form";
import { requirePagePermission } from "@/lib/auth/guard";

export default async function NewUserPage() {
  await requirePagePermission("users:manage");
  const t = await getTranslations("admin.userForm");
  return (
    <div className="max-w-xl space-y-4">
      <Link href="/admin/users" className="text-sm text-brand hover:underline">
        ← {t("back")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <section className="rounded-lg border border-border bg-white p-4">
        <CreateUserForm />
      </section>
    </div>
  );
}
