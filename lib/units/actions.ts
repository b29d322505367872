"use server";
import { field, formAction, inputAction } from "@/lib/action";
import { archiveUnit, changeUnitStatus, createUnit, updateUnit } from "./mutations";
import {
  checkImport,
  importNextChunk,
  uploadImport,
  type CheckState,
  type ProgressState,
  type UploadState,
} from "./import";

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

export const uploadImportAction = formAction<UploadState>(
  ({ user, t }, form) => {
    const file = form.get("file");
    return uploadImport(user, file instanceof File ? file : null, t);
  },
  { echo: false },
);

/** The mapping form: one "mapping" select per column, in the sheet's order. */
export const checkImportAction = formAction<CheckState>(
  ({ user, t, locale }, form) =>
    checkImport(
      user,
      {
        batchId: field(form, "batchId"),
        mapping: form.getAll("mapping").map(String),
        remember: field(form, "remember") === "on",
      },
      t,
      locale,
    ),
  { echo: false },
);

/** Called by the page in a loop until `finished`; each call writes one chunk. */
export const importChunkAction = inputAction<{ batchId: string }, ProgressState>(
  ({ user, t, locale }, input) => importNextChunk(user, String(input.batchId), t, locale),
  { revalidate: (_input, result) => (result.finished ? ["/units", "/obstacles"] : []) },
);
