import { intlLocale } from "@/lib/i18n/locales";
import { getTranslations } from "next-intl/server";
import type { Bar, HealthBarKey, HealthFigures, WeeklyMedian } from "@/lib/data/health";
import type { Locale } from "@/lib/i18n/locales";

/** Numbers, times and days in the staff member's language (English as in Britain: 14:05, 3 Mar). */
function formats(locale: Locale) {
  const tag = intlLocale(locale);
  return {
    number: new Intl.NumberFormat(tag),
    percent: new Intl.NumberFormat(tag, { style: "percent" }),
    time: new Intl.DateTimeFormat(tag, { timeStyle: "short", timeZone: "UTC" }),
    day: new Intl.DateTimeFormat(tag, { day: "numeric", month: "short", timeZone: "UTC" }),
  };
}
type Formats = ReturnType<typeof formats>;

/** A bar is named by its message in "Dashboard" (lib/data/health.ts gives the key). */
type BarTexts = { share: string; empty: string; label: (key: HealthBarKey) => string };

/**
 * A distribution as a table whose last column draws each row's bar: the chart and its figures in
 * one, read by screen readers as the table it is (the bars are decoration).
 */
function BarTable({ title, unit, bars, id, texts, format }: { title: string; unit: string; bars: Bar[]; id: string; texts: BarTexts; format: Formats }) {
  const total = bars.reduce((sum, bar) => sum + bar.count, 0);
  const largest = Math.max(1, ...bars.map((bar) => bar.count));
  return (
    <figure className="rounded-lg border border-slate-200 p-4" aria-labelledby={id}>
      <figcaption id={id} className="font-semibold">
        {title}
      </figcaption>
      <table className="mt-3 w-full text-sm">
        <thead className="sr-only">
          <tr>
            <th scope="col">{title}</th>
            <th scope="col">{unit}</th>
            <th scope="col">{texts.share}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.key}>
              <th scope="row" className="w-40 py-1 pr-3 text-left font-normal text-slate-700">
                {texts.label(bar.key)}
              </th>
              <td className="w-20 py-1 pr-3 text-right tabular-nums">{format.number.format(bar.count)}</td>
              <td className="py-1">
                <span className="sr-only">{format.percent.format(total ? Math.round((bar.count / total) * 100) / 100 : 0)}</span>
                <span aria-hidden="true" className="block h-3 rounded-sm bg-brand-700" style={{ width: `${(bar.count / largest) * 100}%` }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {total === 0 ? <p className="mt-2 text-sm text-slate-600">{texts.empty}</p> : null}
    </figure>
  );
}

type WeeklyTexts = { title: string; weekOf: string; decided: string; median: string; empty: string };

/** Twelve weeks of median decision times as columns, with the table of the same figures. */
function WeeklyChart({ weeks, id, texts, format }: { weeks: WeeklyMedian[]; id: string; texts: WeeklyTexts; format: Formats }) {
  const largest = Math.max(1, ...weeks.map((week) => week.medianHours ?? 0));
  const height = 120;
  const width = 24 * weeks.length;
  const decided = weeks.reduce((sum, week) => sum + week.decided, 0);
  return (
    <figure className="rounded-lg border border-slate-200 p-4" aria-labelledby={id}>
      <figcaption id={id} className="font-semibold">
        {texts.title}
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} className="mt-3 h-32 w-full" preserveAspectRatio="none" aria-hidden="true">
        {weeks.map((week, index) =>
          week.medianHours === null ? null : (
            <rect
              key={week.week}
              x={index * 24 + 4}
              width={16}
              y={height - (week.medianHours / largest) * height}
              height={(week.medianHours / largest) * height}
              className="fill-brand-700"
            />
          ),
        )}
      </svg>
      <table className="mt-3 w-full text-sm">
        <thead>
          <tr className="text-left text-slate-600">
            <th scope="col" className="font-medium">
              {texts.weekOf}
            </th>
            <th scope="col" className="text-right font-medium">
              {texts.decided}
            </th>
            <th scope="col" className="text-right font-medium">
              {texts.median}
            </th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.week}>
              <th scope="row" className="py-0.5 text-left font-normal text-slate-700">
                {format.day.format(new Date(week.week))}
              </th>
              <td className="text-right tabular-nums">{format.number.format(week.decided)}</td>
              <td className="text-right tabular-nums">{week.medianHours === null ? "–" : format.number.format(week.medianHours)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {decided === 0 ? <p className="mt-2 text-sm text-slate-600">{texts.empty}</p> : null}
    </figure>
  );
}

/** The directory's health on the admin home, in the staff member's language. */
export async function HealthCharts({ figures, locale }: { figures: HealthFigures | null; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "Dashboard" });
  if (!figures) {
    return (
      <section aria-labelledby="health" className="mt-10">
        <h2 id="health" className="text-lg font-semibold">
          {t("healthHeading")}
        </h2>
        <p className="mt-1 text-slate-700">{t("healthUnavailable")}</p>
      </section>
    );
  }
  const format = formats(locale);
  const bars: BarTexts = {
    share: t("share"),
    empty: t("nothingCounted"),
    label: (key) => t(key),
  };
  return (
    <section aria-labelledby="health" className="mt-10">
      <h2 id="health" className="text-lg font-semibold">
        {t("healthHeading")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("healthTakenAt", { time: format.time.format(new Date(figures.takenAt)) })}</p>
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <BarTable id="health-checked" title={t("checkedTitle")} unit={t("checkedUnit")} bars={figures.sinceChecked} texts={bars} format={format} />
        <BarTable id="health-links" title={t("linksTitle")} unit={t("linksUnit")} bars={figures.links} texts={bars} format={format} />
        <BarTable id="health-queue" title={t("queueTitle")} unit={t("queueUnit")} bars={figures.queueAge} texts={bars} format={format} />
        <WeeklyChart
          id="health-decisions"
          weeks={figures.decisionTimes}
          texts={{ title: t("decisionsTitle"), weekOf: t("weekOf"), decided: t("decided"), median: t("medianHours"), empty: t("noneDecided") }}
          format={format}
        />
      </div>
    </section>
  );
}
