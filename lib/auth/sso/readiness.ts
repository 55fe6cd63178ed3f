// Whether single sign-on can carry the console alone. Local password sign-in may be switched off
// only when it can: configured, its discovery tested for the settings in force, and a group mapped
// to admin, so an admin can still get in.
import "server-only";
import type { TDb } from "@/lib/db/types";
import { ssoSettings, type TSettingsOptions, type TSsoSettings } from "@/lib/settings/integrations";
import { logger } from "@/lib/logger";
import { readSwitch } from "@/lib/settings/switches";

/** Where the last successful test is kept: the issuer and client it was made for. */
export const SSO_VERIFIED_KEY = "sso.verified";

export type TSsoConfig = { name: string | null; issuer: string; clientId: string; clientSecret: string; scopes: string; groupsClaim: string };

/** The settings sign-in needs, when all are there. */
export function ssoConfigOf(settings: TSsoSettings): TSsoConfig | null {
  const { name, issuer, clientId, clientSecret, scopes, groupsClaim } = settings;
  return issuer && clientId && clientSecret ? { name, issuer, clientId, clientSecret, scopes, groupsClaim } : null;
}

/** The configuration in force, or null when single sign-on is not configured (or cannot be read). */
export async function ssoConfig(db: TDb, options: TSettingsOptions = {}): Promise<TSsoConfig | null> {
  try {
    return ssoConfigOf(await ssoSettings(db, options));
  } catch (error) {
    // A bad SSO_* value or a secret sealed under a key no longer listed: the login page must still
    // render (passwords then work, see localLoginAllowed); the message names the setting, not the value.
    logger.error({ err: error }, "single sign-on settings cannot be read");
    return null;
  }
}

export type TSsoReadiness = { configured: boolean; tested: boolean; adminMapped: boolean };

export async function ssoReadiness(db: TDb, options: TSettingsOptions = {}): Promise<TSsoReadiness> {
  const [config, verified, adminMappings] = await Promise.all([
    ssoConfig(db, options),
    db.integrationSetting.findUnique({ where: { key: SSO_VERIFIED_KEY }, select: { value: true } }),
    db.ssoGroupRole.count({ where: { role: "admin" } }),
  ]);
  const value = verified?.value as { issuer?: unknown; clientId?: unknown } | null | undefined;
  const tested = config !== null && value?.issuer === config.issuer && value?.clientId === config.clientId;
  return { configured: config !== null, tested, adminMapped: adminMappings > 0 };
}

/**
 * Whether the password form is offered and accepted. Off only while single sign-on is configured:
 * should its settings be removed, passwords work again rather than nobody getting in.
 */
export function localLoginFrom(switchOn: boolean, sso: TSsoConfig | null): boolean {
  return switchOn || sso === null;
}

export async function localLoginAllowed(db: TDb, options: TSettingsOptions = {}): Promise<boolean> {
  const [local, sso] = await Promise.all([readSwitch(db, "localLogin"), ssoConfig(db, options)]);
  return localLoginFrom(local.on, sso);
}
