import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { clientAddress } from "./client-address";
import { authorizeSignIn } from "./credentials";
import { authorizeApplicantCode } from "@/lib/applicants/codes";
import { endAllSessions } from "./session-version";
import { idleTimeoutSeconds, nowSeconds, type SessionClaims } from "./session-config";

// Sessions are signed JWTs holding the user id, the user's session version and the sign-in
// time (docs/decisions/002-auth.md, 050-sessions-and-sign-in-throttling.md). The user, their
// roles, whether they are still active and whether the version still matches are read from
// the database on each use (getCurrentUser). The token expires after the idle timeout;
// proxy.ts pushes the expiry forward while the user keeps working.
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: idleTimeoutSeconds() },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      authorize: (raw, request) => authorizeSignIn(raw, clientAddress(request.headers)),
    }),
    // A unit's applicant signs in with a one-time code sent to their e-mail or mobile, never a
    // password (issue #32); only APPLICANT accounts are let in this way (lib/applicants/codes.ts).
    Credentials({
      id: "applicant-code",
      credentials: { address: {}, code: {} },
      authorize: (raw, request) => authorizeApplicantCode(raw, clientAddress(request.headers)),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        const claims: SessionClaims = {
          sv: (user as { sessionVersion?: number }).sessionVersion ?? 0,
          authTime: nowSeconds(),
        };
        Object.assign(token, { sub: user.id }, claims);
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      const { sv, authTime } = token as SessionClaims;
      // The live stream ends when the token it was opened with would (lib/live/stream.ts).
      const idleUntil = typeof token.exp === "number" ? token.exp : undefined;
      return Object.assign(session, { sv, authTime, idleUntil } satisfies SessionClaims);
    },
  },
  events: {
    // Signing out ends every session of the user, so a cookie copied before sign-out (another
    // tab, another machine, a stolen copy) is refused from then on.
    async signOut(message) {
      const sub = "token" in message ? message.token?.sub : undefined;
      if (sub) await endAllSessions(sub, "auth.signOut");
    },
  },
});
