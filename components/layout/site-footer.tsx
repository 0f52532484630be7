export function SiteFooter({ text = "PROVA: organisations across Europe working to prevent radicalisation and violent extremism." }: { text?: string }) {
  return (
    <footer className="mt-16 border-t border-slate-200 py-8 text-sm text-slate-600">
      <div className="mx-auto max-w-5xl px-4">{text}</div>
    </footer>
  );
}
