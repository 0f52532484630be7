"use client";

import { useFormStatus } from "react-dom";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Spinner } from "@/components/ui/icons";

type Props = Omit<React.ComponentProps<"button">, "type" | "children"> & { children: React.ReactNode; pending: string; variant?: ButtonVariant };

/**
 * A submit button that says what is happening while its form's action runs. While pending it is
 * aria-disabled, not disabled, so it keeps the focus; a click (or Enter in a field, which clicks
 * the default button) is cancelled, so the form is sent once.
 */
export function SubmitButton({ children, pending: pendingLabel, variant = "primary", onClick, ...props }: Props) {
  const { pending } = useFormStatus();
  return (
    <Button
      {...props}
      type="submit"
      variant={variant}
      aria-disabled={pending || undefined}
      aria-busy={pending || undefined}
      onClick={(event) => {
        if (pending) event.preventDefault();
        else onClick?.(event);
      }}
    >
      {pending ? (
        <>
          <Spinner />
          {pendingLabel}
        </>
      ) : (
        children
      )}
    </Button>
  );
}
