"use client";

import { usePathname } from "next/navigation";
import { useActionState, useId } from "react";
import { initialFormState, type FormState } from "@/lib/forms/form-state";

/**
 * The one way a form holds its server action's outcome: useActionState with a permalink, this
 * page's address with an anchor of the form's own. React otherwise writes the form's HTML
 * `action` empty, which HTML forbids; and a form sent before the page's JavaScript runs comes back
 * to this page with its outcome at this form (the anchor keeps two forms of one page apart).
 */
export function useFormAction<Data>(action: (state: FormState<Data>, data: FormData) => Promise<FormState<Data>>) {
  const permalink = `${usePathname()}#form${useId().replace(/[^\w-]/g, "")}`;
  return useActionState(action, initialFormState as FormState<Data>, permalink);
}
