import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { SignOutButton } from "@/components/layout/sign-out-button";
import type { TCurrentUser } from "@/lib/auth/current-user";
import { navFor } from "@/lib/auth/roles";

/** The console's header: the role's navigation, the user, language and sign-out (the console's pages and its 404). */
export async function ConsoleHeader({ user }: { user: TCurrentUser }) {
  const t = await getTranslations();
  return (
    <header className="border-b border-border bg-white">
      <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-2">
        <Link href="/" className="font-semibold" translate="no">
          {t("app.title")}
        </Link>
        <nav aria-label={t("nav.main")} className="flex gap-1">
          {/* Until a pending step is done there is nowhere else to go. */}
          {(user.pending ? [] : navFor(user.role, user)).map((item) => (
            <Link key={item.href} href={item.href} className="rounded-md px-3 py-1.5 text-sm hover:bg-muted" data-nav={item.labelKey}>
              {t(`nav.${item.labelKey}`)}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span data-testid="current-user">
            <span translate="no">{user.displayName}</span> · <span className="text-muted-foreground">{t(`app.role.${user.role}`)}</span>
          </span>
          <Link href="/account/password" className="text-muted-foreground hover:underline">
            {t("nav.password")}
          </Link>
          <Link href="/account/totp" className="text-muted-foreground hover:underline">
            {t("nav.totp")}
          </Link>
          <LocaleSwitch />
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
