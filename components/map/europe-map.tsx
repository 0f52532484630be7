import { geoAzimuthalEqualArea, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries110m from "world-atlas/countries-110m.json" with { type: "json" };
import type { StaticImageData } from "next/image";
import shapesFile from "./europe-map.svg";

// A server component (no "use client"): the map is plain SVG with links, no client JavaScript.

/**
 * The outlines (about 21 KB) are in europe-map.svg, which the build serves from a hashed
 * /_next/static/media address that browsers keep: the map draws them with <use> references.
 * Inline, they would go out twice in every home page: in the HTML and again in its RSC payload.
 * europe-map.test.tsx keeps the file equal to what europeMapShapes() computes.
 */
const shapes = (shapesFile as StaticImageData).src;

export type EuropeMapCountry = { code: string; name: string; organisationCount: number };

/** ISO 3166-1 numeric (world-atlas ids) to alpha-2, for the 46 member states of the Council of Europe. */
const alpha2ByNumeric: Record<string, string> = {
  "008": "AL", "020": "AD", "031": "AZ", "040": "AT", "051": "AM", "056": "BE", "070": "BA", "100": "BG",
  "191": "HR", "196": "CY", "203": "CZ", "208": "DK", "233": "EE", "246": "FI", "250": "FR", "268": "GE",
  "276": "DE", "300": "GR", "348": "HU", "352": "IS", "372": "IE", "380": "IT", "428": "LV", "438": "LI",
  "440": "LT", "442": "LU", "470": "MT", "492": "MC", "498": "MD", "499": "ME", "528": "NL", "578": "NO",
  "616": "PL", "620": "PT", "642": "RO", "674": "SM", "688": "RS", "703": "SK", "705": "SI", "724": "ES",
  "752": "SE", "756": "CH", "792": "TR", "804": "UA", "807": "MK", "826": "GB",
};

/**
 * States too small to see at this scale (or absent from the 110m data) are drawn as a dot at the
 * capital, [longitude, latitude], so that they can still be links. Luxembourg's outline is in the
 * data and is drawn too, but it is only a few units wide: its dot sits on the outline's centroid.
 */
const microStates: Record<string, [number, number]> = {
  AD: [1.52, 42.51], // Andorra la Vella
  LI: [9.52, 47.14], // Vaduz
  LU: [6.13, 49.61], // Luxembourg
  MC: [7.42, 43.73], // Monaco
  MT: [14.51, 35.9], // Valletta
  SM: [12.45, 43.94], // San Marino
};
const MICRO_RADIUS = 6;

const WIDTH = 1000;
const BASE_FILL = "#e8ecf1"; // 3.1:1 against the lightest step, 1.2:1 against white
const BORDER = "#ffffff";
/** Hover lightens a country; keyboard focus outlines the link's box and the shape itself. */
const LINK_CLASS = "group focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600";
const SHAPE_CLASS = "group-hover:opacity-80 group-focus-visible:stroke-yellow-300 group-focus-visible:stroke-3";

/**
 * Shading by number of organisations: [smallest count of the step, fill, legend label]. Adjacent
 * steps differ by 1.35–1.7:1 in contrast; the lightest is 3.1:1 against the grey base.
 */
const steps: [number, string, string][] = [
  [101, "#0a1a3f", "> 100"],
  [21, "#172f6e", "21–100"],
  [6, "#1e40af", "6–20"],
  [2, "#2563eb", "2–5"],
  [1, "#3b82f6", "1"],
];

function fillFor(count: number): string {
  return (steps.find(([min]) => count >= min) ?? steps[steps.length - 1])[1];
}

type MapGeometry = {
  height: number;
  /** Projected outline of each member state in the data, by alpha-2 code. */
  paths: Map<string, string>;
  /** Everything else in view (Russia, Belarus, Kosovo, North Africa, ...) as one path. */
  others: string;
  /** Projected position of each micro-state's dot. */
  dots: Map<string, [number, number]>;
};

let memo: MapGeometry | undefined;

/** The projected geometry, computed once per process. */
function mapGeometry(): MapGeometry {
  if (memo) return memo;
  // Lambert azimuthal equal-area centred on 15°E 52°N (EPSG:3035 uses 10°E), fitted to Europe
  // from Iceland to the Caucasus and from Crete and Cyprus to the North Cape.
  const frame = {
    type: "MultiPoint" as const,
    coordinates: [
      [-24.6, 66.6], [-24.6, 63.3], [-10, 43.5], [-9.6, 36.5], [25.8, 71.3], [31, 70.5],
      [33.5, 34.5], [24, 34.8], [44.8, 37], [50.5, 41.8], [50.5, 38.4],
    ],
  };
  const projection = geoAzimuthalEqualArea().rotate([-15, -52]).fitWidth(WIDTH, frame);
  const height = Math.ceil(geoPath(projection).bounds(frame)[1][1]);
  projection.clipExtent([
    [0, 0],
    [WIDTH, height],
  ]);
  const path = geoPath(projection).digits(1);

  const topology = countries110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const paths = new Map<string, string>();
  const centroids = new Map<string, [number, number]>();
  let others = "";
  for (const country of feature(topology, topology.objects.countries).features) {
    const d = path(country);
    if (!d) continue; // entirely outside the frame
    const code = country.id === undefined ? undefined : alpha2ByNumeric[String(country.id)];
    if (code) {
      paths.set(code, d);
      centroids.set(code, path.centroid(country));
    } else {
      others += d;
    }
  }

  const dots = new Map<string, [number, number]>();
  for (const [code, position] of Object.entries(microStates)) {
    const point = centroids.get(code) ?? projection(position);
    if (point) dots.set(code, [Math.round(point[0] * 10) / 10, Math.round(point[1] * 10) / 10]);
  }

  memo = { height, paths, others, dots };
  return memo;
}

/**
 * The contents of europe-map.svg: every shape, without presentation attributes (a <use> gives
 * them): "europe" holds everything in view, each member state with an outline is also its own
 * id (its alpha-2 code). In <defs>, so that the file alone draws nothing.
 */
export function europeMapShapes(): string {
  const { height, paths, others } = mapGeometry();
  const states = [...paths].map(([code, d]) => `<path id="${code}" d="${d}"/>`).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}"><defs><g id="europe"><path d="${others}"/>${states}</g></defs></svg>\n`;
}

/** What the map says in the page's language (messages "Map"). */
export type EuropeMapLabels = {
  /** A country's link: its name and how many organisations it has. */
  country: (name: string, count: number) => string;
  caption: string;
  none: string;
};

const english: EuropeMapLabels = {
  country: (name, count) => `${name}: ${count} ${count === 1 ? "organisation" : "organisations"}`,
  caption: "Countries with listed organisations, shaded by how many; the list below is the text alternative.",
  none: "none",
};

function describe(country: EuropeMapCountry, labels: EuropeMapLabels): string {
  return labels.country(country.name, country.organisationCount);
}

export function EuropeMap({
  countries,
  labels = english,
  countryHref = (code) => `/en/countries/${code}`,
}: {
  countries: EuropeMapCountry[];
  labels?: EuropeMapLabels;
  /** A country's page, from its lower-case code. */
  countryHref?: (code: string) => string;
}) {
  const { height, paths, dots } = mapGeometry();
  const listed = countries
    .map((country) => ({ ...country, code: country.code.toUpperCase() }))
    .filter((country) => country.organisationCount > 0 && (paths.has(country.code) || dots.has(country.code)));
  const listedCodes = new Set(listed.map((country) => country.code));
  const greyDots = [...dots].filter(([code]) => !listedCodes.has(code));

  return (
    <figure>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className="h-auto w-full" stroke={BORDER} strokeLinejoin="round">
        {/* Everything in grey; the countries with listings are drawn again on top, shaded. */}
        <g aria-hidden="true" fill={BASE_FILL} strokeWidth={0.75}>
          <use href={`${shapes}#europe`} />
          {greyDots.map(([code, [cx, cy]]) => (
            <circle key={code} cx={cx} cy={cy} r={MICRO_RADIUS} />
          ))}
        </g>
        <g strokeWidth={0.75}>
          {listed.map((country) => {
            const label = describe(country, labels);
            const dot = dots.get(country.code);
            return (
              <a
                key={country.code}
                href={countryHref(country.code.toLowerCase())}
                aria-label={label}
                className={LINK_CLASS}
              >
                <title>{label}</title>
                {paths.has(country.code) ? (
                  <use href={`${shapes}#${country.code}`} fill={fillFor(country.organisationCount)} className={SHAPE_CLASS} />
                ) : null}
                {dot ? (
                  <circle
                    cx={dot[0]}
                    cy={dot[1]}
                    r={MICRO_RADIUS}
                    fill={fillFor(country.organisationCount)}
                    strokeWidth={1.5}
                    className={SHAPE_CLASS}
                  />
                ) : null}
              </a>
            );
          })}
        </g>
      </svg>
      <figcaption className="mt-2 text-sm text-slate-600">
        {labels.caption}
        <span aria-hidden="true" className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1">
          {[...steps].reverse().map(([, fill, legend]) => (
            <span key={fill} className="inline-flex items-center gap-1">
              <Swatch fill={fill} />
              {legend}
            </span>
          ))}
          <span className="inline-flex items-center gap-1">
            <Swatch fill={BASE_FILL} outlined />
            {labels.none}
          </span>
        </span>
      </figcaption>
    </figure>
  );
}

// An SVG swatch, not a style attribute: the pages' Content-Security-Policy allows no inline styles.
function Swatch({ fill, outlined = false }: { fill: string; outlined?: boolean }) {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" className="inline-block">
      <rect x="0.5" y="0.5" width="11" height="11" rx="2" fill={fill} stroke={outlined ? "#cbd5e1" : "none"} />
    </svg>
  );
}
