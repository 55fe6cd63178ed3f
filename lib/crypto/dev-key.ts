// The key used when SETTINGS_ENCRYPTION_KEYS is unset in development and demo runs (never in a
// production deployment: lib/crypto/secrets.ts refuses it there unless ALLOW_DEV_SECRET=1).
// Version 0, so a deployment's own keys start at 1 and can list this one to rotate away from it.
export const DEV_SETTINGS_ENCRYPTION_KEYS = "0:biWv0VjG3GHVDQHvLvadwAk99/L8cbtEJK89aQaNupI=";
