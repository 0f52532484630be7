"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { signInErrorText } from "@/lib/actions/sign-in";
import { buttonClass } from "@/components/ui/button";

type Texts = { email: string; password: string; submit: string; pending: string; failed: string };

/**
 * `error`: the message for a sign-in error next-auth reported in the address (?error=).
 * Without JavaScript the form is posted to next-auth as it is, with `csrfToken` (from next-auth's
 * cookie) and the return path; next-auth answers with a redirect, to the return path or back to
 * /login with ?error=. With JavaScript, signIn() posts it and the messages appear in place.
 * `texts`: the labels in the page's language (`language`), in which the server also says the
 * sign-in errors (signInErrorText); `failed` is said when even that cannot be asked.
 */
export function LoginForm({
  returnTo,
  email,
  error: initialError,
  language,
  csrfToken,
  texts,
}: {
  returnTo: string;
  email?: string;
  error?: string;
  language: string;
  csrfToken: string;
  texts: Texts;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError ?? null);
  const [pending, startTransition] = useTransition();
  const errorRef = useRef<HTMLParagraphElement>(null);

  // Move focus to the message once it is on screen, so keyboard and screen reader users meet it.
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  function submit(form: HTMLFormElement) {
    const formData = new FormData(form);
    setError(null);
    startTransition(async () => {
      // next-auth 4 has no server-side signIn: the credentials are posted from here.
      const result = await signIn("credentials", {
        redirect: false,
        email: String(formData.get("email") ?? ""),
        password: String(formData.get("password") ?? ""),
      });
      if (result?.ok && !result.error) {
        router.replace(returnTo);
        router.refresh();
        return;
      }
      setError(await signInErrorText(result?.error ?? "", language).catch(() => texts.failed));
      // As a form action did: the fields start again empty.
      form.reset();
    });
  }

  return (
    <form
      method="post"
      action="/api/auth/callback/credentials"
      onSubmit={(event) => {
        event.preventDefault();
        submit(event.currentTarget);
      }}
      className="mt-6 space-y-4"
      noValidate
    >
      <input type="hidden" name="csrfToken" value={csrfToken} />
      <input type="hidden" name="callbackUrl" value={returnTo} />
      {error ? (
        <p ref={errorRef} tabIndex={-1} role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-800">
          {error}
        </p>
      ) : null}
      <div>
        <label htmlFor="email" className="block font-medium">
          {texts.email}
        </label>
        <input id="email" name="email" type="email" autoComplete="username" defaultValue={email} required className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2" />
      </div>
      <div>
        <label htmlFor="password" className="block font-medium">
          {texts.password}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        aria-disabled={pending}
        className={buttonClass("primary", { className: "w-full justify-center" })}
      >
        {pending ? texts.pending : texts.submit}
      </button>
    </form>
  );
}
