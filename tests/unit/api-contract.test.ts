import { describe, expect, it } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { openApiDocument } from "@/lib/api/openapi";
import { localeFromAcceptLanguage, problemDocument } from "@/lib/api/problem";
import { resolutionQuerySchema, resolutionSchema } from "@/lib/api/schema";
import { translator } from "@/lib/i18n/messages";
import { GET } from "@/app/api/v1/openapi.json/route";

describe("the OpenAPI document", () => {
  it("validates against the OpenAPI 3.1 schema", async () => {
    const validator = new Validator();
    const result = await validator.validate(
      openApiDocument() as unknown as Parameters<Validator["validate"]>[0],
    );
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("is served as JSON at /api/v1/openapi.json", async () => {
    const res = GET();
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const doc = await res.json();
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/intake",
      "/obstacles",
      "/resolutions",
      "/resolutions/{id}",
      "/resolutions/{id}/reports",
      "/sessions",
      "/units",
    ]);
  });

  it("documents exactly the parameters the server's schema accepts", () => {
    const params = openApiDocument()
      .paths["/resolutions"].get.parameters.filter((p) => p.in === "query")
      .map((p) => p.name);
    expect(params.sort()).toEqual(Object.keys(resolutionQuerySchema.shape).sort());
    const component = openApiDocument().components.schemas.Resolution;
    expect(Object.keys(component?.properties ?? {}).sort()).toEqual(
      Object.keys(resolutionSchema.shape).sort(),
    );
  });
});

describe("problem details", () => {
  it("picks fa or en from Accept-Language by quality, Persian otherwise", () => {
    expect(localeFromAcceptLanguage(null)).toBe("fa");
    expect(localeFromAcceptLanguage("en-US,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("de, en;q=0.5, fa;q=0.8")).toBe("fa");
    expect(localeFromAcceptLanguage("fr")).toBe("fa");
    expect(localeFromAcceptLanguage("fa;q=0, en")).toBe("en");
  });

  it("has a stable type and title, and the status of its kind", () => {
    const t = translator("en");
    expect(problemDocument("not-found", t, "gone")).toEqual({
      type: "/api/v1/problems/not-found",
      title: "Not found",
      status: 404,
      detail: "gone",
    });
  });
});
