import { redirect } from "next/navigation";
import { homePath } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";

export default async function Home() {
  redirect(homePath(await requireUser()));
}
