import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { TotpEnrolment } from "@/components/account/totp-enrolment";
import { PENDING_PATHS, requireSignedIn } from "@/lib/auth/guard";
import { prisma } from "@/lib/db/client";

export default async function TotpPage() {
  const user = await requireSignedIn();
  // The temporary password goes first: whoever holds it must not enrol their own phone.
  if (user.pending === "password") redirect(PENDING_PATHS.password);
  const [t, format, state] = await Promise.all([
    getTranslations("account.totp"),
    getFormatter(),
    prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true, totpRecoveryHashes: true } }),
  ]);
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {user.pending === "totp" && (
        <p role="status" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {t("required")}
        </p>
      )}
      <section className="rounded-lg border border-border bg-white p-4">
        <TotpEnrolment
          enabled={
            state.totpEnabledAt ? (
              <div className="space-y-2 text-sm">
                <p>{t("onSince", { time: format.dateTime(state.totpEnabledAt, "moment") })}</p>
                <p>{t("recoveryLeft", { count: state.totpRecoveryHashes.length })}</p>
                <p className="text-muted-foreground">{t("resetByAdmin")}</p>
              </div>
            ) : null
          }
        />
      </section>
    </div>
  );
}
