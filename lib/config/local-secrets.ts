// The secrets of a console run on this machine (`npm run console`, `npm test`): made at random on
// the first start into a git-ignored file only its owner can read, and read back on every later
// start, so the database's sealed values keep opening. Nothing in the repository is a secret: a
// deployment sets the same variables itself, and whatever the environment sets wins.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const SECRET_VARIABLES = ["AUTH_SECRET", "SETTINGS_ENCRYPTION_KEYS", "PII_ENCRYPTION_KEYS", "PII_INDEX_KEY"] as const;
export type TSecretVariable = (typeof SECRET_VARIABLES)[number];
export type TSecrets = Record<TSecretVariable, string>;

const key = () => crypto.randomBytes(32).toString("base64");

/** Fresh random values for every secret (keyrings start at version 1). */
export function generateSecrets(): TSecrets {
  return {
    AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    SETTINGS_ENCRYPTION_KEYS: `1:${key()}`,
    PII_ENCRYPTION_KEYS: `1:${key()}`,
    PII_INDEX_KEY: key(),
  };
}

/**
 * Kept in the same file, for scripts/with-db.ts only: the password of the database role it makes
 * for the application when it is given a superuser's connection (scripts/database-roles.ts). Not
 * one of the application's variables: its processes get it inside DATABASE_URL.
 */
export const DATABASE_APP_PASSWORD = "DATABASE_APP_PASSWORD";

/** A fresh password for the application's database role (URL-safe). */
export const generateDatabasePassword = () => crypto.randomBytes(24).toString("base64url");

const FILE_ENTRIES = [...SECRET_VARIABLES, DATABASE_APP_PASSWORD] as const;
type TFileEntry = (typeof FILE_ENTRIES)[number];

function parse(text: string): Partial<Record<TFileEntry, string>> {
  const values: Partial<Record<TFileEntry, string>> = {};
  for (const line of text.split("\n")) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    const name = match?.[1] as TFileEntry | undefined;
    if (name && FILE_ENTRIES.includes(name) && match![2]) values[name] = match![2];
  }
  return values;
}

const line = (name: TFileEntry, value: string) => `${name}=${value}\n`;

function format(values: Record<TFileEntry, string>): string {
  return `# Made at random by the console's first start; keep it: the database's sealed values need it.\n${FILE_ENTRIES.map((name) => line(name, values[name])).join("")}`;
}

/**
 * The secrets in `file`, created (mode 0600) when missing. A file others may read is refused
 * rather than used: its secrets may have leaked. A file made before the database password was
 * kept there gets one added.
 */
export function loadOrCreateSecrets(file: string): { secrets: TSecrets; databaseAppPassword: string; created: boolean } {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // "wx": two starts at once cannot both write; the second reads what the first wrote.
    const secrets = generateSecrets();
    const databaseAppPassword = generateDatabasePassword();
    fs.writeFileSync(file, format({ ...secrets, [DATABASE_APP_PASSWORD]: databaseAppPassword }), { flag: "wx", mode: 0o600 });
    return { secrets, databaseAppPassword, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const mode = fs.statSync(file).mode & 0o777;
  if (mode & 0o077) throw new Error(`${file} is readable by others (mode ${mode.toString(8)}): make it 0600 (chmod 600), or replace its secrets if they may have leaked`);
  const values = parse(fs.readFileSync(file, "utf8"));
  const missing = SECRET_VARIABLES.filter((name) => !values[name]);
  if (missing.length > 0) throw new Error(`${file} lacks ${missing.join(", ")}`);
  let databaseAppPassword = values[DATABASE_APP_PASSWORD];
  if (!databaseAppPassword) {
    databaseAppPassword = generateDatabasePassword();
    fs.appendFileSync(file, line(DATABASE_APP_PASSWORD, databaseAppPassword));
  }
  const secrets = Object.fromEntries(SECRET_VARIABLES.map((name) => [name, values[name]!])) as TSecrets;
  return { secrets, databaseAppPassword, created: false };
}

/** The application role's database password: the environment's (DATABASE_APP_PASSWORD), else `file`'s. */
export function localDatabaseAppPassword(env: Record<string, string | undefined>, file: string): string {
  return env[DATABASE_APP_PASSWORD]?.trim() || loadOrCreateSecrets(file).databaseAppPassword;
}

/**
 * Sets each secret the environment lacks from `file` (made on first use). Returns what a start
 * should tell its user: which variables came from the file, and whether it was just made.
 */
export function applyLocalSecrets(env: Record<string, string | undefined>, file: string): { fromFile: TSecretVariable[]; created: boolean } {
  const lacking = SECRET_VARIABLES.filter((name) => !env[name]?.trim());
  if (lacking.length === 0) return { fromFile: [], created: false };
  const { secrets, created } = loadOrCreateSecrets(file);
  for (const name of lacking) env[name] = secrets[name];
  return { fromFile: lacking, created };
}
