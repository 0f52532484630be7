// Inline icons: a few paths are cheaper than an icon library on pages that ship no JavaScript.
export function ExternalLinkIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="ml-1 inline h-3.5 w-3.5 align-baseline" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="M15 3h6v6M10 14 21 3M18 13v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h6" />
    </svg>
  );
}

/** Turns while something is being saved; the text beside it says what. */
export function Spinner() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4 motion-safe:animate-spin" fill="none" stroke="currentColor" strokeWidth="3">
      <path d="M12 3a9 9 0 1 0 9 9" strokeLinecap="round" />
    </svg>
  );
}
