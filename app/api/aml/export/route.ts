import { getTranslations } from "next-intl/server";
import { requireApiPermission } from "@/lib/auth/guard";
import { parseAmlFilters } from "@/lib/aml/aml-filters";
import { withSearch } from "@/lib/search/with-search";
import { openAmlQueueCsv } from "@/lib/aml/export-csv";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/client";
import { pgPool } from "@/lib/db/pg-pool";
import { requestAddress } from "@/lib/http/request-address";
import { formatReason } from "@/lib/reasons/format";

// GET /api/aml/export?<AML queue filters> — the filtered AML queue as CSV, streamed (session auth).
export async function GET(request: Request) {
  const auth = await requireApiPermission("aml:export");
  if (auth.response) return auth.response;
  const { cursor: _cursor, ...filters } = withSearch(parseAmlFilters(new URL(request.url).searchParams), auth.user.id);
  // Who exported what: the filters, but a search may be a document number, so only that there was one.
  const { q, ...named } = filters;
  await recordAudit(prisma, {
    actor: { id: auth.user.id, label: auth.user.username },
    action: "aml.queue_exported",
    targetType: "aml_queue",
    details: { ...named, search: q !== undefined },
    ip: requestAddress((name) => request.headers.get(name)),
  });
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
  // Reasons are stored as codes: the file says them in the user's language, as the queue does.
  const t = await getTranslations("reasons");
  const csv = await openAmlQueueCsv(pgPool(), filters, { formatReason: (reason) => formatReason(t, reason) });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="aml-queue-${stamp}.csv"`,
      // no-transform: Next's gzip would double the export's CPU time on the server (measured);
      // a back-office download on the bank's network gains less from 27 MB → 4 MB than it costs.
      "Cache-Control": "no-store, no-transform",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
