import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ProductCodeForm } from "@/components/admin/products/product-code-form";
import { DataTable } from "@/components/ui/data-table";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { requirePagePermission } from "@/lib/auth/guard";
import { prisma } from "@/lib/db/client";
import { listProductCodes } from "@/lib/product-codes/manage-product-codes";

export default async function ProductCodesPage() {
  await requirePagePermission("products:manage");
  const [codes, t] = await Promise.all([listProductCodes(prisma), getTranslations("admin.products")]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-3xl text-sm text-muted-foreground">{t("intro")}</p>
      <DataTable
        caption={t("title")}
        columns={[t("code"), t("name"), t("description"), t("state"), t("accountNumberLength"), { label: t("requests"), align: "right" }]}
        empty={t("empty")}
        isEmpty={codes.length === 0}
      >
        {codes.map((row) => (
          <tr key={row.code} className="border-t border-border" data-testid={`product-code-${row.code}`}>
            <td className="px-3 py-2 font-mono">
              <Link href={`/admin/products/${row.code}`} className="text-brand hover:underline">
                {row.code}
              </Link>
            </td>
            <td className="px-3 py-2" translate="no">{row.name}</td>
            <td className="px-3 py-2 text-muted-foreground" translate="no">{row.description}</td>
            <td className="px-3 py-2">
              <Badge tone={row.active ? "success" : "neutral"}>{row.active ? t("active") : t("inactive")}</Badge>
            </td>
            <td className="px-3 py-2">{row.accountNumberLength ?? <span className="text-muted-foreground">{t("learnt")}</span>}</td>
            <td className="px-3 py-2 text-right tabular-nums">{row.requests}</td>
          </tr>
        ))}
      </DataTable>
      <Panel id="new-product-code" title={t("create")} className="max-w-xl space-y-3">
        <ProductCodeForm />
      </Panel>
    </div>
  );
}
