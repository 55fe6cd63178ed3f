import { csvRow } from "@/lib/aml/csv";
import { requireApiPermission } from "@/lib/auth/guard";
import { managesDesk } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";
import { getDeskDashboard } from "@/lib/desk/dashboard";
import { parseDeskDashboardFilters } from "@/lib/desk/dashboard-filters";
import { scopeOf } from "@/lib/desk/scope";

const HEADER = ["kind", "branch", "branch_name", "officer", "received", "pushed", "push_minutes_p50", "push_minutes_p95", "sla_met", "sla_stopped", "overdue_open", "failed", "needs_reconciliation"] as const;

// GET /api/desk/export — the desk dashboard's numbers as CSV, for the window and branch of its
// filters, within the reader's branches: admins and the leads of branches only.
export async function GET(request: Request) {
  const auth = await requireApiPermission("desk:dashboard");
  if (auth.response) return auth.response;
  if (!managesDesk(auth.user)) return Response.json({ error: "Your role may not do this" }, { status: 403 });
  const filters = parseDeskDashboardFilters(new URL(request.url).searchParams);
  const dashboard = await getDeskDashboard(prisma, scopeOf(auth.user), filters);
  const lines = [
    csvRow(HEADER),
    csvRow(["total", null, null, null, dashboard.total.received, dashboard.total.pushed, dashboard.total.p50, dashboard.total.p95, dashboard.total.slaMet, dashboard.total.slaStopped, dashboard.total.overdue, dashboard.total.failed, dashboard.total.reconcile]),
    ...dashboard.byBranch.map((row) => csvRow(["branch", row.branch, row.branchName, null, row.received, row.pushed, row.p50, row.p95, row.slaMet, row.slaStopped, row.overdue, row.failed, row.reconcile])),
    ...dashboard.byOfficer.map((row) => csvRow(["officer", null, null, row.name, null, row.pushed, row.p50, row.p95, null, null, null, null, null])),
  ];
  return new Response(lines.join(""), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="desk-${filters.from}-${filters.to}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
