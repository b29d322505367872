import { describe, expect, it } from "vitest";
import { messages, translator } from "@/lib/i18n/messages";

const keys = (o: object, prefix = ""): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`)));

describe("messages", () => {
  it("English has every Persian key, with no empty text", () => {
    expect(keys(messages.en)).toEqual(keys(messages.fa));
    for (const locale of ["fa", "en"] as const) {
      const t = translator(locale);
      for (const key of keys(messages.fa)) expect(t(key as never).trim(), `${locale}:${key}`).not.toBe("");
    }
  });

  it("fills placeholders", () => {
    expect(translator("fa")("home.daysLate", { count: "۵" })).toBe("۵ روز تأخیر");
    expect(translator("en")("nav.signedInAs", { name: "Sara" })).toBe("Signed in as Sara");
  });
});
