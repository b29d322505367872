"use server";
import { field, formAction } from "@/lib/action";
import { chosenFiles } from "@/lib/attachments/store";
import { addObstacleAttachments, changeObstacleStatus, createObstacle } from "./mutations";

const unitPages = (form: FormData) => ["/obstacles", `/units/${field(form, "unitId")}`];

export const createObstacleAction = formAction(
  ({ user, t }, form) =>
    createObstacle(
      user,
      { ...Object.fromEntries(form), agencyIds: form.getAll("agencyIds").map(String) },
      chosenFiles(form.getAll("files")),
      t,
    ),
  {
    revalidate: unitPages,
    redirect: (form) => ({ to: `/units/${field(form, "unitId")}`, flash: { key: "obstacles.created" } }),
    echo: { omit: ["files"], multi: ["agencyIds"] },
  },
);

export const changeObstacleStatusAction = formAction(
  ({ user, t }, form) => changeObstacleStatus(user, Object.fromEntries(form), t),
  { revalidate: unitPages, echo: false },
);

export const addObstacleAttachmentsAction = formAction(
  ({ user, t }, form) =>
    addObstacleAttachments(user, field(form, "obstacleId"), chosenFiles(form.getAll("files")), t),
  { revalidate: (form) => [`/units/${field(form, "unitId")}`], echo: false },
);
