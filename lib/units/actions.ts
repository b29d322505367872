"use server";
import { field, formAction } from "@/lib/action";
import { archiveUnit, changeUnitStatus, createUnit, updateUnit } from "./mutations";
import { confirmImport, previewImport, type ImportState } from "./import";

export const createUnitAction = formAction(
  ({ user, t }, form) => createUnit(user, Object.fromEntries(form), t),
  {
    revalidate: ["/units"],
    redirect: (_form, result) =>
      result.id ? { to: `/units/${result.id}`, flash: { key: "units.created" } } : null,
  },
);

export const updateUnitAction = formAction(
  ({ user, t }, form) => updateUnit(user, Object.fromEntries(form), t),
  {
    revalidate: ["/units"],
    redirect: (form) => ({ to: `/units/${field(form, "id")}`, flash: { key: "units.updated" } }),
  },
);

export const archiveUnitAction = formAction(({ user, t }, form) => archiveUnit(user, field(form, "id"), t), {
  revalidate: ["/units"],
  redirect: () => ({ to: "/units", flash: { key: "units.archived" } }),
  echo: false,
});

export const changeUnitStatusAction = formAction(
  ({ user, t }, form) => changeUnitStatus(user, Object.fromEntries(form), t),
  { revalidate: (form) => [`/units/${field(form, "id")}`] },
);

export const previewImportAction = formAction<ImportState>(
  ({ user, t, locale }, form) => {
    const file = form.get("file");
    return previewImport(user, file instanceof File ? file : null, t, locale);
  },
  { echo: false },
);

export const confirmImportAction = formAction<ImportState>(
  ({ user, t, locale }, form) => confirmImport(user, field(form, "payload"), t, locale),
  { revalidate: ["/units", "/obstacles"], echo: false },
);
