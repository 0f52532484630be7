// Inline icons: a few paths are cheaper than an icon library on pages that ship no JavaScript.
export function ExternalLinkIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="ml-1 inline h-3.5 w-3.5 align-baseline" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="M15 3h6v6M10 14 21 3M18 13v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h6" />
    </svg>
  );
}
