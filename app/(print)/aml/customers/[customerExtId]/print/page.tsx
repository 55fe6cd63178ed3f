import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AmlStateBadge, DecisionText, RiskBadge } from "@/components/aml/aml-badges";
import { AmlResults, SubmissionList } from "@/components/aml/aml-results";
import { CustomerTimeline } from "@/components/aml/customer-timeline";
import { PrintButton } from "@/components/aml/print-button";
import { getAmlCustomer } from "@/lib/aml/get-aml-customer";
import { getTimeline } from "@/lib/aml/get-timeline";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePagePermission } from "@/lib/auth/guard";
import { prisma } from "@/lib/db/client";

type TProps = { params: Promise<{ customerExtId: string }> };

/** One customer's AML results and full timeline on paper; document numbers stay masked. */
export default async function AmlTimelinePrintPage({ params }: TProps) {
  const user = await requirePagePermission("aml:read");
  const customerExtId = decodeURIComponent((await params).customerExtId);
  const customer = await getAmlCustomer(prisma, customerExtId);
  if (!customer) notFound();
  const [timeline, t, format] = await Promise.all([
    getTimeline(prisma, { enrollmentId: customer.enrollment?.id ?? null, customerExtId }),
    getTranslations("aml"),
    getFormatter(),
  ]);
  await recordAudit(prisma, {
    actor: { id: user.id, label: user.username },
    action: "aml.timeline_printed",
    targetType: "enrollment",
    targetId: customer.enrollment?.id ?? undefined,
    details: { customerExtId, entries: timeline.length },
  });
  const now = new Date();
  return (
    <article className="space-y-6 text-zinc-900">
      <div className="flex items-center gap-3 print:hidden">
        <Link href={`/aml/customers/${encodeURIComponent(customerExtId)}`} className="text-sm text-brand hover:underline">← {t("print.back")}</Link>
        <span className="ml-auto"><PrintButton /></span>
      </div>
      <header className="space-y-1 border-b border-border pb-3">
        <h1 className="text-xl font-semibold">{t("print.title", { name: customer.enrollment?.fullName || t("unknownCustomer") })}</h1>
        <p className="text-sm">{t("customerNumber", { number: customerExtId })}{customer.enrollment?.wisenrollCode ? ` · ${customer.enrollment.wisenrollCode}` : ""}</p>
        <p className="text-xs text-muted-foreground">{t("print.printedBy", { who: user.displayName, time: format.dateTime(now, "precise") })}</p>
        <p className="flex flex-wrap items-center gap-3 text-sm">
          <AmlStateBadge state={customer.state} />
          <span className="flex items-center gap-1">{t("columns.risk")}: <RiskBadge level={customer.riskLevel} /></span>
          <span className="flex items-center gap-1">{t("columns.decision")}: <DecisionText decision={customer.decisionType} ground={customer.decisionGroundCode} /></span>
        </p>
      </header>
      <section>
        <h2 className="mb-2 font-semibold">{t("results.title")}</h2>
        <AmlResults results={customer.results} />
      </section>
      <section>
        <h2 className="mb-2 font-semibold">{t("submissions.title")}</h2>
        <SubmissionList submissions={customer.submissions} />
      </section>
      <section>
        <h2 className="mb-2 font-semibold">{t("timeline.title")}</h2>
        <CustomerTimeline entries={timeline} enrollmentPage={customer.enrollment ? `/enrollments/${customer.enrollment.id}` : undefined} expanded />
      </section>
      <p className="text-xs text-muted-foreground">{t("print.masked")}</p>
    </article>
  );
}
