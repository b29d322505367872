import { describe, expect, it } from "vitest";
import { messages, translator } from "@/lib/i18n/messages";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const keys = (o: object, prefix = ""): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === "string" ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`),
  );

describe("messages", () => {
  it("no two domains claim the same top-level key (a later one would silently win)", async () => {
    const { readFileSync } = await import("node:fs");
    const imports = [...readFileSync("lib/i18n/domains.ts", "utf8").matchAll(/from "@\/(lib\/[\w/]+)"/g)].map(
      (m) => m[1],
    );
    expect(imports.length).toBeGreaterThan(0);
    const owners = new Map<string, string>();
    for (const path of imports) {
      const mod = (await import(/* @vite-ignore */ `${process.cwd()}/${path}.ts`)) as {
        default: { fa: object };
      };
      for (const key of Object.keys(mod.default.fa)) {
        expect(owners.get(key), `${key} in ${path}`).toBeUndefined();
        owners.set(key, String(path));
      }
    }
    for (const key of owners.keys()) expect(Object.keys(messages.fa)).toContain(key);
  });

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

describe("plural messages", () => {
  it("English picks the singular for one and the plural otherwise", () => {
    const t = translator("en");
    expect(t("home.daysLate", { count: 1 })).toBe("1 day late");
    expect(t("home.daysLate", { count: "1" })).toBe("1 day late");
    expect(t("home.daysLate", { count: "5" })).toBe("5 days late");
    expect(t("home.daysLate", { count: 0 })).toBe("0 days late");
    expect(t("common.total", { count: "1,234" })).toBe("1,234 items");
    expect(t("common.total", { count: "1" })).toBe("1 item");
    expect(t("calendar.workingDaysLate", { count: "1" })).toBe("1 working day late");
  });

  it("Persian keeps the noun singular after any number, in Persian digits", () => {
    const t = translator("fa");
    expect(t("home.daysLate", { count: "۱" })).toBe("۱ روز تأخیر");
    expect(t("home.daysLate", { count: "۱۲" })).toBe("۱۲ روز تأخیر");
    expect(t("common.total", { count: "۱٬۲۳۴" })).toBe("۱٬۲۳۴ مورد");
  });

  it("a catalogue sent to the browser carries its language, so useT() picks the same forms", async () => {
    const { pickMessages } = await import("@/lib/i18n/messages");
    const { createTranslator } = await import("@/lib/i18n/translate");
    const t = createTranslator(pickMessages("en", ["home"]));
    expect(t("home.daysLate", { count: "1" })).toBe("1 day late");
    expect(t("home.daysLeft", { count: "3" })).toBe("3 days left");
  });
});

describe("date examples follow the calendar (issue #30)", () => {
  it("fills {jalaliYear} with this Jalali year, in the message's digits", () => {
    const year = new Intl.DateTimeFormat("en-US-u-ca-persian-nu-latn", {
      timeZone: "Asia/Tehran",
      year: "numeric",
    })
      .formatToParts(new Date())
      .find((p) => p.type === "year")?.value;
    const faYear = (year ?? "").replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)] ?? d);
    expect(translator("fa")("meetings.dateHint")).toBe(`تاریخ شمسی، مثلاً ${faYear}/۰۳/۱۰`);
    expect(translator("en")("meetings.dateHint")).toBe(`Jalali date, e.g. ${year}/03/10`);
    expect(translator("fa")("audit.fromPlaceholder")).toBe(`${faYear}/۰۱/۰۱`);
  });
});

describe("no page hard-codes a year in a date example (issue #30)", () => {
  it("leaves placeholders such as «1404/01/01» to {jalaliYear} or this year", () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
      );
    const found = ["app", "components"].flatMap(sources).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
        .filter((line) => /["'`]1[34]\d\d\/\d\d\/\d\d["'`]/.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });
});
