import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { revokeSession, signInWithPassword } from "@/lib/data/sessions";
import { appUrl } from "@/lib/env";

const credentialsSchema = z.object({ email: z.string().max(320), password: z.string().max(1000) });

/** Secure cookies (with the __Secure- prefix) whenever the site is served over https. */
const secure = () => appUrl().startsWith("https://");

export function authOptions(): NextAuthOptions {
  return {
    // Credentials sign-in requires JWT sessions; the JWT carries only the session row's id, and
    // every request checks that row (lib/auth/session.ts).
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    useSecureCookies: secure(),
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "E-mail and password",
        credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const session = await signInWithPassword(parsed.data.email, parsed.data.password);
          return session ? { id: session.user.id, email: session.user.email, name: session.user.name, sessionId: session.id } : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sid = (user as { sessionId?: string }).sessionId;
        return token;
      },
      session({ session, token }) {
        return { ...session, sid: token.sid as string | undefined };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await revokeSession(token.sid);
      },
    },
  };
}
