// Strings of large exports: the export links' CSV choice, the page that shows background
// exports and their progress, and the message sent when one is ready.
const fa = {
  exports: {
    title: "فایل‌های خروجی",
    nav: "فایل‌های خروجی",
    intro:
      "خروجی‌های بزرگ در پس‌زمینه آماده می‌شوند. پیشرفت کار اینجا نمایش داده می‌شود و وقتی فایل آماده شد، پیامی با پیوند دریافت برایتان فرستاده می‌شود.",
    empty: "هنوز خروجی بزرگی درخواست نکرده‌اید.",
    csv: "خروجی CSV",
    kind: {
      resolutions: "دفتر مصوبات",
      units: "واحدهای تولیدی",
      obstacles: "موانع",
    },
    col: {
      export: "خروجی",
      requestedAt: "زمان درخواست",
      state: "وضعیت",
      progress: "پیشرفت",
      file: "فایل",
    },
    status: {
      QUEUED: "در صف",
      RUNNING: "در حال آماده‌سازی",
      READY: "آماده",
      FAILED: "ناموفق",
      EXPIRED: "منقضی شده",
    },
    rows: "{done} از {total} ردیف",
    progressLabel: "پیشرفت آماده‌سازی {name}",
    download: "دریافت {name}",
    expiresAt: "قابل دریافت تا {date}",
    expired: "مهلت دریافت این فایل گذشته است. خروجی را دوباره درخواست کنید.",
    notFound: "این فایل پیدا نشد.",
    failed: "آماده‌سازی این خروجی ناموفق بود. دوباره درخواست کنید.",
    mail: {
      readySubject: "فایل خروجی آماده است: {name}",
      readyBody:
        "فایل خروجی «{name}» ({rows} ردیف) آماده است و تا {date} قابل دریافت است.\n\nدریافت فایل: {url}",
    },
  },
};

const en: typeof fa = {
  exports: {
    title: "Export files",
    nav: "Export files",
    intro:
      "Large exports are prepared in the background. Their progress shows here, and when a file is ready you get a message with a link to download it.",
    empty: "You have not asked for a large export yet.",
    csv: "Export to CSV",
    kind: {
      resolutions: "Resolution register",
      units: "Production units",
      obstacles: "Obstacles",
    },
    col: {
      export: "Export",
      requestedAt: "Requested",
      state: "State",
      progress: "Progress",
      file: "File",
    },
    status: {
      QUEUED: "Queued",
      RUNNING: "Being prepared",
      READY: "Ready",
      FAILED: "Failed",
      EXPIRED: "Expired",
    },
    rows: "{done} of {total} rows",
    progressLabel: "Progress of {name}",
    download: "Download {name}",
    expiresAt: "Available until {date}",
    expired: "This file is no longer available. Ask for the export again.",
    notFound: "This file was not found.",
    failed: "This export could not be prepared. Ask for it again.",
    mail: {
      readySubject: "Your export is ready: {name}",
      readyBody:
        "The export “{name}” ({rows} rows) is ready and can be downloaded until {date}.\n\nDownload: {url}",
    },
  },
};

export default { fa, en };
