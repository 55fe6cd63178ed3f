import Link from "next/link";
import { EnrollmentAmlBlock } from "@/components/aml/enrollment-aml-block";
import { RevealDocuments } from "@/components/aml/reveal-documents";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ChangeList } from "@/components/enrollment/change-list";
import { FieldName } from "@/components/enrollment/field-name";
import { ClientMessages } from "@/components/layout/client-messages";
import { IdentityBlock } from "@/components/enrollment/identity-block";
import { HistoryTimeline } from "@/components/enrollment/history-timeline";
import { NoteForm } from "@/components/enrollment/note-form";
import { PresenceLine } from "@/components/enrollment/presence-line";
import { OwnerControls } from "@/components/desk/owner-controls";
import { codeListsFor } from "@/components/enrollment/section-form/code-list-options";
import { toFormLocale } from "@/components/enrollment/section-form/code-lists";
import { CodeListsProvider } from "@/components/enrollment/section-form/code-lists-context";
import { translateIssue } from "@/components/enrollment/section-form/issue-messages";
import { SectionForm } from "@/components/enrollment/section-form/section-form";
import { SectionValue } from "@/components/enrollment/section-view";
import { StatusBadge } from "@/components/enrollment/status-badge";
import { LeaveGuard, UnsavedMark } from "@/components/enrollment/unsaved-guard";
import { PipelineSection, PushSection } from "@/components/push/push-section";
import { Badge } from "@/components/ui/badge";
import { Collapsible } from "@/components/ui/collapsible";
import { clientIp } from "@/lib/actions/client-ip";
import { identityValues, knownNumbers, maskChange, maskDocumentNumbers } from "@/lib/aml/mask";
import { requireEnrollmentPage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";
import { listDeskOfficers } from "@/lib/desk/ownership";
import { recordNumbersShown } from "@/lib/enrollment/record-numbers-shown";
import { readEnrollmentView } from "@/lib/enrollment/enrollment-view";
import { changesSinceReceived } from "@/lib/enrollment/get-history";
import { identityBlock } from "@/lib/enrollment/identity-match";
import { EDITABLE } from "@/lib/enrollment/status";
import { countIssuesBySection, SECTION_KEYS, validateEnrollment } from "@/lib/enrollment/validate";
import { maskPipeline, pipelineNumbers } from "@/lib/push/mask-pipeline";
import { listActiveProductCodes } from "@/lib/push/product-codes";
import { readSwitch } from "@/lib/settings/switches";


/** Today on the server's calendar, YYYY-MM-DD: the default open date of a product. */
const today = () => new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

export default async function EnrollmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, scope } = await requireEnrollmentPage("enrollment:read", id);
  const read = await readEnrollmentView(id, scope);
  if (!read) notFound();
  const { enrollment, pipeline, revisions, saves, notes, pushes, identity } = read;
  const identityCustomer = identity.match?.customer ?? null;
  const identityStop = identity.match ? identityBlock(identity.match) : null;
  const canPush = can(user.role, "enrollment:push");
  const desk = can(user.role, "enrollment:own") ? { userId: user.id, lead: user.deskLead } : null;
  const [t, tAll, tForm, format, locale, productCodes, fourEyes, officers] = await Promise.all([
    getTranslations("enrollment"),
    getTranslations(),
    getTranslations("sectionForm"),
    getFormatter(),
    getLocale(),
    canPush ? listActiveProductCodes(prisma) : [],
    readSwitch(prisma, "fourEyes"),
    // a lead's choices: the officers of this enrollment's branch
    desk?.lead && enrollment.branchCode ? listDeskOfficers(prisma, { kind: "branches", branches: [enrollment.branchCode] }) : [],
  ]);
  const readAt = Date.now();
  const payload = (enrollment.payload ?? {}) as Record<string, unknown>;
  const issues = validateEnrollment(payload);
  const bySection = countIssuesBySection(issues);
  const editable = can(user.role, "enrollment:edit") && EDITABLE.has(enrollment.status);
  // Read-only roles see every document number masked (the reveal below shows them, audited); an
  // officer's view shows them in full, so opening it is audited.
  const masked = !can(user.role, "enrollment:edit");
  if (!masked) await recordNumbersShown(prisma, { user, enrollmentId: enrollment.id, editable, ip: await clientIp() });
  const sinceReceived = changesSinceReceived(enrollment.receivedPayload, payload).map((change) => (masked ? maskChange(change) : change));
  const shownPayload = masked ? (maskDocumentNumbers(payload) as Record<string, unknown>) : payload;
  const shownRevisions = masked ? revisions.map((revision) => ({ ...revision, changes: revision.changes.map(maskChange) })) : revisions;
  // The core may echo any number the customer is known to have, not only those it was sent.
  const knownNumbersOf = () => knownNumbers([...identityValues(payload), ...identityValues(enrollment.receivedPayload), ...pipelineNumbers(pipeline)]);
  const shownPipeline = masked ? maskPipeline(pipeline, knownNumbersOf()) : pipeline;
  const documentCount = Array.isArray(payload.client_documents) ? payload.client_documents.length : 0;
  const navKeys = ["identity", ...(canPush ? ["push"] : []), "pipeline", ...SECTION_KEYS, "changes", "history"];
  const navLabel = (key: string) =>
    key === "identity" ? tAll("identity.title") : key === "push" ? tAll("push.title") : key === "pipeline" ? tAll("pipeline.title") : key === "changes" ? t("changesTitle") : key === "history" ? t("historyTitle") : t(`section.${key}`);

  return (
    <div className="grid gap-6 lg:grid-cols-[14rem_1fr]">
      {can(user.role, "enrollment:edit") && <LeaveGuard enrollmentId={enrollment.id} />}
      <aside className="lg:sticky lg:top-4 lg:self-start">
        <Link href="/queue" className="text-sm text-brand hover:underline">
          ← {t("back")}
        </Link>
        {/* Above the enrollment on narrower screens, folded: the sections are one tap away, not a screenful. */}
        <div className="mt-4">
          <Collapsible label={t("sections")} foldBelow="lg" buttonClassName="w-full justify-between">
            <nav aria-label={t("sections")} className="mt-2 lg:mt-0">
              <ul className="space-y-1">
                {navKeys.map((key) => (
                  <li key={key}>
                    <a href={`#${key}`} className="flex items-center justify-between rounded-md px-2 py-1 text-sm hover:bg-muted">
                      {navLabel(key)}
                      {editable && (SECTION_KEYS as readonly string[]).includes(key) && <UnsavedMark enrollmentId={enrollment.id} section={key as (typeof SECTION_KEYS)[number]} />}
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
          </Collapsible>
        </div>
      </aside>
      <div className="space-y-6">
        <header className="space-y-1">
          <h1 className="text-2xl font-semibold">{enrollment.fullName || enrollment.wisenrollCode || enrollment.id}</h1>
          <div className="flex flex-wrap items-center gap-3 text-sm text-muted-foreground">
            <span className="font-mono">{enrollment.wisenrollCode}</span>
            <StatusBadge status={enrollment.status} />
            {identityCustomer?.own && <span data-testid="header-customer-number">{tAll("identity.customerOwn", { number: identityCustomer.number })}</span>}
            <span data-testid="issue-count">{t("issues", { count: issues.length })}</span>
            <span>{t("received", { time: format.dateTime(enrollment.receivedAt, "moment") })}</span>
            <span>{t("version", { version: enrollment.version })}</span>
            {!editable && <span>{t("readOnly")}</span>}
          </div>
        </header>
        <OwnerControls enrollmentId={enrollment.id} owner={enrollment.owner} desk={desk} officers={officers} />
        <PresenceLine enrollmentId={enrollment.id} />
        <section aria-labelledby="push-gate-title" className="rounded-md border border-border bg-white p-3 text-sm" data-testid="push-gate">
          <h2 id="push-gate-title" className="font-medium">
            {issues.length > 0
              ? t("pushGateBlocked", { count: issues.length })
              : !canPush || identityStop
                ? t("pushGateValid")
                : identityCustomer
                  ? t("pushGateUpdate", { number: identityCustomer.number })
                  : t("pushGateOpen")}
          </h2>
          {issues.length > 0 && (
            <ul className="mt-2 list-disc pl-5">
              {issues.map((issue) => (
                <li key={`${issue.path}:${issue.message}`}>
                  <FieldName path={issue.path} />: {translateIssue(tForm, issue.message)}
                </li>
              ))}
            </ul>
          )}
        </section>
        <IdentityBlock enrollmentId={enrollment.id} match={identity.match} noIdentity={identity.noIdentity} canDecide={canPush} viewerId={user.id} />
        {canPush && (
          <PushSection
            pipeline={pipeline}
            requestedProducts={enrollment.requestedProducts}
            productCodes={productCodes}
            issueCount={issues.length}
            lastEditorMayNotPush={fourEyes.on && enrollment.lastEditedById === user.id}
            identityStop={identityStop}
            customerNumber={identityCustomer?.number ?? null}
            today={today()}
            changes={<ChangeList changes={sinceReceived} />}
          />
        )}
        <PipelineSection pipeline={shownPipeline} readAt={readAt} canReconcile={canPush} />
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
                  sectionVersion={saves[key]?.version ?? 0}
                  lastSavedBy={saves[key]?.by ?? null}
                  section={key}
                  initialValue={payload[key]}
                  issues={issues.filter((issue) => issue.section === key)}
                />
              ) : (
                <>
                  {key === "client_documents" && masked && can(user.role, "pii:reveal") && documentCount > 0 && (
                    // Its own messages: only compliance gets this button, so only they carry its namespace.
                    <ClientMessages namespaces={["aml"]}>
                      <RevealDocuments enrollmentId={enrollment.id} count={documentCount} />
                    </ClientMessages>
                  )}
                  <SectionValue value={shownPayload[key]} section={key} fieldPath="" formPath={key} />
                </>
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
          {can(user.role, "enrollment:note") && (
            <div className="mb-4">
              <NoteForm enrollmentId={enrollment.id} />
            </div>
          )}
          <HistoryTimeline revisions={shownRevisions} notes={notes} pushes={pushes} receivedAt={enrollment.receivedAt} />
        </section>
      </div>
    </div>
  );
}
