import { describe, expect, it } from "vitest";
import { appUrl } from "@/lib/app-url";
import { productionConfigProblem } from "@/lib/startup";

describe("production start-up check", () => {
  it("refuses production without AUTH_SECRET, or with a short one, in one sentence naming the fix", () => {
    const missing = productionConfigProblem({ NODE_ENV: "production" });
    expect(missing).toMatch(/^AUTH_SECRET is not set: .*openssl rand -base64 32/);
    expect(missing?.split(". ").length).toBe(1);
    expect(productionConfigProblem({ NODE_ENV: "production", AUTH_SECRET: "short" })).toMatch(
      /shorter than 32/,
    );
  });

  it("refuses production without the public address e-mail links are built from, in one sentence", () => {
    const missing = productionConfigProblem({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(43) });
    expect(missing).toMatch(/^APP_URL is not set: /);
    expect(missing?.split(". ").length).toBe(1);
  });

  it("builds links from APP_URL, else AUTH_URL, else the demo's own port", () => {
    expect(appUrl({ PORT: "3204" })).toBe("http://localhost:3204");
    expect(appUrl({})).toBe("http://localhost:3000");
    expect(appUrl({ PORT: "3204", AUTH_URL: "https://a.example/" })).toBe("https://a.example");
    expect(appUrl({ APP_URL: "https://t.example.ir/", AUTH_URL: "https://a.example" })).toBe(
      "https://t.example.ir",
    );
  });

  it("accepts a proper secret and address, and never blocks development or tests", () => {
    const secret = "x".repeat(43);
    expect(
      productionConfigProblem({ NODE_ENV: "production", AUTH_SECRET: secret, APP_URL: "https://t.ir" }),
    ).toBeNull();
    expect(
      productionConfigProblem({ NODE_ENV: "production", AUTH_SECRET: secret, AUTH_URL: "https://t.ir" }),
    ).toBeNull();
    expect(productionConfigProblem({ NODE_ENV: "development" })).toBeNull();
    expect(productionConfigProblem({ NODE_ENV: "test" })).toBeNull();
  });
});
