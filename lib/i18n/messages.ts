// UI strings. Persian is the source; English must have every key (the type enforces it).
// Validation schemas use message keys, so the server's one schema per form answers in the
// user's language (decision 123: no validation in the browser). Each domain keeps its own strings in lib/<domain>/messages.ts,
// gathered in ./domains.ts.
import { domainMessages } from "./domains";
import { CATALOGUE_LOCALE, createTranslator, type Catalogue, type Plural } from "./translate";

const fa = {
  ...domainMessages.fa,
  app: {
    name: "تسهیل",
    fullName: "سامانه کارگروه تسهیل و رفع موانع تولید",
    skipToContent: "پرش به محتوا",
  },
  nav: {
    home: "خانه",
    dashboard: "داشبورد",
    chair: "میز رئیس کارگروه",
    units: "واحدهای تولیدی",
    obstacles: "موانع",
    meetings: "جلسات",
    resolutions: "مصوبات",
    agency: "کارتابل دستگاه",
    reports: "گزارش‌ها",
    admin: "مدیریت سامانه",
    signOut: "خروج",
    language: "English",
    languageLabel: "تغییر زبان به انگلیسی",
    mainMenu: "منوی اصلی",
    signedInAs: "کاربر: {name}",
  },
  roles: {
    ADMIN: "مدیر سامانه",
    SECRETARIAT: "دبیرخانه",
    CHAIR: "رئیس کارگروه",
    AGENCY: "دستگاه اجرایی",
    MEMBER: "عضو",
    APPLICANT: "متقاضی واحد تولیدی",
  },
  login: {
    title: "ورود به سامانه",
    email: "ایمیل",
    password: "گذرواژه",
    submit: "ورود",
    submitting: "در حال ورود…",
    invalid: "ایمیل یا گذرواژه نادرست است.",
    throttled: "تلاش‌های ناموفق زیادی انجام شده است. لطفاً چند دقیقه دیگر دوباره تلاش کنید.",
    intro: "سامانه پیگیری موانع واحدهای تولیدی و مصوبات کارگروه",
  },
  validation: {
    required: "این فیلد الزامی است.",
    email: "ایمیل معتبر وارد کنید.",
    mobile: "شماره تلفن همراه معتبر وارد کنید، مانند ۰۹۱۲۳۴۵۶۷۸۹.",
    passwordMin: "گذرواژه باید دست‌کم ۱۰ نویسه باشد.",
    nameMin: "نام را وارد کنید.",
    rolesMin: "دست‌کم یک نقش انتخاب کنید.",
    agencyRequired: "کاربر دستگاه اجرایی باید به یک دستگاه وابسته باشد.",
    agencyOnlyForAgencyRole: "دستگاه فقط برای نقش «دستگاه اجرایی» تعیین می‌شود.",
    emailTaken: "این ایمیل قبلاً ثبت شده است.",
    invalidInput: "اطلاعات وارد شده معتبر نیست. موارد مشخص‌شده را اصلاح کنید.",
    tooLong: "متن طولانی‌تر از حد مجاز است.",
    passwordCommon: "این گذرواژه در فهرست گذرواژه‌های رایج است؛ گذرواژه دیگری برگزینید.",
    passwordLikeEmail: "گذرواژه نباید ایمیل یا بخشی از آن باشد.",
    passwordMismatch: "تکرار گذرواژه با آن یکسان نیست.",
    passwordWrong: "گذرواژه فعلی نادرست است.",
    passwordSame: "گذرواژه تازه باید با گذرواژه فعلی فرق داشته باشد.",
  },
  account: {
    changePassword: "تغییر گذرواژه",
    mustChange: "مدیر سامانه برای شما گذرواژه موقت تعیین کرده است. پیش از ادامه، گذرواژه تازه‌ای برگزینید.",
    currentPassword: "گذرواژه فعلی",
    newPassword: "گذرواژه تازه",
    confirmPassword: "تکرار گذرواژه تازه",
    passwordHint:
      "دست‌کم ۱۰ نویسه؛ گذرواژه‌های رایج پذیرفته نمی‌شوند. با تغییر گذرواژه، از همه دستگاه‌های دیگر خارج می‌شوید.",
    passwordChanged: "گذرواژه تغییر کرد.",
  },
  errors: {
    forbiddenTitle: "دسترسی مجاز نیست",
    forbidden: "شما اجازه دسترسی به این بخش را ندارید.",
    notFoundTitle: "صفحه پیدا نشد",
    notFound: "صفحه‌ای که دنبال آن هستید وجود ندارد.",
    unexpected: "خطای پیش‌بینی‌نشده‌ای رخ داد. دوباره تلاش کنید.",
    unexpectedReference:
      "خطای پیش‌بینی‌نشده‌ای رخ داد. دوباره تلاش کنید. اگر تکرار شد، این کد را به پشتیبانی بدهید: {reference}",
    reference: "کد پیگیری خطا: {reference}",
    backHome: "بازگشت به خانه",
    retry: "تلاش دوباره",
    notFoundRecord: "این مورد پیدا نشد.",
    conflict:
      "این مورد را کاربر دیگری هم‌زمان تغییر داده است؛ تغییر شما ذخیره نشد. صفحه را دوباره بارگذاری کنید و تغییر را دوباره اعمال کنید.",
    tooLarge: "حجم درخواست بیش از حد مجاز (۳۰ مگابایت) است. فایل‌های کوچک‌تر یا کمتری بفرستید.",
    badRequest: "درخواست نامعتبر است. صفحه را دوباره بارگذاری کنید و دوباره تلاش کنید.",
    unauthenticated: "برای این کار ابتدا وارد سامانه شوید.",
    serviceUnavailable: "سامانه موقتاً در دسترس نیست و چیزی ذخیره نشد. چند لحظه بعد دوباره تلاش کنید.",
    foreignOrigin:
      "این درخواست از نشانی دیگری فرستاده شده بود و انجام نشد. صفحه را از نشانی خود سامانه باز کنید.",
    outagePage: "سامانه موقتاً در دسترس نیست. چند لحظه بعد دوباره تلاش کنید.",
    duplicateSubmission: "این فرم پیش‌تر ثبت شده بود؛ دوباره ثبت نشد.",
  },
  common: {
    typeToSearch: "همه؛ برای جستجو بنویسید",
    noMatch: "چیزی با این نام پیدا نشد.",
    save: "ذخیره",
    saving: "در حال ذخیره…",
    saved: "ذخیره شد.",
    cancel: "انصراف",
    edit: "ویرایش",
    create: "ایجاد",
    actions: "عملیات",
    yes: "بله",
    no: "خیر",
    none: "—",
    loading: "در حال بارگذاری…",
    search: "جستجو",
    previous: "قبلی",
    next: "بعدی",
    page: "صفحه {page} از {pages}",
    total: { one: "{count} مورد", other: "{count} مورد" },
    confirm: "تأیید",
    close: "بستن",
    days: { one: "{count} روز", other: "{count} روز" },
    chooseFiles: "انتخاب فایل",
    noFileChosen: "فایلی انتخاب نشده",
    chosenFiles: "فایل‌های انتخاب‌شده",
    noResults: "نتیجه‌ای یافت نشد",
    menu: "منو",
  },
  home: {
    welcome: "خوش آمدید، {name}",
    openResolutions: "مصوبات باز",
    overdue: "مصوبات معوق",
    dueSoon: "سررسید تا ۷ روز آینده",
    verifiedThisMonth: "تأییدشده در این ماه",
    units: "واحدهای تولیدی",
    openObstacles: "موانع باز",
    nextMeeting: "جلسه بعدی",
    lastMeeting: "آخرین جلسه",
    noMeeting: "جلسه‌ای برنامه‌ریزی نشده است.",
    overdueList: "مصوبات معوق",
    noOverdue: "مصوبه معوقی وجود ندارد.",
    agencyInbox: "مصوبات دستگاه شما",
    agencyEmpty: "مصوبه‌ای به دستگاه شما ارجاع نشده است.",
    daysLate: { one: "{count} روز تأخیر", other: "{count} روز تأخیر" },
    daysLeft: { one: "{count} روز مانده", other: "{count} روز مانده" },
    dueToday: "سررسید امروز",
    recentResolutions: "مصوبات اخیر",
    memberIntro: "فهرست مصوبات کارگروه و وضعیت اجرای آن‌ها",
  },
  meeting: {
    title: "جلسه {ordinal} {body} در سال {year}",
    WORKING_GROUP: "کارگروه تسهیل و رفع موانع تولید",
    COMMITTEE: "کمیته تخصصی",
  },
  resolution: {
    text: "متن مصوبه",
    unit: "واحد تولیدی",
    agency: "دستگاه مسئول",
    deadline: "مهلت",
    status: "وضعیت",
    meeting: "جلسه",
    overdue: "معوق",
  },
  resolutionStatus: {
    ISSUED: "ابلاغ‌شده",
    IN_PROGRESS: "در حال اجرا",
    DONE_REPORTED: "اعلام انجام",
    VERIFIED: "تأییدشده",
    CANCELLED: "لغوشده",
  },
  admin: {
    title: "مدیریت سامانه",
    users: "کاربران",
    newUser: "کاربر جدید",
    editUser: "ویرایش کاربر",
    name: "نام و نام خانوادگی",
    email: "ایمیل",
    password: "گذرواژه",
    passwordHint: "دست‌کم ۱۰ نویسه. برای حفظ گذرواژه فعلی خالی بگذارید.",
    newPasswordHint: "دست‌کم ۱۰ نویسه.",
    roles: "نقش‌ها",
    agency: "دستگاه",
    noAgency: "— بدون دستگاه —",
    province: "استان",
    allProvinces: "همه استان‌ها (ناظر ملی)",
    status: "وضعیت",
    active: "فعال",
    inactive: "غیرفعال",
    deactivate: "غیرفعال کردن",
    activate: "فعال کردن",
    confirmDeactivate: "کاربر «{name}» غیرفعال شود؟ او دیگر نمی‌تواند وارد سامانه شود.",
    created: "کاربر ایجاد شد.",
    updated: "تغییرات ذخیره شد.",
    deactivated: "کاربر غیرفعال شد.",
    activated: "کاربر فعال شد.",
    cannotDeactivateSelf: "نمی‌توانید حساب خودتان را غیرفعال کنید.",
    noUsers: "کاربری یافت نشد.",
    searchUsers: "جستجوی نام یا ایمیل",
    lastLogin: "آخرین ورود",
    never: "هرگز",
    // npm run admin:create (scripts/admin-create.ts), in a terminal.
    cli: {
      intro: "ساختن مدیر سامانه با دسترسی به همه استان‌ها. گذرواژه هنگام نوشتن نمایش داده نمی‌شود.",
      email: "ایمیل: ",
      name: "نام و نام خانوادگی: ",
      password: "گذرواژه (دست‌کم ۱۰ نویسه): ",
      confirm: "تکرار گذرواژه: ",
      mismatch: "دو گذرواژه یکی نیستند؛ کاربری ساخته نشد.",
      emailTaken: "کاربری با ایمیل {email} از پیش وجود دارد؛ کاربری ساخته نشد.",
      refused: "کاربری ساخته نشد:",
      created: "مدیر سامانه با ایمیل {email} ساخته شد و می‌تواند با همین ایمیل و گذرواژه وارد شود.",
      noInput: "ورودی پیش از پایان پرسش‌ها تمام شد؛ کاربری ساخته نشد.",
    },
  },
  health: {
    ok: "سامانه و پایگاه داده در دسترس است.",
    dbDown: "پایگاه داده در دسترس نیست.",
  },
};

export type Messages = typeof fa;

const en: Messages = {
  ...domainMessages.en,
  app: {
    name: "Tashil",
    fullName: "Working Group for Facilitating Production and Removing Obstacles",
    skipToContent: "Skip to content",
  },
  nav: {
    home: "Home",
    dashboard: "Dashboard",
    chair: "Chair's desk",
    units: "Production units",
    obstacles: "Obstacles",
    meetings: "Sessions",
    resolutions: "Resolutions",
    agency: "Agency inbox",
    reports: "Reports",
    admin: "Administration",
    signOut: "Sign out",
    language: "فارسی",
    languageLabel: "Switch language to Persian",
    mainMenu: "Main menu",
    signedInAs: "Signed in as {name}",
  },
  roles: {
    ADMIN: "Administrator",
    SECRETARIAT: "Secretariat",
    CHAIR: "Chair",
    AGENCY: "Executive agency",
    MEMBER: "Member",
    APPLICANT: "Unit applicant",
  },
  login: {
    title: "Sign in",
    email: "E-mail",
    password: "Password",
    submit: "Sign in",
    submitting: "Signing in…",
    invalid: "The e-mail or password is incorrect.",
    throttled: "Too many failed attempts. Please try again in a few minutes.",
    intro: "Tracking production units' obstacles and the working group's resolutions",
  },
  validation: {
    required: "This field is required.",
    email: "Enter a valid e-mail address.",
    mobile: "Enter a valid Iranian mobile number, e.g. 09123456789.",
    passwordMin: "The password must be at least 10 characters.",
    nameMin: "Enter a name.",
    rolesMin: "Choose at least one role.",
    agencyRequired: "An agency user must belong to an agency.",
    agencyOnlyForAgencyRole: "An agency is set only for the “Executive agency” role.",
    emailTaken: "This e-mail is already registered.",
    invalidInput: "Some of the information is not valid. Correct the marked fields.",
    tooLong: "The text is longer than allowed.",
    passwordCommon: "This password is on the list of common passwords; choose another.",
    passwordLikeEmail: "The password must not be the e-mail address or part of it.",
    passwordMismatch: "The repeated password does not match.",
    passwordWrong: "The current password is not correct.",
    passwordSame: "The new password must differ from the current one.",
  },
  account: {
    changePassword: "Change password",
    mustChange:
      "An administrator set a temporary password for you. Choose a new password before you continue.",
    currentPassword: "Current password",
    newPassword: "New password",
    confirmPassword: "Repeat the new password",
    passwordHint:
      "At least 10 characters; common passwords are refused. Changing it signs you out on every other device.",
    passwordChanged: "Password changed.",
  },
  errors: {
    forbiddenTitle: "Access denied",
    forbidden: "You are not allowed to open this page.",
    notFoundTitle: "Page not found",
    notFound: "The page you are looking for does not exist.",
    unexpected: "Something unexpected went wrong. Please try again.",
    unexpectedReference:
      "Something unexpected went wrong. Please try again; if it happens again, give support this reference: {reference}",
    reference: "Error reference: {reference}",
    backHome: "Back to home",
    retry: "Try again",
    notFoundRecord: "This record was not found.",
    conflict:
      "Someone else changed this record at the same time; your change was not saved. Reload the page and apply your change again.",
    tooLarge: "The request is larger than allowed (30 MB). Send smaller or fewer files.",
    badRequest: "The request is not valid. Reload the page and try again.",
    unauthenticated: "Sign in first.",
    serviceUnavailable:
      "The service is temporarily unavailable; nothing was saved. Please try again in a moment.",
    foreignOrigin:
      "This request was sent from another site and was not carried out. Open the page from Tashil's own address.",
    outagePage: "The service is temporarily unavailable. Please try again in a moment.",
    duplicateSubmission: "This form had already been submitted; it was not saved a second time.",
  },
  common: {
    typeToSearch: "All; type to search",
    noMatch: "Nothing by that name.",
    save: "Save",
    saving: "Saving…",
    saved: "Saved.",
    cancel: "Cancel",
    edit: "Edit",
    create: "Create",
    actions: "Actions",
    yes: "Yes",
    no: "No",
    none: "—",
    loading: "Loading…",
    search: "Search",
    previous: "Previous",
    next: "Next",
    page: "Page {page} of {pages}",
    total: { one: "{count} item", other: "{count} items" },
    confirm: "Confirm",
    close: "Close",
    days: { one: "{count} day", other: "{count} days" },
    chooseFiles: "Choose files",
    noFileChosen: "No file chosen",
    chosenFiles: "Chosen files",
    noResults: "No results",
    menu: "Menu",
  },
  home: {
    welcome: "Welcome, {name}",
    openResolutions: "Open resolutions",
    overdue: "Overdue resolutions",
    dueSoon: "Due within 7 days",
    verifiedThisMonth: "Verified this month",
    units: "Production units",
    openObstacles: "Open obstacles",
    nextMeeting: "Next session",
    lastMeeting: "Last session",
    noMeeting: "No session is planned.",
    overdueList: "Overdue resolutions",
    noOverdue: "No resolution is overdue.",
    agencyInbox: "Your agency's resolutions",
    agencyEmpty: "No resolution is assigned to your agency.",
    daysLate: { one: "{count} day late", other: "{count} days late" },
    daysLeft: { one: "{count} day left", other: "{count} days left" },
    dueToday: "Due today",
    recentResolutions: "Recent resolutions",
    memberIntro: "The working group's resolutions and how far they have been carried out",
  },
  meeting: {
    title: "{body}: {ordinal} session of {year}",
    WORKING_GROUP: "Working group for facilitating production",
    COMMITTEE: "Specialised committee",
  },
  resolution: {
    text: "Resolution",
    unit: "Production unit",
    agency: "Responsible agency",
    deadline: "Deadline",
    status: "Status",
    meeting: "Session",
    overdue: "Overdue",
  },
  resolutionStatus: {
    ISSUED: "Issued",
    IN_PROGRESS: "In progress",
    DONE_REPORTED: "Reported done",
    VERIFIED: "Verified",
    CANCELLED: "Cancelled",
  },
  admin: {
    title: "Administration",
    users: "Users",
    newUser: "New user",
    editUser: "Edit user",
    name: "Full name",
    email: "E-mail",
    password: "Password",
    passwordHint: "At least 10 characters. Leave empty to keep the current password.",
    newPasswordHint: "At least 10 characters.",
    roles: "Roles",
    agency: "Agency",
    noAgency: "— no agency —",
    province: "Province",
    allProvinces: "All provinces (national viewer)",
    status: "Status",
    active: "Active",
    inactive: "Inactive",
    deactivate: "Deactivate",
    activate: "Activate",
    confirmDeactivate: "Deactivate “{name}”? They will no longer be able to sign in.",
    created: "User created.",
    updated: "Changes saved.",
    deactivated: "User deactivated.",
    activated: "User activated.",
    cannotDeactivateSelf: "You cannot deactivate your own account.",
    noUsers: "No users found.",
    searchUsers: "Search name or e-mail",
    lastLogin: "Last sign-in",
    never: "Never",
    cli: {
      intro: "Creates an administrator who can manage every province. The password is not shown as you type.",
      email: "E-mail: ",
      name: "Full name: ",
      password: "Password (at least 10 characters): ",
      confirm: "Password again: ",
      mismatch: "The two passwords differ; nothing was created.",
      emailTaken: "A user with the e-mail {email} already exists; nothing was created.",
      refused: "Nothing was created:",
      created: "Administrator {email} created: they can sign in with this e-mail and password.",
      noInput: "The input ended before every question was answered; nothing was created.",
    },
  },
  health: {
    ok: "The application and its database are reachable.",
    dbDown: "The database is not reachable.",
  },
};

export const messages = { fa, en } as const;
export type Locale = keyof typeof messages;
export const LOCALES: readonly Locale[] = ["fa", "en"];
export const DEFAULT_LOCALE: Locale = "fa";
/** The visitor's language before sign-in (and for answers given before the user is known). */
export const LOCALE_COOKIE = "tashil-locale";
export const isLocale = (v: string | undefined | null): v is Locale => v === "fa" || v === "en";

// A plural message ({ one, other }) is one key: the translator picks the form by `count`.
type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string | Plural ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const translators = { fa: createTranslator(messages.fa, "fa"), en: createTranslator(messages.en, "en") };

/** The whole catalogue of one language: for server code. Client components use useT(). */
export function translator(locale: Locale): Translate {
  return translators[locale];
}

/** A top-level group of strings ("units", "common"): what a client component asks for. */
export type Namespace = keyof Messages;

/** Only the given namespaces of one language, for the browser. */
export function pickMessages(locale: Locale, namespaces: readonly Namespace[]): Catalogue {
  return {
    [CATALOGUE_LOCALE]: locale,
    ...Object.fromEntries(namespaces.map((ns) => [ns, messages[locale][ns]])),
  };
}

export const isMessageKey = (value: string): value is MessageKey =>
  translator("fa")(value as MessageKey) !== value;

export const direction = (locale: Locale) => (locale === "fa" ? "rtl" : "ltr");

/** The language a translator speaks: for numbers in a mutation's answer, which gets only `t`. */
export function localeOf(t: Translate): Locale {
  return (Object.keys(translators) as Locale[]).find((l) => translators[l] === t) ?? "fa";
}
