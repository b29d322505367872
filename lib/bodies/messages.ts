// Strings of the bodies page: the working group, its committee and their members.
const fa = {
  bodies: {
    title: "کارگروه، کمیته و اعضا",
    intro: "دستگاه‌های عضو هر مرجع در حضور و غیاب همه جلسات آن فهرست می‌شوند.",
    nameFa: "نام فارسی",
    nameEn: "نام انگلیسی",
    chair: "رئیس",
    secretary: "دبیر",
    members: "دستگاه‌های عضو",
    membersCount: "{n} دستگاه عضو",
    save: "ذخیره",
    saved: "تغییرات مرجع ذخیره شد.",
    memberInvalid: "دستگاه انتخاب‌شده در این استان نیست.",
    noBodies: "مرجعی برای این استان تعریف نشده است.",
    manage: "کارگروه، کمیته و اعضا",
  },
};

const en: typeof fa = {
  bodies: {
    title: "Working group, committee and members",
    intro: "Each body's member agencies are listed in the attendance of all its sessions.",
    nameFa: "Persian name",
    nameEn: "English name",
    chair: "Chair",
    secretary: "Secretary",
    members: "Member agencies",
    membersCount: "{n} member agencies",
    save: "Save",
    saved: "The body was saved.",
    memberInvalid: "The chosen agency is not of this province.",
    noBodies: "No body is set up for this province.",
    manage: "Working group, committee and members",
  },
};

export default { fa, en };
