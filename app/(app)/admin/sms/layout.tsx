import { permissionLayout } from "@/lib/page";

// Refuses (403) before the loading skeleton streams.
export default permissionLayout("sms.outbox");
