import Link from "next/link";
import { EnrollmentAmlBlock } from "@/components/aml/enrollment-aml-block";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ChangeList } from "@/components/enrollment/change-list";
import { HistoryTimeline } from "@/components/enrollment/history-timeline";
import { codeListsFor } from "@/components/enrollment/section-form/code-list-options";
import { toFormLocale } from "@/components/enrollment/section-form/code-lists";
import { CodeListsProvider } from "@/components/enrollment/section-form/code-lists-context";
import { SectionForm } from "@/components/enrollment/section-form/section-form";
import { SectionValue } from "@/components/enrollment/section-view";
import { StatusBadge } from "@/components/enrollment/status-badge";
import { PipelineSection, PushSection } from "@/components/push/push-section";
import { Badge } from "@/components/ui/badge";
import { requirePagePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";
import { getEnrollment } from "@/lib/enrollment/get-enrollment";
import { changesSinceReceived, listRevisions } from "@/lib/enrollment/get-history";
import { countIssuesBySection, SECTION_KEYS, validateEnrollment } from "@/lib/enrollment/validate";
import { getPipeline } from "@/lib/push/get-pipeline";
import { listActiveProductCodes } from "@/lib/push/product-codes";
import { readSwitch } from "@/lib/settings/switches";

// As lib/enrollment/save-section.ts: never while a push runs or waits for reconciliation.
const EDITABLE_STATUSES = new Set(["received", "in_review", "ready", "failed", "pushed"]);

/** Today on the server's calendar, YYYY-MM-DD: the default open date of a product. */
const today = () => new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

export default async function EnrollmentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePagePermission("enrollment:read");
  const { id } = await params;
  const enrollment = await getEnrollment(prisma, id);
  if (!enrollment) notFound();
  const canPush = can(user.role, "enrollment:push");
  const [t, tAll, format, locale, revisions, pipeline, productCodes, fourEyes] = await Promise.all([
    getTranslations("enrollment"),
    getTranslations(),
    getFormatter(),
    getLocale(),
    listRevisions(prisma, id),
    getPipeline(prisma, id),
    canPush ? listActiveProductCodes(prisma) : [],
    readSwitch(prisma, "fourEyes"),
  ]);
  if (!pipeline) notFound();
  const readAt = Date.now();
  const payload = (enrollment.payload ?? {}) as Record<string, unknown>;
  const issues = validateEnrollment(payload);
  const bySection = countIssuesBySection(issues);
  const editable = can(user.role, "enrollment:edit") && EDITABLE_STATUSES.has(enrollment.status);
  const sinceReceived = changesSinceReceived(enrollment.receivedPayload, payload);
  const navKeys = [...(canPush ? ["push"] : []), "pipeline", ...SECTION_KEYS, "changes", "history"];
  const navLabel = (key: string) =>
    key === "push" ? tAll("push.title") : key === "pipeline" ? tAll("pipeline.title") : key === "changes" ? t("changesTitle") : key === "history" ? t("historyTitle") : t(`section.${key}`);

  return (
    <div className="grid gap-6 lg:grid-cols-[14rem_1fr]">
      <aside className="lg:sticky lg:top-4 lg:self-start">
        <Link href="/queue" className="text-sm text-brand hover:underline">
          ← {t("back")}
        </Link>
        <nav aria-label={t("sections")} className="mt-4">
          <ul className="space-y-1">
            {navKeys.map((key) => (
              <li key={key}>
                <a href={`#${key}`} className="flex items-center justify-between rounded-md px-2 py-1 text-sm hover:bg-muted">
                  {navLabel(key)}
                  {key in bySection && (
                    <Badge tone={bySection[key as keyof typeof bySection] > 0 ? "warning" : "success"}>
                      {bySection[key as keyof typeof bySection]}
                    </Badge>
                  )}
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
            <span data-testid="issue-count">{t("issues", { count: issues.length })}</span>
            <span>{t("received", { time: format.dateTime(enrollment.receivedAt, { dateStyle: "medium", timeStyle: "short" }) })}</span>
            <span>{t("version", { version: enrollment.version })}</span>
            {!editable && <span>{t("readOnly")}</span>}
          </div>
        </header>
        <section aria-labelledby="push-gate-title" className="rounded-md border border-border bg-white p-3 text-sm" data-testid="push-gate">
          <h2 id="push-gate-title" className="font-medium">
            {issues.length === 0 ? t("pushGateOpen") : t("pushGateBlocked", { count: issues.length })}
          </h2>
          {issues.length > 0 && (
            <ul className="mt-2 list-disc pl-5">
              {issues.map((issue) => (
                <li key={`${issue.path}:${issue.message}`}>
                  <a className="font-mono text-brand hover:underline" href={`#${issue.section}`}>{issue.path}</a>: {issue.message}
                </li>
              ))}
            </ul>
          )}
        </section>
        {canPush && (
          <PushSection
            pipeline={pipeline}
            requestedProducts={enrollment.requestedProducts}
            productCodes={productCodes}
            issueCount={issues.length}
            lastEditorMayNotPush={fourEyes.on && enrollment.lastEditedById === user.id}
            today={today()}
            changes={<ChangeList changes={sinceReceived} />}
          />
        )}
        <PipelineSection pipeline={pipeline} readAt={readAt} canReconcile={canPush} />
        <CodeListsProvider value={editable ? codeListsFor(toFormLocale(locale)) : { countries: [], currencies: [] }}>
          {SECTION_KEYS.map((key) => (
            <section key={key} id={key} aria-labelledby={`${key}-title`} className="scroll-mt-4 rounded-lg border border-border bg-white p-4">
              <h2 id={`${key}-title`} className="mb-3 text-lg font-semibold">
                {t(`section.${key}`)}
              </h2>
              {editable ? (
                <SectionForm
                  key={key}
                  enrollmentId={enrollment.id}
                  version={enrollment.version}
                  section={key}
                  initialValue={payload[key]}
                  issues={issues.filter((issue) => issue.section === key)}
                />
              ) : (
                <SectionValue value={payload[key]} section={key} fieldPath="" />
              )}
            </section>
          ))}
        </CodeListsProvider>
        <EnrollmentAmlBlock enrollmentId={enrollment.id} role={user.role} />
        <section id="changes" aria-labelledby="changes-title" className="scroll-mt-4 rounded-lg border border-border bg-white p-4">
          <h2 id="changes-title" className="mb-3 text-lg font-semibold">{t("changesTitle")}</h2>
          <ChangeList changes={sinceReceived} />
        </section>
        <section id="history" aria-labelledby="history-title" className="scroll-mt-4 rounded-lg border border-border bg-white p-4">
          <h2 id="history-title" className="mb-3 text-lg font-semibold">{t("historyTitle")}</h2>
          <HistoryTimeline revisions={revisions} receivedAt={enrollment.receivedAt} />
        </section>
      </div>
    </div>
  );
}
