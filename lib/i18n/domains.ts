// Each domain's UI strings. A domain's lib/<domain>/messages.ts is
//   const fa = { <domain>: { … } };  const en: typeof fa = { … };  export default { fa, en };
// so a missing English string fails to compile. Add one spread per domain to each side.
import units from "@/lib/units/messages";
import obstacles from "@/lib/obstacles/messages";
import agencies from "@/lib/agencies/messages";

export const domainMessages = {
  fa: { ...units.fa, ...obstacles.fa, ...agencies.fa },
  en: { ...units.en, ...obstacles.en, ...agencies.en },
};
