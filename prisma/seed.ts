// Demo data: Kerman's reference lists and the working group's 4th session of 1404
// (Saturday 10 Khordad 1404 = 2025-05-31, the source article) with 31 units reviewed, plus
// recent sessions relative to today so the overdue dashboard and the inboxes have life.
// Deterministic (a seeded PRNG) apart from "today". Run on an empty database; `--force`
// wipes the domain tables first.
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import type {
  AgencyKind,
  ObstacleStatus,
  OperatingStatus,
  ResolutionStatus,
  Sector,
} from "../lib/generated/prisma/enums";
import { addDays, jalaliParts, todayInTehran } from "../lib/i18n/format";
import { normalizeText } from "../lib/i18n/normalize";
import { obstacleStatusFor } from "../lib/meetings/lifecycle";
import { snapshotResolutions } from "../lib/meetings/minutes-copy";

export const DEMO_PASSWORD = "Tashil-demo-1404";

type ReferenceData = {
  province: { fa: string; en: string };
  counties: [string, string][];
  agencies: { fa: string; en: string; kind: AgencyKind; role?: string }[];
  banks: [string, string][];
  obstacleCategories: { code: string; fa: string; en: string; sub: [string, string, string][] }[];
};

function loadReferenceData(): ReferenceData {
  // A copy of shared/data/reference-data.json travels with the repo for fresh machines.
  const candidates = [
    path.resolve("prisma/reference-data.json"),
    path.resolve("../shared/data/reference-data.json"),
  ];
  const file = candidates.find((f) => existsSync(f));
  if (!file) throw new Error("reference-data.json not found");
  return JSON.parse(readFileSync(file, "utf8")) as ReferenceData;
}

// mulberry32: small, fast, and the same sequence on every machine.
function prng(seed: number) {
  let a = seed;
  const next = () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  return { next, int, pick };
}
const rnd = prng(1404);

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** A Tehran wall-clock time on a calendar date (Tehran is UTC+03:30 all year since 1401). */
const tehranTime = (iso: string, hhmm: string) => new Date(`${iso}T${hhmm}:00+03:30`);

const INDUSTRIAL_UNITS: [string, Sector, string][] = [
  ["شرکت فولاد کویر سیرجان", "INDUSTRIAL", "تولید شمش فولادی"],
  ["کارخانه سیمان آرین زرند", "INDUSTRIAL", "تولید سیمان"],
  ["شرکت کاشی و سرامیک کرمان‌تایل", "INDUSTRIAL", "کاشی و سرامیک"],
  ["صنایع غذایی پسته طلایی رفسنجان", "INDUSTRIAL", "فرآوری پسته"],
  ["شرکت لوله‌سازی پارس جنوب", "INDUSTRIAL", "لوله و پروفیل"],
  ["کارخانه آجر نسوز بردسیر", "INDUSTRIAL", "آجر نسوز"],
  ["شرکت داروسازی سلامت کرمان", "INDUSTRIAL", "داروهای گیاهی"],
  ["شرکت بسته‌بندی خرمای بم", "INDUSTRIAL", "بسته‌بندی خرما"],
  ["کارخانه ریخته‌گری آلومینیوم شهربابک", "INDUSTRIAL", "قطعات آلومینیومی"],
  ["شرکت پلاستیک‌سازی نگین کرمان", "INDUSTRIAL", "ظروف پلاستیکی"],
  ["صنایع چوب و کاغذ جیرفت", "INDUSTRIAL", "کارتن و کاغذ"],
  ["شرکت تولیدی پوشاک ماهان", "INDUSTRIAL", "پوشاک"],
  ["کارخانه روغن‌کشی کهنوج", "INDUSTRIAL", "روغن خوراکی"],
  ["شرکت مواد شوینده آوا", "INDUSTRIAL", "مواد شوینده"],
  ["صنایع برق و الکترونیک کرمان", "INDUSTRIAL", "تابلو برق"],
  ["شرکت فرآوری مس کوهپایه", "MINING", "کنسانتره مس"],
  ["معدن زغال‌سنگ پابدانا", "MINING", "زغال‌سنگ"],
  ["شرکت معدنی سنگ آهن گل‌گهر جنوبی", "MINING", "سنگ آهن"],
  ["معدن کرومیت اسفندقه", "MINING", "کرومیت"],
  ["شرکت سنگ‌بری مرمریت راور", "MINING", "سنگ تزئینی"],
  ["معدن گچ انار", "MINING", "گچ"],
  ["شرکت فرآوری سرب و روی کوهبنان", "MINING", "سرب و روی"],
  ["معدن سیلیس ریگان", "MINING", "سیلیس"],
];
const AGRICULTURAL_UNITS: [string, string][] = [
  ["مجتمع گلخانه‌ای سبز جیرفت", "گلخانه سبزی و صیفی"],
  ["شرکت کشت و صنعت هلیل", "کشت و صنعت"],
  ["گاوداری صنعتی شیرین‌دشت", "دامپروری شیری"],
  ["مرغداری گوشتی بافت", "مرغداری"],
  ["شرکت پرورش ماهی منوجان", "آبزی‌پروری"],
  ["باغات پسته نوق", "باغداری پسته"],
  ["مجتمع دامداری فهرج", "پرواربندی دام"],
  ["تعاونی زعفران کاران رابر", "زعفران"],
];
const EXTRA_UNITS: [string, Sector, string][] = [
  ["شرکت نساجی کرمان‌باف", "INDUSTRIAL", "نساجی"],
  ["کارخانه قند بردسیر", "INDUSTRIAL", "قند و شکر"],
  ["شرکت خدمات فنی معدن‌یار", "SERVICES", "خدمات معدنی"],
  ["گلخانه هیدروپونیک عنبرآباد", "AGRICULTURAL", "گلخانه"],
  ["شرکت بتن آماده زرند", "INDUSTRIAL", "بتن آماده"],
  ["معدن فیروزه شهربابک", "MINING", "سنگ قیمتی"],
  ["شرکت لبنیات کویر", "INDUSTRIAL", "لبنیات"],
  ["کارخانه خوراک دام رفسنجان", "AGRICULTURAL", "خوراک دام"],
  ["شرکت تولید کود آلی کرمان", "AGRICULTURAL", "کود آلی"],
];
const PARKS = [
  "شهرک صنعتی شماره ۱ کرمان",
  "شهرک صنعتی خضرا",
  "شهرک صنعتی رفسنجان",
  "شهرک صنعتی جیرفت",
  "شهرک صنعتی سیرجان",
];
const MANAGERS = [
  "محمد رضایی",
  "علی کرمانی",
  "زهرا احمدی",
  "حسین محمدی",
  "مریم صادقی",
  "رضا حسینی",
  "فاطمه کاظمی",
  "مهدی افشار",
  "سعید نجفی",
  "نرگس امیری",
];

// What obstacle of each kind sounds like, who resolves it, and a resolution template.
type Template = {
  sub: string | null;
  cat: string;
  agency: string;
  obstacle: string;
  resolution: string;
  money?: [number, number];
};
const TEMPLATES: Template[] = [
  {
    cat: "BANKING",
    sub: "LOAN_RESCHEDULING",
    agency: "BANK",
    obstacle: "درخواست امهال اقساط تسهیلات ارزی و ریالی به دلیل توقف تولید در سال گذشته",
    resolution: "بانک عامل نسبت به امهال اقساط تسهیلات واحد به مدت ۲۴ ماه با تنفس ۶ ماهه اقدام کند.",
    money: [20, 900],
  },
  {
    cat: "BANKING",
    sub: "GUARANTEES",
    agency: "BANK",
    obstacle: "عدم پذیرش وثایق ملکی واحد برای تمدید ضمانت‌نامه بانکی",
    resolution: "بانک عامل وثایق ملکی و ماشین‌آلات واحد را به‌جای سپرده نقدی برای تمدید ضمانت‌نامه بپذیرد.",
    money: [10, 300],
  },
  {
    cat: "BANKING",
    sub: "ARREARS",
    agency: "BANK",
    obstacle: "انباشت معوقات و جرائم دیرکرد تسهیلات و اقدام بانک به توقیف حساب‌ها",
    resolution: "بانک عامل جرائم دیرکرد را مطابق بخشنامه بانک مرکزی بخشوده و باقی‌مانده معوقات را تقسیط کند.",
    money: [5, 250],
  },
  {
    cat: "BANKING",
    sub: "WORKING_CAPITAL",
    agency: "BANK",
    obstacle: "نیاز به تسهیلات سرمایه در گردش برای تأمین مواد اولیه و بازگشت به ظرفیت کامل",
    resolution:
      "بانک عامل پرونده تسهیلات سرمایه در گردش واحد را خارج از نوبت بررسی و نتیجه را به دبیرخانه اعلام کند.",
    money: [30, 500],
  },
  {
    cat: "ENERGY",
    sub: "GAS",
    agency: "شرکت گاز استان",
    obstacle: "کمبود ظرفیت انشعاب گاز و محدودیت تأمین گاز در فصل سرما",
    resolution: "شرکت گاز استان نسبت به افزایش ظرفیت انشعاب گاز واحد و تقسیط هزینه آن اقدام کند.",
  },
  {
    cat: "ENERGY",
    sub: "ELECTRICITY",
    agency: "شرکت توزیع نیروی برق",
    obstacle: "قطعی‌های مکرر برق و نیاز به افزایش قدرت دیماند",
    resolution:
      "شرکت توزیع نیروی برق افزایش دیماند واحد را با اولویت و پرداخت اقساطی هزینه انشعاب انجام دهد.",
  },
  {
    cat: "ENERGY",
    sub: "FUEL",
    agency: "سازمان صنعت، معدن و تجارت استان",
    obstacle: "عدم تخصیص سهمیه سوخت مایع متناسب با ظرفیت تولید",
    resolution: "سازمان صنعت، معدن و تجارت سهمیه سوخت واحد را متناسب با ظرفیت اسمی اصلاح و ابلاغ کند.",
  },
  {
    cat: "PERMITS",
    sub: "NATURAL_RESOURCES",
    agency: "اداره کل منابع طبیعی و آبخیزداری",
    obstacle: "توقف استعلام منابع طبیعی برای توسعه محوطه واحد",
    resolution: "اداره کل منابع طبیعی پاسخ استعلام توسعه واحد را ظرف مهلت مقرر صادر کند.",
  },
  {
    cat: "PERMITS",
    sub: "ENVIRONMENT",
    agency: "اداره کل حفاظت محیط زیست",
    obstacle: "عدم صدور مجوز زیست‌محیطی به دلیل نیاز به نصب سامانه پایش آلایندگی",
    resolution: "اداره کل حفاظت محیط زیست با تعهد واحد به نصب سامانه پایش، مجوز موقت فعالیت را صادر کند.",
  },
  {
    cat: "PERMITS",
    sub: "INDUSTRIAL_PARKS",
    agency: "شرکت شهرک‌های صنعتی استان",
    obstacle: "اختلاف بر سر هزینه‌های خدمات و تمدید قرارداد اجاره زمین در شهرک",
    resolution: "شرکت شهرک‌های صنعتی قرارداد واحد را تمدید و بدهی هزینه خدمات را تقسیط کند.",
  },
  {
    cat: "PERMITS",
    sub: "LAND_AFFAIRS",
    agency: "امور اراضی استان",
    obstacle: "عدم صدور مجوز تغییر کاربری اراضی برای احداث سوله",
    resolution:
      "امور اراضی استان درخواست تغییر کاربری واحد را در کمیسیون تبصره یک مطرح و نتیجه را اعلام کند.",
  },
  {
    cat: "PERMITS",
    sub: "OPERATING_LICENCE",
    agency: "سازمان صنعت، معدن و تجارت استان",
    obstacle: "تأخیر در تمدید پروانه بهره‌برداری",
    resolution: "سازمان صنعت، معدن و تجارت پروانه بهره‌برداری واحد را پس از بازدید کارشناسی تمدید کند.",
  },
  {
    cat: "TAX",
    sub: null,
    agency: "اداره کل امور مالیاتی",
    obstacle: "مالیات علی‌الرأس سنوات گذشته بدون توجه به توقف تولید",
    resolution: "اداره کل امور مالیاتی پرونده واحد را در هیئت حل اختلاف با لحاظ دوره توقف تولید بررسی کند.",
    money: [2, 80],
  },
  {
    cat: "SOCIAL_SECURITY",
    sub: null,
    agency: "اداره کل تأمین اجتماعی",
    obstacle: "بدهی حق بیمه و جرائم آن و عدم صدور مفاصاحساب",
    resolution: "اداره کل تأمین اجتماعی بدهی واحد را تقسیط و جرائم را مطابق مقررات بخشوده کند.",
    money: [1, 60],
  },
  {
    cat: "INFRASTRUCTURE",
    sub: null,
    agency: "شرکت آب منطقه‌ای",
    obstacle: "عدم تخصیص آب صنعتی کافی برای خط تولید جدید",
    resolution: "شرکت آب منطقه‌ای تخصیص آب صنعتی واحد را از محل پساب تصفیه‌شده بررسی و اعلام کند.",
  },
  {
    cat: "RAW_MATERIALS",
    sub: null,
    agency: "سازمان صنعت، معدن و تجارت استان",
    obstacle: "کمبود مواد اولیه و عدم تخصیص از بورس کالا",
    resolution: "سازمان صنعت، معدن و تجارت پیگیری تخصیص مواد اولیه واحد از بورس کالا را انجام دهد.",
  },
  {
    cat: "CUSTOMS_FX",
    sub: null,
    agency: "گمرک",
    obstacle: "توقف ترخیص ماشین‌آلات خط تولید در گمرک",
    resolution: "گمرک ترخیص ماشین‌آلات خط تولید واحد را با اخذ تعهد انجام دهد.",
  },
];
const AGRI_TEMPLATES: Template[] = [
  {
    cat: "PERMITS",
    sub: "NATURAL_RESOURCES",
    agency: "اداره کل منابع طبیعی و آبخیزداری",
    obstacle: "عدم واگذاری اراضی ملی برای توسعه طرح کشاورزی",
    resolution:
      "اداره کل منابع طبیعی با همکاری جهاد کشاورزی موضوع واگذاری اراضی را در کمیسیون مربوط بررسی کند.",
  },
  {
    cat: "BANKING",
    sub: "LOAN_RESCHEDULING",
    agency: "بانک کشاورزی",
    obstacle: "خسارت سرمازدگی و ناتوانی در بازپرداخت اقساط تسهیلات",
    resolution: "بانک کشاورزی اقساط سررسیدشده واحد را با توجه به خسارت سرمازدگی امهال کند.",
    money: [5, 200],
  },
  {
    cat: "ENERGY",
    sub: "ELECTRICITY",
    agency: "شرکت توزیع نیروی برق",
    obstacle: "عدم برق‌دار شدن چاه کشاورزی",
    resolution: "شرکت توزیع نیروی برق نسبت به برق‌دار کردن چاه کشاورزی واحد اقدام کند.",
  },
  {
    cat: "OTHER",
    sub: null,
    agency: "سازمان جهاد کشاورزی استان",
    obstacle: "تأخیر در صدور پروانه بهره‌برداری طرح دامپروری",
    resolution: "سازمان جهاد کشاورزی پروانه بهره‌برداری واحد را پس از بازدید صادر کند.",
  },
];

async function main() {
  const force = process.argv.includes("--force");
  const db = new PrismaClient({
    adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "" }),
  });
  try {
    if ((await db.province.count()) > 0) {
      if (!force) {
        console.log("[seed] the database already holds data; run with --force to replace it.");
        return;
      }
      const tables = await db.$queryRaw<
        { tablename: string }[]
      >`select tablename from pg_tables where schemaname = 'public' and tablename <> '_prisma_migrations'`;
      await db.$executeRawUnsafe(`truncate ${tables.map((t) => `"${t.tablename}"`).join(", ")} cascade`);
    }
    await seed(db);
  } finally {
    await db.$disconnect();
  }
}

async function seed(db: PrismaClient) {
  const ref = loadReferenceData();
  const today = todayInTehran();
  const started = Date.now();

  const province = await db.province.create({
    data: { code: "KRM", nameFa: ref.province.fa, nameEn: ref.province.en },
  });
  const provinceId = province.id;

  await db.county.createMany({
    data: ref.counties.map(([fa, en]) => ({ provinceId, nameFa: fa, nameEn: en })),
  });
  const counties = await db.county.findMany({ where: { provinceId } });
  const countyByName = new Map(counties.map((c) => [c.nameFa, c.id]));

  const agencyRows = [
    ...ref.agencies.map((a) => ({
      provinceId,
      kind: a.kind,
      nameFa: a.fa,
      nameEn: a.en,
      nameNormalized: normalizeText(a.fa),
    })),
    ...ref.banks.map(([fa, en]) => ({
      provinceId,
      kind: "BANK" as const,
      nameFa: fa,
      nameEn: en,
      nameNormalized: normalizeText(fa),
    })),
  ];
  await db.agency.createMany({
    data: agencyRows.map((a, i) => ({
      ...a,
      headName: MANAGERS[i % MANAGERS.length],
      phone: `034-3${String(2000000 + i * 137).slice(0, 7)}`,
    })),
  });
  const agencies = await db.agency.findMany({ where: { provinceId } });
  const agencyId = (nameFa: string) => {
    const found = agencies.find((a) => a.nameFa === nameFa);
    if (!found) throw new Error(`unknown agency ${nameFa}`);
    return found.id;
  };
  const banks = agencies.filter((a) => a.kind === "BANK");
  // The two demo agency users' agencies get a fair share of the work.
  const bankMelli = agencyId("بانک ملی ایران");
  const pickBank = () => (rnd.next() < 0.35 ? bankMelli : rnd.pick(banks).id);

  for (const [i, c] of ref.obstacleCategories.entries()) {
    const parent = await db.obstacleCategory.create({
      data: { code: c.code, nameFa: c.fa, nameEn: c.en, sortOrder: i },
    });
    await db.obstacleCategory.createMany({
      data: c.sub.map(([code, fa, en], j) => ({
        code,
        nameFa: fa,
        nameEn: en,
        parentId: parent.id,
        sortOrder: j,
      })),
    });
  }
  const categories = await db.obstacleCategory.findMany();
  const categoryId = (code: string) => categories.find((c) => c.code === code)?.id ?? "";

  // Bodies: the working group (chaired by the governorate's economic deputy, secretariat at
  // the Industry, Mine and Trade organisation) and its weekly specialised committee.
  const governmentAndCompanies = agencies.filter((a) => a.kind !== "BANK");
  const workingGroup = await db.body.create({
    data: {
      provinceId,
      kind: "WORKING_GROUP",
      nameFa: "کارگروه تسهیل و رفع موانع تولید استان کرمان",
      nameEn: "Kerman working group for facilitating production",
      chairName: "سالاری — معاون هماهنگی امور اقتصادی استانداری",
      secretaryName: "حسینی‌نژاد — مدیرکل صنعت، معدن و تجارت",
      members: { create: [...governmentAndCompanies, ...banks.slice(0, 8)].map((a) => ({ agencyId: a.id })) },
    },
  });
  const committee = await db.body.create({
    data: {
      provinceId,
      kind: "COMMITTEE",
      nameFa: "کمیته تخصصی کارگروه تسهیل",
      nameEn: "Specialised committee",
      chairName: "معاون صنعت، معدن و تجارت استان",
      secretaryName: "دبیرخانه کارگروه",
      members: { create: governmentAndCompanies.slice(1, 12).map((a) => ({ agencyId: a.id })) },
    },
  });

  // Users: one per role, all in Kerman. Passwords are in the README (demo only).
  const passwordHash = await hash(DEMO_PASSWORD);
  const users = [
    { email: "admin@tashil.demo", name: "مدیر سامانه", roles: ["ADMIN"] as const },
    { email: "secretariat@tashil.demo", name: "سمیه دبیری", roles: ["SECRETARIAT"] as const },
    { email: "chair@tashil.demo", name: "سالاری", roles: ["CHAIR"] as const },
    { email: "bank@tashil.demo", name: "کارشناس بانک ملی", roles: ["AGENCY"] as const, agencyId: bankMelli },
    {
      email: "environment@tashil.demo",
      name: "کارشناس محیط زیست",
      roles: ["AGENCY"] as const,
      agencyId: agencyId("اداره کل حفاظت محیط زیست"),
    },
    { email: "member@tashil.demo", name: "عضو ناظر", roles: ["MEMBER"] as const },
  ];
  for (const u of users)
    await db.user.create({ data: { ...u, roles: [...u.roles], provinceId, passwordHash } });
  // The national headquarters (no province): a viewer who compares provinces and an
  // administrator who opens new ones. A single-province install simply leaves them unused.
  const nationalUsers = [
    { email: "national@tashil.demo", name: "ستاد ملی تسهیل", roles: ["SECRETARIAT"] as const },
    { email: "hq-admin@tashil.demo", name: "مدیر سامانه ملی", roles: ["ADMIN"] as const },
  ];
  for (const u of nationalUsers)
    await db.user.create({ data: { ...u, roles: [...u.roles], provinceId: null, passwordHash } });
  const secretariat = await db.user.findUniqueOrThrow({ where: { email: "secretariat@tashil.demo" } });
  // Progress is reported by the responsible agency's own user where the demo has one (Bank
  // Melli, environment); for the other agencies the secretariat enters what they send in.
  const agencyUsers = await db.user.findMany({
    where: { provinceId, agencyId: { not: null } },
    select: { id: true, agencyId: true },
  });
  const reporterFor = (agencyId: string) =>
    agencyUsers.find((u) => u.agencyId === agencyId)?.id ?? secretariat.id;

  // Units: 23 industrial and mining + 8 agricultural reviewed in session 4, and a few more.
  const countyFor = (name: string) =>
    countyByName.get(ref.counties.find(([fa]) => name.includes(fa))?.[0] ?? "") ??
    countyByName.get(rnd.pick(ref.counties)[0]) ??
    "";
  const unitSpecs = [
    ...INDUSTRIAL_UNITS.map(([name, sector, activity]) => ({ name, sector, activity, reviewed: true })),
    ...AGRICULTURAL_UNITS.map(([name, activity]) => ({
      name,
      sector: "AGRICULTURAL" as Sector,
      activity,
      reviewed: true,
    })),
    ...EXTRA_UNITS.map(([name, sector, activity]) => ({ name, sector, activity, reviewed: false })),
  ];
  const units: (Awaited<ReturnType<typeof db.productionUnit.create>> & {
    spec: (typeof unitSpecs)[number];
  })[] = [];
  for (const [i, spec] of unitSpecs.entries()) {
    // Many units in the article are idle or semi-active; that is why they come.
    const initial: OperatingStatus = rnd.pick([
      "IDLE",
      "SEMI_ACTIVE",
      "SEMI_ACTIVE",
      "ACTIVE",
      "UNDER_CONSTRUCTION",
    ] as const);
    const unit = await db.productionUnit.create({
      data: {
        provinceId,
        countyId: countyFor(spec.name),
        name: spec.name,
        nameNormalized: normalizeText(spec.name),
        nationalId: String(10_100_000_000 + i * 7_919),
        sector: spec.sector,
        activity: spec.activity,
        industrialPark: spec.sector === "INDUSTRIAL" && rnd.next() < 0.6 ? rnd.pick(PARKS) : null,
        status: initial,
        employees: rnd.int(8, 450),
        capacityUsePct: initial === "IDLE" ? 0 : rnd.int(20, 70),
        managerName: rnd.pick(MANAGERS),
        phone: `0913${String(1_000_000 + i * 7_331).slice(0, 7)}`,
        statusChanges: {
          create: {
            toStatus: initial,
            changedOn: date("2024-03-20"),
            reason: "ثبت اولیه",
            userId: secretariat.id,
          },
        },
      },
    });
    units.push({ ...unit, spec });
  }

  // Working group session 4 of 1404: 31 units, case by case.
  const s4Date = "2025-05-31";
  const session4 = await db.meeting.create({
    data: {
      provinceId,
      bodyId: workingGroup.id,
      jalaliYear: 1404,
      number: 4,
      startsAt: tehranTime(s4Date, "09:00"),
      place: "سالن پیامبر اعظم استانداری",
      status: "MINUTES_APPROVED",
      minutesApprovedAt: tehranTime(s4Date, "13:00"),
      minutesApprovedById: (await db.user.findUniqueOrThrow({ where: { email: "chair@tashil.demo" } })).id,
    },
  });
  // Earlier sessions of 1404 exist in the numbering even if their records predate the system.
  for (const [n, iso] of [
    [1, "2025-04-19"],
    [2, "2025-05-03"],
    [3, "2025-05-17"],
  ] as const)
    await db.meeting.create({
      data: {
        provinceId,
        bodyId: workingGroup.id,
        jalaliYear: 1404,
        number: n,
        startsAt: tehranTime(iso, "09:00"),
        place: "سالن پیامبر اعظم استانداری",
        status: "MINUTES_APPROVED",
      },
    });

  await db.attendance.createMany({
    data: [...governmentAndCompanies, ...banks.slice(0, 8)].map((a, i) => ({
      meetingId: session4.id,
      agencyId: a.id,
      mode:
        i % 7 === 3 ? ("REPRESENTATIVE" as const) : i % 11 === 5 ? ("ABSENT" as const) : ("HEAD" as const),
    })),
  });

  type CaseOptions = {
    meetingId: string;
    meetingDate: string;
    position: number;
    unitIndex: number;
    outcome: "DECIDED" | null;
    resolved: (i: number) => ResolutionStatus | null;
    deadlines?: number[];
  };
  let resolutionCount = 0;
  const createCase = async ({
    meetingId,
    meetingDate,
    position,
    unitIndex,
    outcome,
    resolved,
    deadlines = [15, 30, 30, 45, 60],
  }: CaseOptions) => {
    const unit = units[unitIndex];
    if (!unit) return;
    const pool = unit.spec.sector === "AGRICULTURAL" ? AGRI_TEMPLATES : TEMPLATES;
    const count = rnd.int(1, 2);
    const chosen = new Set<Template>();
    while (chosen.size < count) chosen.add(rnd.pick(pool));
    const item = await db.agendaItem.create({
      data: { meetingId, unitId: unit.id, position, presenter: unit.managerName, outcome },
    });
    for (const tpl of chosen) {
      const status = resolved(resolutionCount);
      const obstacleStatus: ObstacleStatus =
        status === null ? "REFERRED" : status === "VERIFIED" ? "RESOLVED" : "DECIDED";
      const agency = tpl.agency === "BANK" ? pickBank() : agencyId(tpl.agency);
      const obstacle = await db.obstacle.create({
        data: {
          provinceId,
          unitId: unit.id,
          categoryId: categoryId(tpl.cat),
          subCategoryId: tpl.sub ? categoryId(tpl.sub) : null,
          description: tpl.obstacle,
          descriptionNormalized: normalizeText(tpl.obstacle),
          amountRials: tpl.money ? BigInt(rnd.int(tpl.money[0], tpl.money[1])) * 1_000_000_000n : null,
          status: obstacleStatus,
          createdById: secretariat.id,
          createdAt: tehranTime(addDays(meetingDate, -rnd.int(10, 40)), "10:00"),
          agencies: { create: { agencyId: agency } },
          agendaItems: { create: { agendaItemId: item.id } },
        },
      });
      if (status === null) continue;
      resolutionCount++;
      const deadline = addDays(meetingDate, rnd.pick(deadlines));
      const done = status === "DONE_REPORTED" || status === "VERIFIED";
      // Work is never reported done before the session that asked for it, nor in the future.
      const doneOn = [addDays(deadline, rnd.int(-10, 5)), addDays(meetingDate, 2)].sort().at(-1) ?? deadline;
      const doneDate = doneOn > today ? today : doneOn;
      await db.resolution.create({
        data: {
          provinceId,
          meetingId,
          unitId: unit.id,
          agendaItemId: item.id,
          text: tpl.resolution,
          responsibleAgencyId: agency,
          deadline: date(deadline),
          status,
          createdById: secretariat.id,
          createdAt: tehranTime(meetingDate, "12:00"),
          doneReportedAt: done ? tehranTime(doneDate, "09:00") : null,
          verifiedAt: status === "VERIFIED" ? tehranTime(doneDate, "10:00") : null,
          obstacles: { create: { obstacleId: obstacle.id } },
          supportingAgencies:
            rnd.next() < 0.3
              ? { create: { agencyId: agencyId("سازمان صنعت، معدن و تجارت استان") } }
              : undefined,
          progressReports:
            status === "ISSUED"
              ? undefined
              : {
                  create: [
                    {
                      note: "پرونده در دست بررسی کارشناسی است.",
                      fromStatus: "ISSUED",
                      toStatus: "IN_PROGRESS",
                      authorId: reporterFor(agency),
                      createdAt: tehranTime(addDays(meetingDate, 7), "10:00"),
                    },
                    ...(done
                      ? [
                          {
                            note: "اقدام لازم انجام و نامه ابلاغ شد.",
                            fromStatus: "IN_PROGRESS" as const,
                            toStatus: "DONE_REPORTED" as const,
                            authorId: reporterFor(agency),
                            createdAt: tehranTime(doneDate, "09:00"),
                          },
                        ]
                      : []),
                  ],
                },
        },
      });
    }
  };

  // Session 4's fate a year and a half later: most carried out, some still overdue.
  const s4Fate = (i: number): ResolutionStatus =>
    (
      [
        "VERIFIED",
        "VERIFIED",
        "VERIFIED",
        "DONE_REPORTED",
        "IN_PROGRESS",
        "ISSUED",
        "VERIFIED",
        "CANCELLED",
      ] as const
    )[i % 8] ?? "VERIFIED";
  for (let u = 0; u < 31; u++)
    await createCase({
      meetingId: session4.id,
      meetingDate: s4Date,
      position: u + 1,
      unitIndex: u,
      outcome: "DECIDED",
      resolved: s4Fate,
    });

  // Units that came back to production after their case was decided, within the last year.
  for (const unit of units
    .slice(0, 31)
    .filter((u) => u.status === "IDLE" || u.status === "SEMI_ACTIVE")
    .slice(0, 7)) {
    await db.unitStatusChange.create({
      data: {
        unitId: unit.id,
        fromStatus: unit.status,
        toStatus: "ACTIVE",
        changedOn: date(addDays(today, -rnd.int(15, 330))),
        reason: "رفع موانع بانکی و بازگشت به تولید",
        userId: secretariat.id,
      },
    });
    await db.productionUnit.update({
      where: { id: unit.id },
      data: { status: "ACTIVE", capacityUsePct: rnd.int(60, 95) },
    });
  }

  // Recent life relative to today: weekly committee sessions on Sundays, a working-group
  // session three weeks ago with live deadlines, and the next one planned.
  const dow = new Date(`${today}T12:00:00Z`).getUTCDay(); // 0 = Sunday
  const lastSunday = addDays(today, -dow);
  const committeeNumber = (iso: string) => {
    const { year } = jalaliParts(iso);
    let n = 0;
    for (let d = iso; jalaliParts(d).year === year; d = addDays(d, -7)) n++;
    return { year, n };
  };
  const sundays = [6, 5, 4, 3, 2, 1, 0].map((w) => addDays(lastSunday, -7 * w));
  const heldCommittee: { id: string; date: string }[] = [];
  for (const sunday of [...sundays, addDays(lastSunday, 7)]) {
    const { year, n } = committeeNumber(sunday);
    const planned = sunday > today;
    const meeting = await db.meeting.create({
      data: {
        provinceId,
        bodyId: committee.id,
        jalaliYear: year,
        number: n,
        startsAt: tehranTime(sunday, "08:30"),
        place: "سالن جلسات سازمان صنعت، معدن و تجارت",
        status: planned ? "PLANNED" : "HELD",
      },
    });
    if (!planned) heldCommittee.push({ id: meeting.id, date: sunday });
  }

  const recentWgDate = addDays(today, -21);
  const recentYear = jalaliParts(recentWgDate).year;
  const recentNumber =
    (await db.meeting.count({ where: { bodyId: workingGroup.id, jalaliYear: recentYear } })) + 6;
  const recentWg = await db.meeting.create({
    data: {
      provinceId,
      bodyId: workingGroup.id,
      jalaliYear: recentYear,
      number: recentNumber,
      startsAt: tehranTime(recentWgDate, "09:00"),
      place: "سالن پیامبر اعظم استانداری",
      status: "HELD",
    },
  });
  const recentFate = (i: number): ResolutionStatus =>
    (["ISSUED", "IN_PROGRESS", "VERIFIED", "ISSUED", "DONE_REPORTED", "IN_PROGRESS"] as const)[i % 6] ??
    "ISSUED";
  // Deadlines from two weeks (already overdue) to two months: some fall due this week.
  for (let u = 31; u < units.length; u++)
    await createCase({
      meetingId: recentWg.id,
      meetingDate: recentWgDate,
      position: u - 30,
      unitIndex: u,
      outcome: "DECIDED",
      resolved: recentFate,
      deadlines: [14, 24, 25, 27, 45, 60],
    });

  const nextWgDate = addDays(today, 10);
  const nextWg = await db.meeting.create({
    data: {
      provinceId,
      bodyId: workingGroup.id,
      jalaliYear: jalaliParts(nextWgDate).year,
      number: recentYear === jalaliParts(nextWgDate).year ? recentNumber + 1 : 1,
      startsAt: tehranTime(nextWgDate, "09:00"),
      place: "سالن پیامبر اعظم استانداری",
      status: "PLANNED",
    },
  });
  // Cases the committee referred, awaiting the next working-group session.
  for (let u = 0; u < 5; u++)
    await createCase({
      meetingId: nextWg.id,
      meetingDate: nextWgDate,
      position: u + 1,
      unitIndex: (u * 5 + 2) % units.length,
      outcome: null,
      resolved: () => null,
    });

  // Obstacles registered since the last sessions, awaiting the committee's review: what the
  // secretariat puts on the next committee agenda. Placed last so the PRNG sequence above is unchanged.
  for (const [k, u] of [35, 36, 37, 38].entries()) {
    const unit = units[u];
    if (!unit) continue;
    for (const tpl of [
      TEMPLATES[(k * 3) % TEMPLATES.length],
      TEMPLATES[(k * 3 + 5) % TEMPLATES.length],
    ].slice(0, k % 2 === 0 ? 2 : 1)) {
      if (!tpl) continue;
      await db.obstacle.create({
        data: {
          provinceId,
          unitId: unit.id,
          categoryId: categoryId(tpl.cat),
          subCategoryId: tpl.sub ? categoryId(tpl.sub) : null,
          description: tpl.obstacle,
          descriptionNormalized: normalizeText(tpl.obstacle),
          amountRials: tpl.money ? BigInt(tpl.money[1]) * 1_000_000_000n : null,
          status: "REGISTERED",
          createdById: secretariat.id,
          createdAt: tehranTime(addDays(today, -3 - k), "10:00"),
          agencies: { create: { agencyId: tpl.agency === "BANK" ? bankMelli : agencyId(tpl.agency) } },
        },
      });
    }
  }

  // The committee's last three held sessions, on record: who attended and what became of each
  // unit's case. Units outside session 4 and away from the four awaiting review above (35–38,
  // which the e2e journey puts on a new committee agenda). Each obstacle carries the status its
  // session's outcome implies (lib/meetings/lifecycle.ts: settled → RESOLVED, referred →
  // REFERRED, more documents → back to REGISTERED). No PRNG use, so nothing above shifts.
  const committeeCases: {
    session: number;
    unit: number;
    template: Template | undefined;
    outcome: "SETTLED" | "REFERRED" | "MORE_DOCUMENTS";
  }[] = [
    { session: 0, unit: 31, template: TEMPLATES[3], outcome: "SETTLED" },
    { session: 0, unit: 34, template: AGRI_TEMPLATES[0], outcome: "REFERRED" },
    { session: 1, unit: 32, template: TEMPLATES[1], outcome: "MORE_DOCUMENTS" },
    { session: 1, unit: 33, template: TEMPLATES[6], outcome: "SETTLED" },
    { session: 2, unit: 39, template: AGRI_TEMPLATES[1], outcome: "REFERRED" },
  ];
  const committeeMembers = governmentAndCompanies.slice(1, 12);
  for (const [s, session] of heldCommittee.slice(-3).entries()) {
    await db.attendance.createMany({
      data: committeeMembers.map((a, i) => {
        const mode =
          (i + s) % 7 === 4
            ? ("ABSENT" as const)
            : (i + s) % 4 === 1
              ? ("REPRESENTATIVE" as const)
              : ("HEAD" as const);
        return {
          meetingId: session.id,
          agencyId: a.id,
          mode,
          attendeeName: mode === "REPRESENTATIVE" ? MANAGERS[(i + s) % MANAGERS.length] : null,
        };
      }),
    });
    for (const [position, c] of committeeCases.filter((c) => c.session === s).entries()) {
      const unit = units[c.unit];
      const tpl = c.template;
      if (!unit || !tpl) continue;
      const item = await db.agendaItem.create({
        data: {
          meetingId: session.id,
          unitId: unit.id,
          position: position + 1,
          presenter: unit.managerName,
          outcome: c.outcome,
        },
      });
      await db.obstacle.create({
        data: {
          provinceId,
          unitId: unit.id,
          categoryId: categoryId(tpl.cat),
          subCategoryId: tpl.sub ? categoryId(tpl.sub) : null,
          description: tpl.obstacle,
          descriptionNormalized: normalizeText(tpl.obstacle),
          amountRials: tpl.money ? BigInt(tpl.money[0]) * 1_000_000_000n : null,
          status: obstacleStatusFor("COMMITTEE", c.outcome),
          createdById: secretariat.id,
          createdAt: tehranTime(addDays(session.date, -12), "10:00"),
          agencies: { create: { agencyId: tpl.agency === "BANK" ? bankMelli : agencyId(tpl.agency) } },
          agendaItems: { create: { agendaItemId: item.id } },
        },
      });
    }
  }

  // Approved minutes print the copy made at approval (docs/decisions/300): the demo's approved
  // sessions get theirs now that their resolutions exist.
  for (const { id } of await db.meeting.findMany({
    where: { status: "MINUTES_APPROVED" },
    select: { id: true },
  }))
    await db.meeting.update({
      where: { id },
      data: { approvedResolutions: await snapshotResolutions(db, id) },
    });

  console.log(
    `[seed] ${units.length} units, ${resolutionCount} resolutions, ${users.length} users in ${Date.now() - started} ms`,
  );
}

await main();
