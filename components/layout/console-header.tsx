import { cookies } from "next/headers";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { UserMenu } from "@/components/layout/user-menu";
import { Collapsible } from "@/components/ui/collapsible";
import type { TCurrentUser } from "@/lib/auth/current-user";
import { navFor } from "@/lib/auth/roles";
import { THEME_COOKIE, themeFrom } from "@/lib/theme/theme";

/**
 * The console's header: the role's navigation, the user's menu, language and sign-out (the
 * console's pages and its 404). Below `lg` all but the title fold behind a Menu button.
 */
export async function ConsoleHeader({ user }: { user: TCurrentUser }) {
  const [t, cookieStore] = await Promise.all([getTranslations(), cookies()]);
  return (
    <header className="border-b border-border bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
        <Link href="/" className="mr-auto font-semibold lg:mr-0" translate="no">
          {t("app.title")}
        </Link>
        {/* never folded: the count shows at every width; last on wide screens */}
        <div className="lg:order-last"><NotificationBell user={user} /></div>
        <Collapsible
          label={t("app.menu")}
          foldBelow="lg"
          className="flex w-full flex-col gap-3 pb-2 lg:w-auto lg:flex-1 lg:flex-row lg:items-center lg:gap-6 lg:pb-0"
        >
          <nav aria-label={t("nav.main")} className="flex flex-col gap-1 lg:flex-row">
            {/* Until a pending step is done there is nowhere else to go. */}
            {(user.pending ? [] : navFor(user.role, user)).map((item) => (
              <Link key={item.href} href={item.href} className="rounded-md px-3 py-1.5 text-sm hover:bg-muted" data-nav={item.labelKey}>
                {t(`nav.${item.labelKey}`)}
              </Link>
            ))}
          </nav>
          <div className="flex flex-wrap items-center gap-3 text-sm lg:ml-auto">
            <UserMenu
              name={user.displayName}
              role={t(`app.role.${user.role}`)}
              links={[
                { href: "/account/password", label: t("nav.password") },
                { href: "/account/totp", label: t("nav.totp") },
              ]}
              theme={themeFrom(cookieStore.get(THEME_COOKIE)?.value)}
            />
            <LocaleSwitch />
            <SignOutButton />
          </div>
        </Collapsible>
      </div>
    </header>
  );
}
