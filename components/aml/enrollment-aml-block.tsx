import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getEnrollmentAml } from "@/lib/aml/get-enrollment-aml";
import { can, type TRole } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";
import { SubmissionList } from "./aml-results";

/**
 * The AML part of the enrollment page: each submission to AMLYZE, its status and AMLYZE's
 * reasons when it refused. The screening results themselves are for compliance (the AML view).
 */
export async function EnrollmentAmlBlock({ enrollmentId, role }: { enrollmentId: string; role: TRole }) {
  const [aml, t] = await Promise.all([getEnrollmentAml(prisma, enrollmentId), getTranslations("aml")]);
  return (
    <section id="aml" aria-labelledby="aml-block-title" className="scroll-mt-4 rounded-lg border border-border bg-white p-4" data-testid="enrollment-aml">
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <h2 id="aml-block-title" className="text-lg font-semibold">{t("block.title")}</h2>
        {aml.customerExtId && can(role, "aml:read") && (
          <Link href={`/aml/customers/${encodeURIComponent(aml.customerExtId)}`} className="ml-auto text-sm text-brand hover:underline">
            {t("block.openAml")}
          </Link>
        )}
      </div>
      {aml.submissions.length === 0 ? <p className="text-sm text-muted-foreground">{t("block.none")}</p> : <SubmissionList submissions={aml.submissions} />}
    </section>
  );
}
