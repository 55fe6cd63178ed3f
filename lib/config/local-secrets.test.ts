import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyLocalSecrets, loadOrCreateSecrets, localDatabaseAppPassword, SECRET_VARIABLES } from "./local-secrets";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "local-secrets-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("local secrets", () => {
  it("are made at random on the first start, owner-only, and the same on every later start", () => {
    const file = path.join(dir, "nested", "secrets.env");
    const first = loadOrCreateSecrets(file);
    expect(first.created).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(first.secrets.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(first.secrets.SETTINGS_ENCRYPTION_KEYS).toMatch(/^1:[A-Za-z0-9+/]{43}=$/);
    expect(first.databaseAppPassword).toMatch(/^[\w-]{32}$/);
    const again = loadOrCreateSecrets(file);
    expect(again).toEqual({ secrets: first.secrets, databaseAppPassword: first.databaseAppPassword, created: false });
    // Another machine (another file) gets other secrets.
    expect(loadOrCreateSecrets(path.join(dir, "other.env")).secrets.AUTH_SECRET).not.toBe(first.secrets.AUTH_SECRET);
  });

  it("fill only what the environment lacks", () => {
    const env: Record<string, string | undefined> = { AUTH_SECRET: "set-by-the-operator-0123456789-0123456789" };
    const { fromFile } = applyLocalSecrets(env, path.join(dir, "secrets.env"));
    expect(fromFile).toEqual(SECRET_VARIABLES.filter((name) => name !== "AUTH_SECRET"));
    expect(env.AUTH_SECRET).toBe("set-by-the-operator-0123456789-0123456789");
    expect(env.PII_INDEX_KEY).toBeTruthy();
    const full = { ...env };
    expect(applyLocalSecrets(full, path.join(dir, "unused.env")).fromFile).toEqual([]);
    expect(fs.existsSync(path.join(dir, "unused.env"))).toBe(false);
  });

  it("gain the database role's password in a file made before it was kept there, and nothing else changes", () => {
    const file = path.join(dir, "secrets.env");
    const { secrets } = loadOrCreateSecrets(file);
    const before = fs.readFileSync(file, "utf8").replace(/^DATABASE_APP_PASSWORD=.*\n/m, "");
    fs.writeFileSync(file, before);
    const upgraded = loadOrCreateSecrets(file);
    expect(upgraded).toMatchObject({ secrets, created: false, databaseAppPassword: expect.stringMatching(/^[\w-]{32}$/) });
    expect(fs.readFileSync(file, "utf8")).toBe(`${before}DATABASE_APP_PASSWORD=${upgraded.databaseAppPassword}\n`);
    expect(loadOrCreateSecrets(file).databaseAppPassword).toBe(upgraded.databaseAppPassword);
    // The environment's wins, as for every other secret.
    expect(localDatabaseAppPassword({ DATABASE_APP_PASSWORD: "from-the-environment" }, file)).toBe("from-the-environment");
    expect(localDatabaseAppPassword({}, file)).toBe(upgraded.databaseAppPassword);
  });

  it("refuse a file others can read", () => {
    const file = path.join(dir, "secrets.env");
    loadOrCreateSecrets(file);
    fs.chmodSync(file, 0o644);
    expect(() => loadOrCreateSecrets(file)).toThrow(/readable by others/);
  });

  it("live where git ignores them", () => {
    expect(spawnSync("git", ["check-ignore", "-q", ".data/secrets.env"], { cwd: path.resolve(__dirname, "../..") }).status).toBe(0);
  });
});
