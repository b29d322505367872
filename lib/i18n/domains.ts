// Each domain's UI strings. A domain's lib/<domain>/messages.ts is
//   const fa = { <domain>: { … } };  const en: typeof fa = { … };  export default { fa, en };
// so a missing English string fails to compile. Add one spread per domain to each side.
import meetings from "@/lib/meetings/messages";

export const domainMessages = {
  fa: { ...meetings.fa },
  en: { ...meetings.en },
};
