import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Toast } from "@/components/ui/toast";

describe("ConfirmForm as the server sends it", () => {
  const html = renderToStaticMarkup(
    <ConfirmForm action={async () => {}} confirmation={{ title: "Disable Eddie Editor (eddie@prova.test)?", description: "They are signed out at once.", confirm: "Disable Eddie Editor" }}>
      <button type="submit">Disable</button>
    </ConfirmForm>,
  );

  it("keeps the form's own submit button, so it works without JavaScript; the dialog starts closed", () => {
    expect(html).toMatch(/^<form[^>]*>\s*<button type="submit">Disable<\/button>/);
    expect(html).toMatch(/<dialog(?![^>]*\sopen)[^>]*>/);
  });

  it("names the dialog by its question and describes it; Cancel does not submit, the confirming button does and says what it does", () => {
    const dialog = html.match(/<dialog([^>]*)>/)![1];
    const titleId = dialog.match(/aria-labelledby="([^"]+)"/)![1];
    const descriptionId = dialog.match(/aria-describedby="([^"]+)"/)![1];
    expect(html).toContain(`id="${titleId}" class="text-lg font-semibold">Disable Eddie Editor (eddie@prova.test)?</h2>`);
    expect(html).toContain(`id="${descriptionId}"`);
    expect(html).toMatch(/<button type="button"[^>]*>Cancel<\/button>/);
    expect(html).toMatch(/<button type="submit"[^>]*>Disable Eddie Editor<\/button><\/div><\/dialog><\/form>/);
  });
});

describe("Toast", () => {
  it("is a live region even when empty, taking no room", () => {
    expect(renderToStaticMarkup(<Toast />)).toBe('<div role="status" aria-live="polite" aria-atomic="true" class="sr-only"></div>');
  });

  it("shows its message inside the region", () => {
    expect(renderToStaticMarkup(<Toast message="Saved." className="mt-4" />)).toMatch(/^<div role="status" aria-live="polite" aria-atomic="true" class="mt-4"><p [^>]*>Saved\.<\/p><\/div>$/);
  });
});

describe("DataTable", () => {
  const columns = [
    { header: "Name", cell: (row: { id: string; name: string }) => row.name },
    { header: "Id", cell: (row: { id: string; name: string }) => row.id, className: "break-all" },
  ];

  it("shows the empty state instead of a table with no rows", () => {
    const html = renderToStaticMarkup(<DataTable caption="People" columns={columns} rows={[]} rowKey={(row) => row.id} empty={<EmptyState title="Nobody here." />} />);
    expect(html).not.toContain("<table");
    expect(html).toContain("Nobody here.");
  });

  it("renders a captioned table with column headers and one row per item", () => {
    const html = renderToStaticMarkup(<DataTable caption="People" columns={columns} rows={[{ id: "a1", name: "Ada" }]} rowKey={(row) => row.id} empty={null} />);
    expect(html).toContain('<caption class="sr-only">People</caption>');
    expect(html.match(/<th scope="col"/g)).toHaveLength(2);
    expect(html).toMatch(/<td[^>]*>Ada<\/td><td class="[^"]*break-all">a1<\/td>/);
  });
});
