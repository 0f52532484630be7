// Server-safe: a page shows one after a redirect (?decided=…), a form after its action.

/**
 * The short confirmation after an action. The live region is always there, so a message that
 * appears in it is announced (a region inserted together with its text often is not); it stays
 * where the action happened and until the next one: nothing vanishes before it is read.
 */
export function Toast({ message, className }: { message?: React.ReactNode; className?: string }) {
  return (
    // Empty, it takes no room (sr-only) but stays in the accessibility tree.
    <div role="status" aria-live="polite" aria-atomic="true" className={message ? className : "sr-only"}>
      {message ? <p className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900">{message}</p> : null}
    </div>
  );
}
