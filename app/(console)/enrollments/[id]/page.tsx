import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { SectionValue } from "@/components/enrollment/section-view";
import { StatusBadge } from "@/components/enrollment/status-badge";
import { Badge } from "@/components/ui/badge";
import { requirePagePermission } from "@/lib/auth/guard";
import { prisma } from "@/lib/db/client";
import { getEnrollment } from "@/lib/enrollment/get-enrollment";
import { countIssuesBySection, SECTION_KEYS, validateEnrollment } from "@/lib/enrollment/validate";

export default async function EnrollmentPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("enrollment:read");
  const { id } = await params;
  const enrollment = await getEnrollment(prisma, id);
  if (!enrollment) notFound();
  const t = await getTranslations("enrollment");
  const format = await getFormatter();
  const payload = (enrollment.payload ?? {}) as Record<string, unknown>;
  const issues = validateEnrollment(payload);
  const bySection = countIssuesBySection(issues);

  return (
    <div className="grid gap-6 lg:grid-cols-[14rem_1fr]">
      <aside className="lg:sticky lg:top-4 lg:self-start">
        <Link href="/queue" className="text-sm text-brand hover:underline">
          ← {t("back")}
        </Link>
        <nav aria-label={t("sections")} className="mt-4">
          <ul className="space-y-1">
            {SECTION_KEYS.map((key) => (
              <li key={key}>
                <a href={`#${key}`} className="flex items-center justify-between rounded-md px-2 py-1 text-sm hover:bg-muted">
                  {t(`section.${key}`)}
                  <Badge tone={bySection[key] > 0 ? "warning" : "success"}>{bySection[key]}</Badge>
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <div className="space-y-6">
        <header className="space-y-1">
          <h1 className="text-2xl font-semibold">{enrollment.fullName || enrollment.wisenrollCode || enrollment.id}</h1>
          <div className="flex flex-wrap items-center gap-3 text-sm text-muted-foreground">
            <span className="font-mono">{enrollment.wisenrollCode}</span>
            <StatusBadge status={enrollment.status} />
            <span>{t("issues", { count: issues.length })}</span>
            <span>{t("received", { time: format.dateTime(enrollment.receivedAt, { dateStyle: "medium", timeStyle: "short" }) })}</span>
            <span>{t("readOnly")}</span>
          </div>
        </header>
        {issues.length > 0 && (
          <ul className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" aria-label={t("issues", { count: issues.length })}>
            {issues.map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>
                <span className="font-mono">{issue.path}</span>: {issue.message}
              </li>
            ))}
          </ul>
        )}
        {SECTION_KEYS.map((key) => (
          <section key={key} id={key} aria-labelledby={`${key}-title`} className="rounded-lg border border-border bg-white p-4">
            <h2 id={`${key}-title`} className="mb-3 text-lg font-semibold">
              {t(`section.${key}`)}
            </h2>
            <SectionValue value={payload[key]} section={key} fieldPath="" />
          </section>
        ))}
      </div>
    </div>
  );
}
