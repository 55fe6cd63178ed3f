import { getTranslations } from "next-intl/server";
import { NextEnrollmentButton } from "@/components/desk/next-enrollment-button";
import { QueueTable } from "@/components/queue/queue-table";
import { requirePagePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";
import { listDeskOfficers } from "@/lib/desk/ownership";
import { scopeOf } from "@/lib/desk/scope";
import { listBranches, listEnrollments } from "@/lib/queue/list-enrollments";
import { parseQueueFilters, queueDefaults } from "@/lib/queue/queue-filters";
import { withSearch } from "@/lib/search/with-search";
import { withDefaultView } from "@/lib/queue/queue-view-input";
import { listQueueViews } from "@/lib/queue/queue-views";

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function QueuePage({ searchParams }: TProps) {
  const user = await requirePagePermission("queue:read");
  const scope = scopeOf(user);
  const ownsEnrollments = can(user.role, "enrollment:own");
  const views = await listQueueViews(prisma, user.id);
  const filters = queueDefaults(withSearch(withDefaultView(parseQueueFilters(await searchParams), views), user.id), { ownsEnrollments });
  const [page, branches, officers, t] = await Promise.all([
    listEnrollments(prisma, filters, { scope, userId: user.id }),
    listBranches(prisma, scope),
    listDeskOfficers(prisma, scope),
    getTranslations("queue"),
  ]);
  const readAt = Date.now();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {ownsEnrollments && <NextEnrollmentButton />}
      </div>
      <QueueTable
        key={JSON.stringify(filters)}
        filters={filters}
        initialPage={page}
        readAt={readAt}
        branches={branches}
        officers={officers}
        desk={ownsEnrollments ? { userId: user.id, lead: user.deskLead } : null}
        views={views}
      />
    </div>
  );
}
