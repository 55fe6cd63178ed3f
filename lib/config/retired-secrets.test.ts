import { expect, it } from "vitest";
import { isRetiredSecret } from "./retired-secrets";

it("knows the development secrets the repository once published, and nothing else", () => {
  expect(isRetiredSecret("development-only-secret-change-me-0123456789")).toBe(true);
  expect(isRetiredSecret(Buffer.from("UZeCPgelQf0ZgwTvbmv6elZ/Ze1+/ZGao+EJV5q+Ung=", "base64"))).toBe(true);
  expect(isRetiredSecret("development-only-secret-change-me-0123456780")).toBe(false);
});
