// Values that were once committed to this repository as development secrets (the session secret,
// the settings and PII keyrings' key material, the blind index key). Anyone can read them in the
// history, so nothing may accept them; only their sha256 stays here.
import crypto from "node:crypto";

const RETIRED_SHA256 = new Set([
  // AUTH_SECRET (lib/auth/dev-secret.ts)
  "36620796abfc961346babb2e52970263066bf2764c43c11bbf63a42faeca14d7",
  // the key bytes of SETTINGS_ENCRYPTION_KEYS, PII_ENCRYPTION_KEYS and PII_INDEX_KEY (lib/crypto/dev-key.ts)
  "6ae827128b29e6663c345053166822cc6bf8c130561b3f634b9d6d1f27f5c08c",
  "ddd2d94a653993f1391669353b9b411d1136a729c0619367c66c71a9414e094f",
  "03cdd1330024e06ec4dfb83795e5e956cdc5a6250f7f44d6edd0a019eedfc62d",
]);

/** Whether a secret (as text, or a key's bytes) is one the repository once published. */
export function isRetiredSecret(value: string | Buffer): boolean {
  return RETIRED_SHA256.has(crypto.createHash("sha256").update(value).digest("hex"));
}
