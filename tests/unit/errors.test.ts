// The one error table (lib/errors.ts, decision 255): each code's form message, HTTP status,
// problem type and outcome, and the older names (UserFacingError, ForbiddenError, NotFound,
// ProblemError) answering through it.
import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/auth/policy";
import { PROBLEMS, problemOf, statusOf } from "@/lib/api/problem";
import {
  AppError,
  appErrorOfFormState,
  codeOfProblem,
  ERRORS,
  formStateOf,
  outcomeOf,
  ProblemError,
  type ErrorCode,
} from "@/lib/errors";
import { translator } from "@/lib/i18n/messages";

const fa = translator("fa");
const en = translator("en");
const codes = Object.keys(ERRORS) as ErrorCode[];

describe("the error table", () => {
  it.each([
    ["bad-request", 400, "bad-request", "invalid"],
    ["unauthenticated", 401, "unauthorized", "refused"],
    ["forbidden", 403, "forbidden", "refused"],
    ["not-found", 404, "not-found", "invalid"],
    ["method-not-allowed", 405, "method-not-allowed", "invalid"],
    ["conflict", 409, "conflict", "conflict"],
    ["gone", 410, "gone", "invalid"],
    ["too-large", 413, "payload-too-large", "invalid"],
    ["unsupported-media-type", 415, "unsupported-media-type", "invalid"],
    ["invalid", 422, "unprocessable-content", "invalid"],
    ["rate-limited", 429, "too-many-requests", "refused"],
    ["unexpected", 500, "internal-error", "error"],
    ["unavailable", 503, "service-unavailable", "unavailable"],
  ] as const)("%s: HTTP %i, type %s, outcome %s", (code, status, kind, outcome) => {
    expect(statusOf(code)).toBe(status);
    expect(ERRORS[code].problem).toBe(kind);
    expect(outcomeOf(code)).toBe(outcome);
  });

  it("names every problem kind exactly once, so a kind finds its code back", () => {
    expect(new Set(codes.map((c) => ERRORS[c].problem)).size).toBe(codes.length);
    expect(codes.map((c) => ERRORS[c].problem).sort()).toEqual(Object.keys(PROBLEMS).sort());
    for (const code of codes) expect(codeOfProblem(ERRORS[code].problem)).toBe(code);
  });

  it("has words for every code in both languages", () => {
    for (const code of codes) {
      const key = ERRORS[code].message;
      expect(fa(key)).not.toBe(key);
      expect(en(key)).not.toBe(key);
      expect(fa(key)).not.toBe(en(key));
    }
  });
});

describe("the three answers", () => {
  it("a form gets the code's message in its language, or the error's own words and fields", () => {
    expect(formStateOf(new AppError("forbidden"), fa)).toEqual({
      ok: false,
      message: fa("errors.forbidden"),
    });
    expect(formStateOf(new AppError("unavailable"), en)).toEqual({
      ok: false,
      message: "The service is temporarily unavailable; nothing was saved. Please try again in a moment.",
    });
    const refused = new AppError("invalid", "Name is required", { fieldErrors: { name: ["Required"] } });
    expect(formStateOf(refused, en)).toEqual({
      ok: false,
      message: "Name is required",
      fieldErrors: { name: ["Required"] },
    });
  });

  it("an HTTP caller gets problem+json with the same status, type and words", async () => {
    const res = problemOf(new AppError("conflict"), en, { instance: "/api/v1/x", locale: "en" });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toEqual({
      type: "/api/v1/problems/conflict",
      title: en("api.problem.conflict"),
      status: 409,
      detail: en("errors.conflict"),
      instance: "/api/v1/x",
    });
  });

  it("an outage tells an HTTP caller when to come back", () => {
    const res = problemOf(new AppError("unavailable"), fa);
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(problemOf(new AppError("forbidden"), fa).headers.get("retry-after")).toBeNull();
  });

  it("field errors travel to problem+json as `errors`", async () => {
    const res = problemOf(
      new ProblemError("unprocessable-content", "bad", { errors: { note: ["too long"] } }),
      en,
    );
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ detail: "bad", errors: { note: ["too long"] } });
  });
});

describe("the older names are AppErrors", () => {
  it("ForbiddenError answers as forbidden, in the user's words, not its log message", () => {
    const err = new ForbiddenError("meeting.write");
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe("forbidden");
    expect(err.message).toBe("forbidden: meeting.write");
    expect(formStateOf(err, fa).message).toBe(fa("errors.forbidden"));
    expect(problemOf(err, en).status).toBe(403);
  });

  it("ProblemError keeps its kind and finds its code", () => {
    const err = new ProblemError("payload-too-large", "too big");
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe("too-large");
    expect(problemOf(err, en).status).toBe(413);
  });
});

describe("a form's answer read back as an error (an API calling a mutation)", () => {
  it("field errors mean invalid input (422)", () => {
    const err = appErrorOfFormState({ ok: false, message: "x", fieldErrors: { a: ["b"] } }, en);
    expect(err.code).toBe("invalid");
    expect(err.fieldErrors).toEqual({ a: ["b"] });
  });

  it("the table's own messages name their code, in either language", () => {
    expect(appErrorOfFormState({ ok: false, message: fa("errors.forbidden") }, fa).code).toBe("forbidden");
    expect(appErrorOfFormState({ ok: false, message: en("errors.serviceUnavailable") }, en).code).toBe(
      "unavailable",
    );
    expect(appErrorOfFormState({ ok: false, message: en("errors.conflict") }, en).code).toBe("conflict");
  });

  it("a domain message named by the caller takes the caller's code; any other is invalid", () => {
    const state = { ok: false, message: en("resolutions.notOpen") };
    expect(appErrorOfFormState(state, en).code).toBe("invalid");
    expect(appErrorOfFormState(state, en, { "resolutions.notOpen": "conflict" }).code).toBe("conflict");
  });
});

describe("app/global-error.tsx's own words", () => {
  it("are the catalogue's, in both languages (it cannot ask the server for them)", async () => {
    const { GLOBAL_ERROR_TEXT } = await import("@/lib/i18n/global-error");
    for (const [lang, t] of [
      ["fa", fa],
      ["en", en],
    ] as const) {
      const text = GLOBAL_ERROR_TEXT[lang];
      expect(text.unexpected).toBe(t("errors.unexpected"));
      expect(text.outagePage).toBe(t("errors.outagePage"));
      expect(text.retry).toBe(t("errors.retry"));
      expect(text.reference.replace("{reference}", "X1")).toBe(t("errors.reference", { reference: "X1" }));
    }
  });
});
