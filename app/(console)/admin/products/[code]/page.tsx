import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DeleteProductCode } from "@/components/admin/products/delete-product-code";
import { ProductCodeForm } from "@/components/admin/products/product-code-form";
import { requirePagePermission } from "@/lib/auth/guard";
import { prisma } from "@/lib/db/client";
import { getProductCode } from "@/lib/product-codes/manage-product-codes";
import { PRODUCT_CODE_PATTERN } from "@/lib/product-codes/product-code-schemas";

export default async function ProductCodePage({ params }: { params: Promise<{ code: string }> }) {
  await requirePagePermission("products:manage");
  const code = decodeURIComponent((await params).code);
  if (!PRODUCT_CODE_PATTERN.test(code)) notFound();
  const [row, t] = await Promise.all([getProductCode(prisma, code), getTranslations("admin.products")]);
  if (!row) notFound();
  return (
    <div className="max-w-xl space-y-4">
      <Link href="/admin/products" className="text-sm text-brand hover:underline">
        ← {t("title")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("editTitle", { code: row.code })}</h1>
      <section className="rounded-lg border border-border bg-white p-4">
        <ProductCodeForm initial={{ code: row.code, name: row.name, description: row.description ?? "", active: row.active, accountNumberLength: row.accountNumberLength }} />
      </section>
      <section className="space-y-2 rounded-lg border border-border bg-white p-4">
        {row.requests > 0 ? <p className="text-sm text-muted-foreground">{t("inUseNote")}</p> : <DeleteProductCode code={row.code} />}
      </section>
    </div>
  );
}
