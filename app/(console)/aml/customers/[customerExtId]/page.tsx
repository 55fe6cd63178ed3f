import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AmlStateBadge, DecisionText, RiskBadge } from "@/components/aml/aml-badges";
import { AmlResults, SubmissionList } from "@/components/aml/aml-results";
import { CustomerTimeline } from "@/components/aml/customer-timeline";
import { RevealDocuments } from "@/components/aml/reveal-documents";
import { SectionValue } from "@/components/enrollment/section-view";
import { StatusBadge } from "@/components/enrollment/status-badge";
import { getAmlCustomer } from "@/lib/aml/get-aml-customer";
import { getTimeline } from "@/lib/aml/get-timeline";
import { requirePagePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";
import { SECTION_KEYS } from "@/lib/enrollment/validate";

type TProps = { params: Promise<{ customerExtId: string }> };

export default async function AmlCustomerPage({ params }: TProps) {
  const user = await requirePagePermission("aml:read");
  const customerExtId = decodeURIComponent((await params).customerExtId);
  const customer = await getAmlCustomer(prisma, customerExtId);
  if (!customer) notFound();
  const [timeline, t, tEnrollment, format] = await Promise.all([
    getTimeline(prisma, { enrollmentId: customer.enrollment?.id ?? null, customerExtId }),
    getTranslations("aml"),
    getTranslations("enrollment"),
    getFormatter(),
  ]);
  const enrollment = customer.enrollment;
  const base = `/aml/customers/${encodeURIComponent(customerExtId)}`;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <Link href="/aml" className="text-brand hover:underline">← {t("back")}</Link>
        <Link href={`${base}/print`} className="ml-auto text-brand hover:underline">{t("printable")}</Link>
      </div>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{enrollment?.fullName || t("unknownCustomer")}</h1>
        <div className="flex flex-wrap items-center gap-3 text-sm text-muted-foreground">
          <span>{t("customerNumber", { number: customerExtId })}</span>
          <AmlStateBadge state={customer.state} />
          <span className="flex items-center gap-1">{t("columns.risk")}: <RiskBadge level={customer.riskLevel} /></span>
          <span className="flex items-center gap-1">{t("columns.decision")}: <DecisionText decision={customer.decisionType} /></span>
          {customer.lastEventAt && <span>{t("lastEvent", { time: format.dateTime(customer.lastEventAt, "moment") })}</span>}
          <span>{t("eventCount", { count: customer.eventCount, unknown: customer.unknownEventCount })}</span>
        </div>
      </header>

      <section aria-labelledby="aml-results-title" className="rounded-lg border border-border bg-white p-4">
        <h2 id="aml-results-title" className="mb-3 text-lg font-semibold">{t("results.title")}</h2>
        <AmlResults results={customer.results} />
      </section>

      <section aria-labelledby="aml-submissions-title" className="rounded-lg border border-border bg-white p-4">
        <h2 id="aml-submissions-title" className="mb-3 text-lg font-semibold">{t("submissions.title")}</h2>
        <SubmissionList submissions={customer.submissions} />
      </section>

      {enrollment && (
        <section aria-labelledby="aml-enrollment-title" className="space-y-4 rounded-lg border border-border bg-white p-4">
          <div className="flex flex-wrap items-center gap-3">
            <h2 id="aml-enrollment-title" className="text-lg font-semibold">{t("enrollment")}</h2>
            <StatusBadge status={enrollment.status} />
            <span className="font-mono text-sm">{enrollment.wisenrollCode}</span>
            <Link href={`/enrollments/${enrollment.id}`} className="ml-auto text-sm text-brand hover:underline">{t("openEnrollment")}</Link>
          </div>
          <div className="rounded-md bg-zinc-50 p-3">
            <h3 className="mb-2 text-sm font-medium">{t("reveal.title")}</h3>
            {can(user.role, "pii:reveal") ? (
              <RevealDocuments enrollmentId={enrollment.id} count={enrollment.documentCount} />
            ) : (
              <p className="text-sm text-muted-foreground">{t("reveal.notAllowed")}</p>
            )}
          </div>
          {SECTION_KEYS.map((key) => (
            <details key={key} className="rounded-md border border-border p-3">
              <summary className="cursor-pointer font-medium">{tEnrollment(`section.${key}`)}</summary>
              <div className="mt-3">
                <SectionValue value={enrollment.payload[key]} section={key} fieldPath="" formPath={key} />
              </div>
            </details>
          ))}
        </section>
      )}

      <section aria-labelledby="aml-timeline-title" className="rounded-lg border border-border bg-white p-4">
        <h2 id="aml-timeline-title" className="mb-3 text-lg font-semibold">{t("timeline.title")}</h2>
        <CustomerTimeline entries={timeline} enrollmentPage={customer.enrollment ? `/enrollments/${customer.enrollment.id}` : undefined} />
      </section>
    </div>
  );
}
