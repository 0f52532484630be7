import type { Bar, HealthFigures, WeeklyMedian } from "@/lib/data/health";

const number = new Intl.NumberFormat("en-GB");
const time = new Intl.DateTimeFormat("en-GB", { timeStyle: "short", timeZone: "UTC" });
const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/**
 * A distribution as a table whose last column draws each row's bar: the chart and its figures in
 * one, read by screen readers as the table it is (the bars are decoration).
 */
function BarTable({ title, unit, bars, id }: { title: string; unit: string; bars: Bar[]; id: string }) {
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
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.label}>
              <th scope="row" className="w-40 py-1 pr-3 text-left font-normal text-slate-700">
                {bar.label}
              </th>
              <td className="w-20 py-1 pr-3 text-right tabular-nums">{number.format(bar.count)}</td>
              <td className="py-1">
                <span className="sr-only">{total ? `${Math.round((bar.count / total) * 100)}%` : "0%"}</span>
                <span aria-hidden="true" className="block h-3 rounded-sm bg-brand-700" style={{ width: `${(bar.count / largest) * 100}%` }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {total === 0 ? <p className="mt-2 text-sm text-slate-600">Nothing to count yet.</p> : null}
    </figure>
  );
}

/** Twelve weeks of median decision times as columns, with the table of the same figures. */
function WeeklyChart({ weeks, id }: { weeks: WeeklyMedian[]; id: string }) {
  const largest = Math.max(1, ...weeks.map((week) => week.medianHours ?? 0));
  const height = 120;
  const width = 24 * weeks.length;
  const decided = weeks.reduce((sum, week) => sum + week.decided, 0);
  return (
    <figure className="rounded-lg border border-slate-200 p-4" aria-labelledby={id}>
      <figcaption id={id} className="font-semibold">
        Median time from submission to decision, last 12 weeks (hours)
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
              Week of
            </th>
            <th scope="col" className="text-right font-medium">
              Decided
            </th>
            <th scope="col" className="text-right font-medium">
              Median (hours)
            </th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.week}>
              <th scope="row" className="py-0.5 text-left font-normal text-slate-700">
                {day.format(new Date(week.week))}
              </th>
              <td className="text-right tabular-nums">{number.format(week.decided)}</td>
              <td className="text-right tabular-nums">{week.medianHours === null ? "–" : number.format(week.medianHours)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {decided === 0 ? <p className="mt-2 text-sm text-slate-600">No change was decided in these twelve weeks.</p> : null}
    </figure>
  );
}

/** The directory's health on the admin home. */
export function HealthCharts({ figures }: { figures: HealthFigures | null }) {
  if (!figures) {
    return (
      <section aria-labelledby="health" className="mt-10">
        <h2 id="health" className="text-lg font-semibold">
          The directory&apos;s health
        </h2>
        <p className="mt-1 text-slate-700">The figures could not be taken just now; they are tried again on your next visit.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="health" className="mt-10">
      <h2 id="health" className="text-lg font-semibold">
        The directory&apos;s health
      </h2>
      <p className="mt-1 text-sm text-slate-600">Figures as of {time.format(new Date(figures.takenAt))} UTC, taken every ten minutes at most.</p>
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <BarTable id="health-checked" title="Published listings by time since their last check" unit="Listings" bars={figures.sinceChecked} />
        <BarTable id="health-links" title="Websites and contact forms by their latest check" unit="Links" bars={figures.links} />
        <BarTable id="health-queue" title="Changes waiting for review, by time waited" unit="Changes" bars={figures.queueAge} />
        <WeeklyChart id="health-decisions" weeks={figures.decisionTimes} />
      </div>
    </section>
  );
}
