import { getTranslations } from "next-intl/server";
import { QueueTable } from "@/components/queue/queue-table";
import { requirePagePermission } from "@/lib/auth/guard";
import { prisma } from "@/lib/db/client";
import { listBranches, listEnrollments } from "@/lib/queue/list-enrollments";
import { parseQueueFilters } from "@/lib/queue/queue-filters";

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function QueuePage({ searchParams }: TProps) {
  await requirePagePermission("queue:read");
  const filters = parseQueueFilters(await searchParams);
  const [page, branches, t] = await Promise.all([listEnrollments(prisma, filters), listBranches(prisma), getTranslations("queue")]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <QueueTable key={JSON.stringify(filters)} filters={filters} initialPage={page} branches={branches} />
    </div>
  );
}
