import { describe, expect, it } from "vitest";
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

  it("accepts a proper secret, and never blocks development or tests", () => {
    expect(productionConfigProblem({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(43) })).toBeNull();
    expect(productionConfigProblem({ NODE_ENV: "development" })).toBeNull();
    expect(productionConfigProblem({ NODE_ENV: "test" })).toBeNull();
  });
});
