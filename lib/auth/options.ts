import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { clientAddressOf } from "@/lib/auth/client-address";
import { disabledError, throttledError } from "@/lib/auth/errors";
import { safeReturnPath } from "@/lib/auth/redirect";
import { recordAudit } from "@/lib/data/audit";
import { beginSignInAttempt, finishSignInAttempt } from "@/lib/data/login-attempts";
import { attemptPasswordSignIn, revokeSession } from "@/lib/data/sessions";
import { appUrl, serverEnv } from "@/lib/env";

const credentialsSchema = z.object({ email: z.string().max(320), password: z.string().max(1000) });

/** Secure cookies (with the __Secure- prefix) whenever the site is served over https. */
const secure = () => appUrl().startsWith("https://");

export function authOptions(): NextAuthOptions {
  return {
    // Credentials sign-in requires JWT sessions; the JWT carries only the session row's id, and
    // every request checks that row (lib/auth/session.ts).
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    useSecureCookies: secure(),
    // Sign-in errors (a wrong password, "throttled:<minutes>", "disabled") are shown on the sign-in page.
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "E-mail and password",
        credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const { email, password } = parsed.data;
          const env = serverEnv();
          const address = clientAddressOf(request?.headers);
          const settings = { maxFailures: env.LOGIN_MAX_FAILURES, windowMinutes: env.LOGIN_WINDOW_MINUTES };
          const started = await beginSignInAttempt(email, address, settings);
          if ("retryAt" in started) {
            await recordAudit({ action: "sign-in.throttled", subject: email.toLowerCase(), address });
            // The message reaches the form (signIn's `error`), which says how long to wait.
            throw new Error(throttledError(started.retryAt));
          }
          const { attempt } = started;
          const outcome = await attemptPasswordSignIn(email, password);
          const session = "session" in outcome ? outcome.session : null;
          const disabled = "refused" in outcome && outcome.refused === "disabled";
          // A disabled account's right password still counts as a failure for throttling.
          await finishSignInAttempt(attempt, Boolean(session));
          await recordAudit({
            action: session ? "sign-in.success" : "sign-in.failure",
            actorId: session?.user.id,
            subject: email.toLowerCase(),
            address,
            details: disabled ? { reason: "disabled" } : undefined,
          });
          // As with throttling, the error's message reaches the form, which says to ask an administrator.
          if (disabled) throw new Error(disabledError);
          return session ? { id: session.user.id, email: session.user.email, name: session.user.name, sessionId: session.id } : null;
        },
      }),
    ],
    callbacks: {
      // Where next-auth sends the browser after signing in or out: a path on this site, no other.
      redirect({ url, baseUrl }) {
        const path = url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url;
        return baseUrl + safeReturnPath(path);
      },
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
        await recordAudit({ action: "sign-out", actorId: typeof token?.sub === "string" ? token.sub : null });
      },
    },
  };
}
