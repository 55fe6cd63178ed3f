// `npm run settings:rotate`: re-encrypts every stored secret (integration passwords and tokens,
// TOTP secrets) with the first key of SETTINGS_ENCRYPTION_KEYS. Idempotent and transactional;
// prints counts only. Exit 1 when a secret cannot be opened (its key is no longer listed).
import { prisma } from "@/lib/db/client";
import { settingsKeyring } from "@/lib/crypto/secrets";
import { rotateSecrets } from "@/lib/settings/rotate-secrets";

async function main() {
  const keyring = settingsKeyring();
  const report = await rotateSecrets(prisma, keyring);
  const line = (label: string, c: { rotated: number; alreadyCurrent: number }) => `  ${label}: ${c.rotated} re-encrypted, ${c.alreadyCurrent} already current`;
  console.log(
    [
      `settings secrets now under key version ${report.keyVersion}:`,
      line("integration settings", report.integrationSettings),
      line("TOTP secrets", report.totpSecrets),
      line("pending TOTP enrolments", report.pendingTotpSecrets),
    ].join("\n"),
  );
}

main()
  .catch((error: unknown) => {
    console.error(`rotation failed, nothing was changed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
