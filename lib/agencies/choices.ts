// The agency picker's options (components/ui/agency-combobox.tsx): who is listed under which
// heading. Pure, so pages build it from what they already loaded and tests can call it.
import type { AgencyKind } from "@/lib/generated/prisma/enums";
import { localName } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";

export type AgencyForChoice = { id: string; nameFa: string; nameEn: string; kind: AgencyKind };

const KIND_ORDER: readonly AgencyKind[] = ["GOVERNMENT", "BANK", "COMPANY", "OTHER"];

/**
 * Members of the body and the agencies named in the case come first, as their own groups
 * (the agency a resolution names is almost always one of them); the rest follow grouped by
 * kind. An agency is listed once, in the first group it belongs to.
 */
export function agencyChoices(
  agencies: readonly AgencyForChoice[],
  { members = [], caseAgencies = [] }: { members?: readonly string[]; caseAgencies?: readonly string[] },
  t: Translate,
  locale: Locale,
) {
  const memberSet = new Set(members);
  const caseSet = new Set(caseAgencies);
  const kindLabel = (kind: AgencyKind) => t(`agencyKind.${kind}`);
  const groupOf = (a: AgencyForChoice) =>
    caseSet.has(a.id)
      ? t("agencies.picker.caseAgencies")
      : memberSet.has(a.id)
        ? t("agencies.picker.members")
        : kindLabel(a.kind);
  const choices = agencies.map((a) => ({
    id: a.id,
    name: localName(a, locale),
    group: groupOf(a),
  }));
  const groupOrder = [
    t("agencies.picker.caseAgencies"),
    t("agencies.picker.members"),
    ...KIND_ORDER.map(kindLabel),
  ];
  return { choices, groupOrder };
}

/** The picker's fixed strings, so every page passes the same words. */
export function agencyPickerText(t: Translate) {
  return {
    placeholder: t("agencies.picker.placeholder"),
    noMatch: t("agencies.picker.noMatch"),
  };
}
