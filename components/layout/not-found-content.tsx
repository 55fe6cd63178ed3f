import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { TCurrentUser } from "@/lib/auth/current-user";
import { homeFor, navFor } from "@/lib/auth/roles";

/** What a 404 says, with the way back: the role's home (where it lands after signing in), or sign-in. */
export async function NotFoundContent({ user }: { user: TCurrentUser | null }) {
  const t = await getTranslations();
  const home = user ? navFor(user.role).find((item) => item.href === homeFor(user.role)) : undefined;
  return (
    <div className="space-y-3" data-testid="not-found">
      <h1 className="text-2xl font-semibold">{t("notFound.title")}</h1>
      <p className="text-muted-foreground">{t("notFound.body")}</p>
      {user ? (
        <Link className="inline-block text-brand underline" href={home?.href ?? "/"}>
          {t("notFound.goTo", { place: home ? t(`nav.${home.labelKey}`) : t("app.title") })}
        </Link>
      ) : (
        <Link className="inline-block text-brand underline" href="/login">
          {t("notFound.signIn")}
        </Link>
      )}
    </div>
  );
}
