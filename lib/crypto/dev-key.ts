// The key used when SETTINGS_ENCRYPTION_KEYS is unset in development and demo runs (never in a
// production deployment: lib/crypto/secrets.ts refuses it there unless ALLOW_DEV_SECRET=1).
// Version 0, so a deployment's own keys start at 1 and can list this one to rotate away from it.
export const DEV_SETTINGS_ENCRYPTION_KEYS = "0:biWv0VjG3GHVDQHvLvadwAk99/L8cbtEJK89aQaNupI=";

// The same for identity numbers at rest (lib/crypto/pii.ts): a keyring of its own, so the
// settings key and the PII key can be rotated apart and one leaked key opens only one kind.
export const DEV_PII_ENCRYPTION_KEYS = "0:CTzF97NhKgbAuxbv1Je6Uez7bgmXUncZAD/nC5QlKms=";

// The HMAC key of the blind index (exact search by document number without storing it).
export const DEV_PII_INDEX_KEY = "UZeCPgelQf0ZgwTvbmv6elZ/Ze1+/ZGao+EJV5q+Ung=";
