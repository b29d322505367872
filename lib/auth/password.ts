import "server-only";
import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (19 MiB, t=2), OWASP's recommended minimum.
export const hashPassword = (password: string) => hash(password);

// Verifying against a fixed hash when the user does not exist keeps response times alike,
// so timing does not reveal which e-mail addresses have accounts.
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$aXVUHpK+nwY/eSEQ8KPggw$XR6tOJwktzjBZ4qu6CbSeErFvB0GTUgjxM4vaL0I7TE";

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    const ok = await verify(passwordHash ?? DUMMY_HASH, password);
    return ok && passwordHash !== null;
  } catch {
    return false;
  }
}
