import "server-only";
import { db } from "@/lib/db";
import { authorize, provinceWhere, type Actor } from "@/lib/auth/policy";

/** The province's working group and committee with their members, for the bodies page. */
export async function listBodies(actor: Actor) {
  authorize(actor, "case.read");
  return db.body.findMany({
    where: provinceWhere(actor),
    orderBy: [{ kind: "desc" }, { nameFa: "asc" }],
    select: {
      id: true,
      provinceId: true,
      kind: true,
      nameFa: true,
      nameEn: true,
      chairName: true,
      secretaryName: true,
      version: true,
      members: {
        orderBy: { agency: { nameFa: "asc" } },
        select: { agency: { select: { id: true, nameFa: true, nameEn: true, kind: true } } },
      },
    },
  });
}

/** Every agency of the province a body may count among its members, for the picker. */
export async function listMemberCandidates(actor: Actor) {
  authorize(actor, "case.read");
  return db.agency.findMany({
    where: { ...provinceWhere(actor), active: true },
    orderBy: [{ kind: "asc" }, { nameFa: "asc" }],
    select: { id: true, nameFa: true, nameEn: true, kind: true },
  });
}
