"use client";

import { useId, useRef } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";

export type Confirmation = {
  /** The question, naming what is at stake: "Disable Eddie Editor (eddie@example.org)?" */
  title: string;
  /** What follows from saying yes. */
  description?: string;
  /** The confirming button says what it does: "Disable Eddie Editor", never "OK". */
  confirm: string;
  /** The button that sends nothing, in the page's language ("Cancel" unless given). */
  cancel?: string;
  variant?: ButtonVariant;
};

type Props = Omit<React.ComponentProps<"form">, "onSubmit"> & { confirmation: Confirmation; onConfirmed?: () => void };

/**
 * A form whose submission is confirmed first in a modal <dialog>: focus moves to its Cancel
 * button, Escape or Cancel closes it with nothing sent, and focus goes back to the button that
 * opened it. The confirming button submits this same form (the dialog sits inside it), so the
 * form's action, hidden fields and pending state are unchanged. Without JavaScript the form
 * submits directly, as it did before with window.confirm.
 */
export function ConfirmForm({ confirmation, onConfirmed, children, ...form }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const trigger = useRef<HTMLElement | null>(null);
  const id = useId();
  return (
    <form
      {...form}
      onSubmit={(event) => {
        const submitter = (event.nativeEvent as SubmitEvent).submitter;
        if (submitter && submitter === confirmButton.current) {
          dialog.current?.close();
          onConfirmed?.();
          return;
        }
        event.preventDefault();
        trigger.current = submitter ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
        dialog.current?.showModal();
        cancelButton.current?.focus();
      }}
    >
      {children}
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={confirmation.description ? `${id}-description` : undefined}
        onClose={() => trigger.current?.focus()}
        className="m-auto w-full max-w-md rounded-lg border border-slate-300 bg-white p-6 text-base text-slate-900 shadow-xl backdrop:bg-slate-950/50"
      >
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {confirmation.title}
        </h2>
        {confirmation.description ? (
          <p id={`${id}-description`} className="mt-2 text-slate-700">
            {confirmation.description}
          </p>
        ) : null}
        <div className="mt-6 flex flex-wrap justify-end gap-3">
          <Button ref={cancelButton} variant="secondary" onClick={() => dialog.current?.close()}>
            {confirmation.cancel ?? "Cancel"}
          </Button>
          <Button ref={confirmButton} type="submit" variant={confirmation.variant ?? "danger"}>
            {confirmation.confirm}
          </Button>
        </div>
      </dialog>
    </form>
  );
}
