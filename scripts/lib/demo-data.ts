// Synthetic directory data for benchmarks and search testing (npm run db:generate-demo).
//
// Everything comes from a seeded PRNG (mulberry32), so a seed always gives the same organisations,
// whatever the batch size or number of connections (only the ids, which must differ between runs
// into the same database, and the timestamps, relative to now, change). Names, descriptions,
// streets and labels are built from the word lists below, in the language of the organisation's
// first country; contacts obey the same rules as an editor's input (lib/validation/normalise.ts):
// lower-case e-mails, E.164 phones valid for their country, http(s) URLs, multi-line addresses,
// each with the raw value as a person would type it. Rows are streamed into PostgreSQL with COPY
// over a few connections, whose transactions are committed together at the end.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { getCountryCallingCode, getExampleNumber, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import examples from "libphonenumber-js/mobile/examples";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import countriesJson from "../../prisma/seed/countries.json" with { type: "json" };
import { slugFor } from "../../lib/slug";
import { LaunchError, describeTarget } from "./database";
import { deployMigrations } from "./schema-engine";

// ─── Random numbers ──────────────────────────────────────────────────────────────────────────

/** mulberry32: a tiny, fast, seedable PRNG (32-bit state). */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  uint32(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** [0, 1) */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  digits(n: number): string {
    let out = "";
    for (let i = 0; i < n; i++) out += this.int(10);
    return out;
  }
}

/** Mixes numbers into one 32-bit seed (for independent streams derived from the user's seed). */
function mix(...values: number[]): number {
  let h = 0x811c9dc5;
  for (const value of values) {
    h = Math.imul(h ^ (value >>> 0), 0x01000193);
    h = Math.imul(h ^ Math.floor(value / 4294967296), 0x01000193);
    h ^= h >>> 13;
  }
  return h >>> 0;
}

class Weighted<T> {
  private readonly items: T[] = [];
  private readonly cumulative: number[] = [];
  private total = 0;

  constructor(entries: Iterable<readonly [T, number]>) {
    for (const [item, weight] of entries) {
      if (weight <= 0) continue;
      this.total += weight;
      this.items.push(item);
      this.cumulative.push(this.total);
    }
  }

  get size(): number {
    return this.items.length;
  }

  pick(random: Random): T {
    const target = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.cumulative[middle] > target) high = middle;
      else low = middle + 1;
    }
    return this.items[low];
  }
}

// ─── Vocabulary ──────────────────────────────────────────────────────────────────────────────

/** The database values of the OrganisationKind and ContactType enums. */
export const organisationKinds = [
  "project",
  "ngo",
  "government_body",
  "security_service",
  "network",
  "political_group",
  "research_education",
  "other",
] as const;
export type Kind = (typeof organisationKinds)[number];
export const contactTypes = ["email", "phone", "fax", "address", "contact_form"] as const;
export type ContactKind = (typeof contactTypes)[number];

const kindWeights: Record<Kind, number> = {
  ngo: 34,
  project: 15,
  government_body: 12,
  research_education: 11,
  network: 9,
  other: 9,
  security_service: 5,
  political_group: 5,
};

const acronymChance: Record<Kind, number> = {
  ngo: 0.3,
  project: 0.15,
  government_body: 0.45,
  security_service: 0.6,
  network: 0.45,
  political_group: 0.4,
  research_education: 0.45,
  other: 0.1,
};

type Language = {
  code: string;
  weight: number;
  /** Where its organisations are based (first country), weighted. */
  countries: Record<string, number>;
  /** Name templates: {T} a topic, {S} a slogan, {P} a person, {city} the organisation's city. */
  names: Record<Kind, string[]>;
  topics: string[];
  slogans: string[];
  /** Appended to names without {city} now and then. */
  citySuffix: string;
  /** Legal forms some associations add to their name. */
  legalForms: string[];
  /** Description sentences: {name}, {city}, {year}. */
  sentences: string[];
  labels: Record<ContactKind, string[]>;
  mailboxes: string[];
  people: [first: string[], last: string[]];
  contactPaths: string[];
};

const languages: Language[] = [
  {
    code: "en",
    weight: 20,
    countries: {
      GB: 30, IE: 7, MT: 3, BE: 6, DK: 3, NO: 3, FI: 2, IS: 1, EE: 2, LV: 2, LT: 2, HU: 4, RO: 4, BG: 3, HR: 2,
      SI: 2, SK: 2, RS: 2, BA: 2, ME: 1, MK: 1, AL: 2, MD: 1, GE: 1, AM: 1, AZ: 1, UA: 2, AD: 1,
    },
    names: {
      ngo: ["Foundation for {T}", "Centre for {T}", "Association for {T}", "Society for {T}", "{city} Centre for {T}", "{S} Trust", "{city} Youth Forum", "Women for {T}", "{S} Foundation", "The {P} Foundation", "{P} Memorial Trust"],
      project: ["Project {S}", "The {S} Project", "{S}: {T} in {city}", "{S} Programme", "{S} – Youth Mentoring Scheme"],
      government_body: ["Ministry of the Interior – Prevention Unit", "Ministry of Justice – Office for {T}", "{city} City Council – Community Safety Team", "National Coordinator for {T}", "Prevent Team – {city}", "Department of Social Affairs – {T} Unit", "Office of the Ombudsman for Equal Treatment"],
      security_service: ["National Counter-Terrorism Centre", "Counter Terrorism Policing – {city}", "Joint Threat Analysis Unit", "State Security Service", "{city} Police – Radicalisation Awareness Unit", "National Intelligence Agency – Prevention Desk"],
      network: ["European Network for {T}", "{city} Network for {T}", "Coalition for {T}", "Platform for {T}", "Practitioners' Network on {T}", "Alliance of Cities for {T}"],
      political_group: ["Movement for {T}", "Parliamentary Group on {T}", "Young Democrats of {city}", "Citizens' Alliance for {T}"],
      research_education: ["University of {city} – Centre for the Study of {T}", "Institute for {T} Research", "{city} School of Social Work", "Research Centre on {T}", "{city} Institute of Security Studies", "Academy for {T}"],
      other: ["{city} Interfaith Council", "{city} Football Club Community Trust", "{S} Helpline", "{city} Public Library – Learning Centre", "{city} Youth Club", "Faith Leaders' Forum {city}"],
    },
    topics: [
      "Democracy and Tolerance", "Countering Violent Extremism", "Peace and Reconciliation", "Youth Resilience", "Interfaith Dialogue",
      "Social Cohesion", "Human Rights Education", "Victims of Terrorism", "Digital Citizenship", "Community Safety",
      "Exit and Disengagement", "Media Literacy", "Hate Crime Prevention",
    ],
    slogans: ["Safe Spaces", "Think Again", "Bridges", "Breaking Barriers", "Open Minds", "Common Ground", "Turning Point", "Beyond Hate", "Voices of Youth", "Second Chance", "Stronger Together"],
    citySuffix: " – {city}",
    legalForms: ["CIC", "Ltd", "CIO"],
    sentences: [
      "{name} supports young people and families affected by radicalisation.",
      "Founded in {year}, it works with schools, social services and local authorities in and around {city}.",
      "We train front-line practitioners – teachers, youth workers, prison staff and police officers – to recognise early signs of violent extremism.",
      "The helpline is open Monday to Friday, 9:00–17:00; all calls are confidential.",
      "Our mentors accompany people who want to leave extremist groups, for as long as it takes.",
      "The project is co-funded by the European Union's Internal Security Fund.",
      "We run workshops on critical thinking, online disinformation and conspiracy theories.",
      "Research focuses on online radicalisation, polarisation and the evaluation of prevention programmes.",
      "Victims of terrorism and their relatives receive legal, psychological and practical support.",
      "Referrals come from schools, families, probation services and the police.",
    ],
    labels: {
      email: ["Enquiries", "Press office", "Office", "Helpdesk"],
      phone: ["Reception", "Helpline", "Office", "Out of hours"],
      fax: ["Fax"],
      address: ["Head office", "Postal address", "Registered office"],
      contact_form: ["Contact form", "Report an incident"],
    },
    mailboxes: ["info", "enquiries", "contact", "office", "admin", "press", "hello"],
    people: [["Sarah", "James", "Aisling", "Mohammed", "Emily", "Tom", "Niamh", "David"], ["Smith", "O'Brien", "Patel", "Jones", "Murphy", "Williams", "Khan", "Taylor"]],
    contactPaths: ["/contact", "/contact-us", "/get-in-touch", "/en/contact"],
  },
  {
    code: "fr",
    weight: 12,
    countries: { FR: 60, BE: 25, LU: 5, CH: 8, MC: 2 },
    names: {
      ngo: ["Association {T}", "Fondation {T}", "Collectif {T}", "Comité {T}", "Maison de la citoyenneté de {city}", "Association « {S} »", "Centre {T}", "Fondation {P}", "Association des amis de {P}"],
      project: ["Projet « {S} »", "Programme {S}", "{S} – {city}", "Dispositif « {S} »"],
      government_body: ["Ministère de l'Intérieur – Bureau de la prévention", "Cellule de prévention de la radicalisation – {city}", "Préfecture – Cellule de suivi de {city}", "Ville de {city} – Service de prévention de la délinquance", "Comité interministériel {T}", "Service public {T}"],
      security_service: ["Direction générale de la sécurité intérieure", "Unité de coordination de la lutte antiterroriste", "Service de renseignement territorial – {city}", "Sûreté de l'État", "Police de {city} – Brigade de prévention", "Organe de coordination pour l'analyse de la menace"],
      network: ["Réseau {T}", "Plateforme {T}", "Réseau des acteurs de prévention de {city}", "Coordination {T}", "Fédération des associations {T}"],
      political_group: ["Mouvement {T}", "Groupe parlementaire {T}", "Jeunes démocrates de {city}", "Rassemblement citoyen {T}"],
      research_education: ["Université de {city} – Chaire {T}", "Institut d'études sur la radicalisation", "Observatoire {T}", "Centre de recherche {T}", "Haute école de travail social de {city}", "Laboratoire de sociologie de {city}"],
      other: ["Mosquée de {city} – Pôle jeunesse", "Maison des jeunes de {city}", "Centre culturel « {S} »", "Ligne d'écoute « {S} »", "Médiathèque de {city}", "Club sportif « {S} » de {city}"],
    },
    topics: [
      "pour la prévention de la radicalisation", "contre l'extrémisme violent", "pour la démocratie et la tolérance", "pour le dialogue interreligieux",
      "pour le vivre-ensemble", "d'aide aux victimes du terrorisme", "contre la haine en ligne", "pour l'éducation à la citoyenneté",
      "pour la cohésion sociale", "de soutien aux familles", "pour l'esprit critique", "contre le racisme et l'antisémitisme",
    ],
    slogans: ["Ensemble", "Déclic", "Horizons", "Paroles de jeunes", "Vivre ensemble", "Passerelles", "Nouveau départ", "Regards croisés", "Esprit critique", "Trait d'union", "Fraternité"],
    citySuffix: " – {city}",
    legalForms: ["ASBL", "(association loi 1901)"],
    sentences: [
      "{name} accompagne les jeunes et leurs familles confrontés à la radicalisation violente.",
      "Créée en {year}, la structure travaille avec les écoles, les services sociaux et les collectivités de la région de {city}.",
      "Nous formons les professionnels de première ligne : enseignants, éducateurs, travailleurs sociaux et personnels pénitentiaires.",
      "Permanence téléphonique du lundi au vendredi, de 9 h à 17 h ; les appels sont anonymes et gratuits.",
      "Des ateliers d'esprit critique abordent la désinformation, les théories du complot et les discours de haine en ligne.",
      "Le projet est cofinancé par le Fonds pour la sécurité intérieure de l'Union européenne.",
      "Les victimes du terrorisme et leurs proches reçoivent un soutien juridique, psychologique et pratique.",
      "Nos équipes interviennent en français, en arabe, en néerlandais et en anglais.",
      "L'accompagnement de sortie de l'extrémisme repose sur un suivi individuel de longue durée.",
    ],
    labels: {
      email: ["Secrétariat", "Presse", "Direction", "Informations générales"],
      phone: ["Accueil", "Ligne d'écoute", "Secrétariat", "Permanence"],
      fax: ["Fax", "Télécopie"],
      address: ["Siège social", "Adresse postale", "Bureaux"],
      contact_form: ["Formulaire de contact", "Signalement en ligne"],
    },
    mailboxes: ["info", "contact", "secretariat", "accueil", "presse", "direction"],
    people: [["Camille", "Sophie", "Julien", "Nadia", "Mathieu", "Élodie", "Karim", "Hélène"], ["Dupont", "Lefèvre", "Martin", "Benali", "Moreau", "Girard", "Lambert", "Nguyen"]],
    contactPaths: ["/contact", "/nous-contacter", "/fr/contact"],
  },
  {
    code: "de",
    weight: 13,
    countries: { DE: 65, AT: 20, CH: 10, LU: 2, LI: 1, BE: 2 },
    names: {
      ngo: ["Zentrum {T} {city}", "Verein {T}", "Stiftung {T}", "Beratungsstelle {T} – {city}", "Initiative {T} e. V.", "Bündnis {T} {city}", "Mobile Beratung {T}", "{P} Stiftung", "Verein der Freunde von {P}"],
      project: ["Projekt „{S}“", "{S} – Modellprojekt {T}", "Modellprojekt „{S}“ {city}", "Aussteigerprogramm „{S}“"],
      government_body: ["Landesdemokratiezentrum {city}", "Landespräventionsrat {city}", "Stadt {city} – Kommunale Präventionsstelle", "Ministerium des Innern – Koordinierungsstelle {T}", "Bundesamt für Migration und Flüchtlinge – Beratungsstelle Radikalisierung", "Senatsverwaltung für Bildung – Fachstelle {T}"],
      security_service: ["Landesamt für Verfassungsschutz {city}", "Landeskriminalamt {city} – Kompetenzzentrum Prävention", "Polizeipräsidium {city} – Staatsschutz", "Gemeinsames Terrorismusabwehrzentrum", "Bundesamt für Verfassungsschutz – Ausstiegsprogramm"],
      network: ["Netzwerk {T}", "Bundesarbeitsgemeinschaft {T}", "Landesnetzwerk {T} {city}", "Aktionsbündnis {T}"],
      political_group: ["Bürgerbewegung {T}", "Arbeitskreis {T}", "Junge Demokratinnen und Demokraten {city}", "Fraktion {T} im Stadtrat {city}"],
      research_education: ["Universität {city} – Institut für Konflikt- und Gewaltforschung", "Forschungsstelle {T}", "Hochschule {city} – Fachbereich Soziale Arbeit", "Institut {T}", "Akademie {T}"],
      other: ["Jugendzentrum {city}", "Moscheegemeinde {city}", "Evangelische Akademie {city}", "Fanprojekt {city}", "Sorgentelefon „{S}“", "Stadtbibliothek {city}"],
    },
    topics: [
      "für Demokratie und Toleranz", "gegen Rechtsextremismus", "für Demokratie und Vielfalt", "gegen Radikalisierung", "für Extremismusprävention",
      "für interkulturellen Dialog", "gegen Antisemitismus", "für Opfer rechter Gewalt", "für politische Bildung", "gegen Hass im Netz",
      "für Ausstiegsbegleitung", "für Zivilcourage",
    ],
    slogans: ["Gemeinsam stark", "Wegweiser", "Kompass", "Brückenbauer", "Neustart", "Klartext", "Zusammenhalt", "Perspektivwechsel", "Mutig gegen Hass", "Vielfalt leben", "Grenzgänger"],
    citySuffix: " {city}",
    legalForms: ["e. V."],
    sentences: [
      "{name} berät Jugendliche, Eltern und Fachkräfte im Umgang mit Radikalisierung.",
      "Seit {year} arbeiten wir mit Schulen, Jugendämtern und Kommunen in der Region {city} zusammen.",
      "Unsere Fortbildungen richten sich an Lehrkräfte, Sozialarbeiterinnen und Sozialarbeiter, Polizei und Justizvollzug.",
      "Die Beratung ist vertraulich, kostenlos und auf Wunsch anonym.",
      "Wir begleiten Menschen, die aus extremistischen Szenen aussteigen wollen.",
      "Das Projekt wird im Rahmen des Bundesprogramms „Demokratie leben!“ gefördert.",
      "Workshops zu Verschwörungserzählungen, Desinformation und Hassrede im Netz gehören zu unseren Schwerpunkten.",
      "Betroffene rechter, rassistischer und antisemitischer Gewalt erhalten Unterstützung und Begleitung.",
      "Sprechzeiten: Montag bis Donnerstag, 10–16 Uhr, und nach Vereinbarung.",
    ],
    labels: {
      email: ["Sekretariat", "Pressestelle", "Geschäftsführung", "Allgemeine Anfragen"],
      phone: ["Zentrale", "Beratungstelefon", "Sekretariat", "Hotline"],
      fax: ["Fax", "Telefax"],
      address: ["Geschäftsstelle", "Postanschrift", "Hausanschrift"],
      contact_form: ["Kontaktformular", "Online-Beratung"],
    },
    mailboxes: ["info", "kontakt", "post", "sekretariat", "presse", "beratung"],
    people: [["Anna", "Jonas", "Leonie", "Mehmet", "Katharina", "Lukas", "Jürgen", "Sabine"], ["Müller", "Schmidt", "Schäfer", "Yılmaz", "Becker", "Hoffmann", "Wagner", "Krüger"]],
    contactPaths: ["/kontakt", "/de/kontakt", "/beratung"],
  },
  {
    code: "nl",
    weight: 7,
    countries: { NL: 70, BE: 30 },
    names: {
      ngo: ["Stichting {S}", "Stichting {T}", "Vereniging {T}", "Steunpunt {T} {city}", "Centrum {T}", "Expertisecentrum {T}", "Stichting {P}", "{P} Fonds"],
      project: ["Project {S}", "{S} – {city}", "Programma {S}"],
      government_body: ["Gemeente {city} – Team Radicalisering en Polarisatie", "Ministerie van Justitie en Veiligheid – Directie Preventie", "Veiligheidshuis {city}", "Gemeente {city} – Afdeling Openbare Orde en Veiligheid", "Nationaal Coördinator {T}"],
      security_service: ["Algemene Inlichtingen- en Veiligheidsdienst", "Politie {city} – Team Contraterrorisme", "Staatsveiligheid", "Lokale Taskforce {city}", "Coördinatieorgaan voor de dreigingsanalyse"],
      network: ["Netwerk {T}", "Platform {T}", "Landelijk Netwerk {T}", "Kennisplatform {T}"],
      political_group: ["Beweging {T}", "Jongerenplatform {city}", "Werkgroep {T}"],
      research_education: ["Universiteit {city} – Centrum voor Terrorisme- en Contraterrorismestudies", "Hogeschool {city} – Lectoraat Radicalisering en Polarisatie", "Kenniscentrum {T}", "Onderzoeksgroep {T}"],
      other: ["Moskee {city} – Jongerenwerk", "Buurthuis {S}", "Jongerencentrum {S} {city}", "Bibliotheek {city}", "Sportclub {S} {city}"],
    },
    topics: ["tegen extremisme", "voor democratie en tolerantie", "tegen radicalisering", "voor vreedzaam samenleven", "voor interreligieuze dialoog", "tegen polarisatie", "voor weerbare jongeren", "tegen online haat", "voor burgerschap", "voor slachtofferhulp"],
    slogans: ["Samen Tegen Extremisme", "Samen Sterk", "Nieuwe Wegen", "Vrij Denken", "Bruggenbouwers", "Een Tweede Kans", "Open Blik", "Verbinding", "Weerbaar", "Thuis in de Stad", "Wij Zijn Één"],
    citySuffix: " {city}",
    legalForms: ["vzw"],
    sentences: [
      "{name} ondersteunt jongeren, ouders en professionals bij vragen over radicalisering.",
      "Sinds {year} werken we samen met scholen, jeugdzorg en de gemeente {city}.",
      "Wij trainen eerstelijnsprofessionals: leerkrachten, jongerenwerkers, wijkagenten en reclasseringswerkers.",
      "Het advies- en steunpunt is op werkdagen bereikbaar van 9.00 tot 17.00 uur.",
      "Onze begeleiders helpen mensen die uit een extremistische groep willen stappen.",
      "Het project wordt medegefinancierd door het Fonds voor interne veiligheid van de Europese Unie.",
      "In workshops over complotdenken, desinformatie en online haat leren jongeren kritisch te kijken.",
      "Slachtoffers van terreur en hun naasten krijgen juridische en psychologische ondersteuning.",
    ],
    labels: {
      email: ["Secretariaat", "Pers", "Algemene vragen"],
      phone: ["Receptie", "Advieslijn", "Secretariaat"],
      fax: ["Fax"],
      address: ["Bezoekadres", "Postadres", "Hoofdkantoor"],
      contact_form: ["Contactformulier", "Melding doen"],
    },
    mailboxes: ["info", "secretariaat", "contact", "pers", "advies"],
    people: [["Sanne", "Daan", "Fleur", "Youssef", "Anouk", "Bram", "Eline", "Thijs"], ["de Vries", "Jansen", "van den Berg", "Bakker", "El Amrani", "Visser", "Peeters", "Janssens"]],
    contactPaths: ["/contact", "/nl/contact", "/melden"],
  },
  {
    code: "es",
    weight: 8,
    countries: { ES: 95, AD: 5 },
    names: {
      ngo: ["Asociación {T}", "Fundación {T}", "Asociación {T} de {city}", "Centro {T}", "Plataforma ciudadana {T}", "Colectivo {T}", "Fundación {P}"],
      project: ["Proyecto «{S}»", "Programa {S}", "{S} – {city}"],
      government_body: ["Ministerio del Interior – Unidad de Prevención", "Ayuntamiento de {city} – Servicio de Convivencia", "Oficina Nacional {T}", "Dirección General de Seguridad – {city}", "Consejería de Justicia – Unidad {T}"],
      security_service: ["Centro de Inteligencia contra el Terrorismo y el Crimen Organizado", "Policía Local de {city} – Unidad de Gestión de la Diversidad", "Comisaría General de Información", "Guardia Civil – Jefatura de Información"],
      network: ["Red {T}", "Red de municipios {T}", "Plataforma {T}", "Coordinadora {T}"],
      political_group: ["Movimiento {T}", "Juventudes por la democracia de {city}", "Grupo parlamentario {T}"],
      research_education: ["Universidad de {city} – Cátedra {T}", "Instituto de Estudios sobre Conflictos", "Observatorio {T}", "Centro de Investigación {T}"],
      other: ["Comunidad islámica de {city}", "Casa de la Juventud de {city}", "Biblioteca pública de {city}", "Teléfono de ayuda «{S}»", "Club deportivo «{S}»"],
    },
    topics: ["para la prevención de la radicalización", "contra el extremismo violento", "por la convivencia", "por el diálogo interreligioso", "contra los delitos de odio", "por la memoria de las víctimas del terrorismo", "por la educación en valores democráticos", "contra la discriminación", "por la participación juvenil"],
    slogans: ["Convive", "Puentes", "Nuevos caminos", "Mírame", "Somos diversidad", "Segunda oportunidad", "Voces jóvenes", "Piensa", "Encuentro", "Horizonte común"],
    citySuffix: " – {city}",
    legalForms: [],
    sentences: [
      "{name} acompaña a jóvenes y familias afectados por procesos de radicalización.",
      "Desde {year} colaboramos con centros educativos, servicios sociales y el ayuntamiento de {city}.",
      "Formamos a profesionales de primera línea: docentes, educadores sociales, policías y personal penitenciario.",
      "La atención es gratuita y confidencial, de lunes a viernes de 9:00 a 14:00.",
      "Organizamos talleres sobre pensamiento crítico, desinformación y discursos de odio en internet.",
      "El proyecto está cofinanciado por el Fondo de Seguridad Interior de la Unión Europea.",
      "Las víctimas del terrorismo y sus familias reciben apoyo jurídico, psicológico y social.",
    ],
    labels: {
      email: ["Secretaría", "Prensa", "Información general"],
      phone: ["Centralita", "Línea de ayuda", "Secretaría"],
      fax: ["Fax"],
      address: ["Sede", "Dirección postal", "Oficina"],
      contact_form: ["Formulario de contacto", "Denuncia en línea"],
    },
    mailboxes: ["info", "contacto", "secretaria", "prensa", "administracion"],
    people: [["Lucía", "Javier", "María José", "Sergio", "Nuria", "Ahmed", "Carmen", "Álvaro"], ["García", "Fernández", "López", "Martínez", "Sánchez", "Romero", "Muñoz", "Benítez"]],
    contactPaths: ["/contacto", "/es/contacto"],
  },
  {
    code: "it",
    weight: 8,
    countries: { IT: 92, CH: 4, SM: 2, MT: 2 },
    names: {
      ngo: ["Associazione {T}", "Fondazione {T}", "Centro {T} di {city}", "Comitato {T}", "Cooperativa sociale «{S}»", "Associazione «{S}»", "Fondazione {P}", "Associazione amici di {P}"],
      project: ["Progetto «{S}»", "{S} – {city}", "Programma {S}"],
      government_body: ["Ministero dell'Interno – Ufficio prevenzione", "Comune di {city} – Ufficio Sicurezza Urbana", "Prefettura di {city}", "Osservatorio regionale {T}", "Dipartimento dell'Amministrazione Penitenziaria – Ufficio {T}"],
      security_service: ["Direzione Centrale della Polizia di Prevenzione", "Questura di {city} – DIGOS", "Comando Provinciale Carabinieri di {city}", "Agenzia Informazioni e Sicurezza Interna"],
      network: ["Rete {T}", "Rete dei comuni {T}", "Coordinamento {T}", "Piattaforma {T}"],
      political_group: ["Movimento {T}", "Giovani democratici di {city}", "Gruppo consiliare {T}"],
      research_education: ["Università di {city} – Dipartimento di Scienze Politiche", "Istituto di studi {T}", "Centro studi {T}", "Osservatorio sulla radicalizzazione e il contrasto al terrorismo"],
      other: ["Comunità islamica di {city}", "Centro giovanile «{S}»", "Biblioteca civica di {city}", "Parrocchia di {city} – Oratorio", "Polisportiva «{S}»"],
    },
    topics: ["per la prevenzione della radicalizzazione", "contro l'estremismo violento", "per la democrazia e la legalità", "per il dialogo interreligioso", "contro i discorsi d'odio", "per l'inclusione sociale", "per le vittime del terrorismo", "per la cittadinanza attiva"],
    slogans: ["Insieme", "Ponti", "Nuovi orizzonti", "Seconda possibilità", "Pensiero critico", "Voci giovani", "Incontri", "Radici e ali", "Convivenza", "Cambio di rotta"],
    citySuffix: " – {city}",
    legalForms: ["ONLUS", "APS", "ETS"],
    sentences: [
      "{name} sostiene giovani e famiglie coinvolti in percorsi di radicalizzazione.",
      "Dal {year} collaboriamo con scuole, servizi sociali ed enti locali della provincia di {city}.",
      "Formiamo operatori di prima linea: insegnanti, educatori, assistenti sociali e polizia penitenziaria.",
      "Lo sportello è aperto dal lunedì al venerdì, dalle 9:00 alle 13:00.",
      "Organizziamo laboratori sul pensiero critico, la disinformazione e i discorsi d'odio in rete.",
      "Il progetto è cofinanziato dal Fondo Sicurezza Interna dell'Unione europea.",
      "Le vittime del terrorismo e i loro familiari ricevono assistenza legale e psicologica.",
    ],
    labels: {
      email: ["Segreteria", "Ufficio stampa", "Informazioni"],
      phone: ["Centralino", "Numero verde", "Segreteria"],
      fax: ["Fax"],
      address: ["Sede legale", "Sede operativa", "Indirizzo postale"],
      contact_form: ["Modulo di contatto", "Segnalazioni"],
    },
    mailboxes: ["info", "segreteria", "contatti", "stampa", "amministrazione"],
    people: [["Giulia", "Marco", "Francesca", "Luca", "Chiara", "Davide", "Niccolò", "Federica"], ["Rossi", "Bianchi", "Esposito", "Ricci", "Romano", "Colombo", "De Luca", "Conti"]],
    contactPaths: ["/contatti", "/it/contatti"],
  },
  {
    code: "pl",
    weight: 6,
    countries: { PL: 1 },
    names: {
      ngo: ["Stowarzyszenie {T}", "Fundacja {T}", "Centrum {T}", "Fundacja „{S}”", "Stowarzyszenie „{S}”", "Fundacja im. {P}"],
      project: ["Projekt „{S}”", "Program {S}", "{S} – {city}"],
      government_body: ["Ministerstwo Spraw Wewnętrznych i Administracji – Departament Porządku Publicznego", "Urząd Miasta – {city}, Wydział Bezpieczeństwa i Zarządzania Kryzysowego", "Rządowe Centrum Bezpieczeństwa", "Biuro Rzecznika Praw Obywatelskich – Zespół {T}"],
      security_service: ["Agencja Bezpieczeństwa Wewnętrznego", "Komenda Wojewódzka Policji – {city}", "Centrum Prewencji Terrorystycznej", "Straż Graniczna – Wydział Analiz"],
      network: ["Sieć {T}", "Koalicja {T}", "Ogólnopolska Sieć {T}", "Platforma {T}"],
      political_group: ["Ruch {T}", "Młodzi Demokraci – {city}", "Parlamentarny Zespół {T}"],
      research_education: ["Instytut Studiów nad Bezpieczeństwem", "Ośrodek Badań {T}", "Centrum Badań nad Terroryzmem – {city}", "Uniwersytet – {city}, Instytut Socjologii"],
      other: ["Młodzieżowy Dom Kultury – {city}", "Biblioteka Publiczna – {city}", "Telefon zaufania „{S}”", "Klub Sportowy „{S}” {city}"],
    },
    topics: ["na rzecz przeciwdziałania radykalizacji", "przeciw mowie nienawiści", "na rzecz demokracji i tolerancji", "na rzecz dialogu międzykulturowego", "przeciwko ekstremizmowi", "na rzecz edukacji obywatelskiej", "pomocy ofiarom przemocy"],
    slogans: ["Razem", "Mosty", "Nowy start", "Otwarte umysły", "Druga szansa", "Głos młodych", "Wspólna sprawa", "Bez nienawiści", "Różnorodność", "Kompas"],
    citySuffix: " – {city}",
    legalForms: [],
    sentences: [
      "{name} wspiera młodzież, rodziny i specjalistów w przeciwdziałaniu radykalizacji.",
      "Od {year} roku współpracujemy ze szkołami, ośrodkami pomocy społecznej i samorządami (siedziba: {city}).",
      "Prowadzimy szkolenia dla nauczycieli, pedagogów, kuratorów i funkcjonariuszy policji.",
      "Telefon zaufania działa od poniedziałku do piątku w godzinach 9:00–17:00.",
      "Organizujemy warsztaty o krytycznym myśleniu, dezinformacji i mowie nienawiści w internecie.",
      "Projekt jest współfinansowany ze środków Funduszu Bezpieczeństwa Wewnętrznego Unii Europejskiej.",
    ],
    labels: {
      email: ["Sekretariat", "Biuro prasowe", "Informacja"],
      phone: ["Centrala", "Telefon zaufania", "Sekretariat"],
      fax: ["Faks"],
      address: ["Siedziba", "Adres do korespondencji", "Biuro"],
      contact_form: ["Formularz kontaktowy", "Zgłoś incydent"],
    },
    mailboxes: ["biuro", "kontakt", "sekretariat", "info", "fundacja"],
    people: [["Agnieszka", "Piotr", "Katarzyna", "Michał", "Łukasz", "Magdalena", "Paweł", "Zofia"], ["Kowalski", "Nowak", "Wiśniewska", "Wójcik", "Kamińska", "Lewandowski", "Zieliński", "Szymańska"]],
    contactPaths: ["/kontakt", "/pl/kontakt"],
  },
  {
    code: "cs",
    weight: 3,
    countries: { CZ: 1 },
    names: {
      ngo: ["Spolek {T}", "Nadace {T}", "Centrum {T}", "Iniciativa {T}", "Spolek „{S}“", "Nadace {P}"],
      project: ["Projekt „{S}“", "Program {S}", "{S} – {city}"],
      government_body: ["Ministerstvo vnitra – Odbor prevence kriminality", "Městský úřad – {city}, Odbor sociálních věcí", "Úřad vlády – Odbor pro lidská práva"],
      security_service: ["Bezpečnostní informační služba", "Národní centrála proti organizovanému zločinu", "Krajské ředitelství policie – {city}"],
      network: ["Síť {T}", "Platforma {T}", "Koalice {T}"],
      political_group: ["Hnutí {T}", "Mladí demokraté – {city}"],
      research_education: ["Výzkumné centrum {T}", "Univerzita – {city}, Katedra politologie", "Vysoká škola – {city}, Katedra sociální práce"],
      other: ["Dům dětí a mládeže – {city}", "Městská knihovna – {city}", "Linka důvěry „{S}“"],
    },
    topics: ["pro prevenci radikalizace", "proti extremismu", "pro demokracii a toleranci", "proti nenávisti", "pro mezikulturní dialog", "pro občanské vzdělávání"],
    slogans: ["Společně", "Mosty", "Nový začátek", "Otevřená mysl", "Hlas mladých", "Druhá šance", "Soužití", "Řekni to", "Kompas", "Bez nenávisti"],
    citySuffix: " – {city}",
    legalForms: ["z. s.", "o. p. s."],
    sentences: [
      "{name} podporuje mladé lidi, rodiny a odborníky v prevenci radikalizace.",
      "Od roku {year} spolupracujeme se školami, sociálními službami a obcemi (sídlo: {city}).",
      "Pořádáme školení pro učitele, sociální pracovníky, policisty a pracovníky vězeňské služby.",
      "Poradna je otevřena od pondělí do pátku, 9:00–16:00.",
      "Workshopy se zaměřují na kritické myšlení, dezinformace a nenávistné projevy na internetu.",
      "Projekt je spolufinancován z Fondu pro vnitřní bezpečnost Evropské unie.",
    ],
    labels: {
      email: ["Sekretariát", "Tiskové oddělení", "Obecné dotazy"],
      phone: ["Ústředna", "Linka pomoci", "Sekretariát"],
      fax: ["Fax"],
      address: ["Sídlo", "Korespondenční adresa", "Kancelář"],
      contact_form: ["Kontaktní formulář", "Nahlásit incident"],
    },
    mailboxes: ["info", "kontakt", "sekretariat", "podatelna"],
    people: [["Jana", "Tomáš", "Petra", "Jiří", "Lucie", "Ondřej", "Kateřina", "Martin"], ["Novák", "Svobodová", "Dvořák", "Černá", "Procházka", "Kučerová", "Veselý", "Horáková"]],
    contactPaths: ["/kontakty", "/kontakt"],
  },
  {
    code: "sv",
    weight: 4,
    countries: { SE: 90, FI: 10 },
    names: {
      ngo: ["Föreningen {S}", "Stiftelsen {S}", "Centrum {T}", "Ideell förening {T}", "{P}s minnesfond", "Stiftelsen {P}"],
      project: ["Projekt {S}", "{S} – {city}"],
      government_body: ["Center mot våldsbejakande extremism", "{city} stad – Trygghet och säkerhet", "Länsstyrelsen i {city}", "{city} kommun – Avdelningen för förebyggande arbete"],
      security_service: ["Säkerhetspolisen", "Polisregion {city} – Underrättelseenheten", "Nationellt centrum för terrorhotbedömning"],
      network: ["Nätverket {T}", "Plattformen {T}", "Samverkansnätverket {T}"],
      political_group: ["Rörelsen {T}", "Unga demokrater i {city}"],
      research_education: ["{city} universitet – Institutionen för sociologi", "Forskningscentrum {T}", "Institutet {T}", "Folkhögskolan i {city}"],
      other: ["Fritidsgården {S}", "Stadsbiblioteket i {city}", "Moskéföreningen i {city}", "Stödlinjen {S}"],
    },
    topics: ["mot våldsbejakande extremism", "för demokrati och tolerans", "mot radikalisering", "för interreligiös dialog", "mot näthat", "för social sammanhållning"],
    slogans: ["Tillsammans", "Broar", "Nystart", "Vändpunkt", "Öppna sinnen", "Unga röster", "Andra chansen", "Mötesplats", "Kompassen", "Gemenskap"],
    citySuffix: " i {city}",
    legalForms: [],
    sentences: [
      "{name} stöttar unga, anhöriga och yrkesverksamma i frågor om radikalisering.",
      "Sedan {year} samarbetar vi med skolor, socialtjänst och kommuner i {city} med omnejd.",
      "Vi utbildar lärare, fritidsledare, socialsekreterare och poliser.",
      "Stödlinjen är öppen måndag–fredag kl. 9–16.",
      "Våra workshoppar handlar om källkritik, desinformation och näthat.",
      "Projektet delfinansieras av Europeiska unionens fond för inre säkerhet.",
    ],
    labels: {
      email: ["Kansli", "Press", "Allmänna frågor"],
      phone: ["Växel", "Stödlinje", "Kansli"],
      fax: ["Fax"],
      address: ["Besöksadress", "Postadress", "Kontor"],
      contact_form: ["Kontaktformulär", "Anmälan"],
    },
    mailboxes: ["info", "kontakt", "kansli", "registrator", "press"],
    people: [["Emma", "Erik", "Sara", "Oskar", "Linnéa", "Ahmed", "Åsa", "Björn"], ["Andersson", "Johansson", "Karlsson", "Nilsson", "Lindström", "Öberg", "Ekström", "Håkansson"]],
    contactPaths: ["/kontakt", "/kontakta-oss"],
  },
  {
    code: "el",
    weight: 3,
    countries: { GR: 85, CY: 15 },
    names: {
      ngo: ["Σύλλογος {T}", "Ίδρυμα {T}", "Κέντρο {T}", "Ένωση {T}", "Αστική μη κερδοσκοπική εταιρεία «{S}»"],
      project: ["Πρόγραμμα «{S}»", "{S} – {city}"],
      government_body: ["Υπουργείο Προστασίας του Πολίτη", "Γενική Γραμματεία Αντεγκληματικής Πολιτικής", "Υπουργείο Παιδείας – Διεύθυνση Σπουδών", "Κοινωνική Υπηρεσία – {city}"],
      security_service: ["Εθνική Υπηρεσία Πληροφοριών", "Ελληνική Αστυνομία – Διεύθυνση Αντιμετώπισης Ειδικών Εγκλημάτων Βίας", "Διεύθυνση Ασφαλείας – {city}"],
      network: ["Δίκτυο {T}", "Δίκτυο Καταγραφής Περιστατικών Ρατσιστικής Βίας", "Πλατφόρμα {T}"],
      political_group: ["Κίνημα {T}", "Νεολαία Δημοκρατών – {city}"],
      research_education: ["Πανεπιστήμιο – {city}, Τμήμα Κοινωνιολογίας", "Ινστιτούτο {T}", "Κέντρο Μελετών Ασφαλείας", "Ερευνητικό Κέντρο {T}"],
      other: ["Κέντρο Νεότητας – {city}", "Δημοτική Βιβλιοθήκη – {city}", "Γραμμή Στήριξης «{S}»"],
    },
    topics: ["για την πρόληψη της ριζοσπαστικοποίησης", "κατά του βίαιου εξτρεμισμού", "για τη δημοκρατία και την ανεκτικότητα", "για τον διαθρησκευτικό διάλογο", "κατά του ρατσισμού", "για την κοινωνική ένταξη"],
    slogans: ["Μαζί", "Γέφυρες", "Νέα αρχή", "Ανοιχτό μυαλό", "Φωνές νέων", "Δεύτερη ευκαιρία", "Συνύπαρξη", "Πυξίδα"],
    citySuffix: " – {city}",
    legalForms: [],
    sentences: [
      "{name} στηρίζει νέους, οικογένειες και επαγγελματίες στην πρόληψη της ριζοσπαστικοποίησης.",
      "Από το {year} συνεργαζόμαστε με σχολεία, κοινωνικές υπηρεσίες και τοπικούς φορείς (έδρα: {city}).",
      "Εκπαιδεύουμε εκπαιδευτικούς, κοινωνικούς λειτουργούς και αστυνομικούς.",
      "Η γραμμή στήριξης λειτουργεί Δευτέρα έως Παρασκευή, 09:00–17:00.",
      "Οργανώνουμε εργαστήρια για την κριτική σκέψη, την παραπληροφόρηση και τη ρητορική μίσους στο διαδίκτυο.",
      "Το έργο συγχρηματοδοτείται από το Ταμείο Εσωτερικής Ασφάλειας της Ευρωπαϊκής Ένωσης.",
    ],
    labels: {
      email: ["Γραμματεία", "Γραφείο Τύπου", "Πληροφορίες"],
      phone: ["Τηλεφωνικό κέντρο", "Γραμμή στήριξης", "Γραμματεία"],
      fax: ["Φαξ"],
      address: ["Έδρα", "Ταχυδρομική διεύθυνση", "Γραφεία"],
      contact_form: ["Φόρμα επικοινωνίας", "Αναφορά περιστατικού"],
    },
    mailboxes: ["info", "grammateia", "epikoinonia", "press"],
    people: [["Μαρία", "Γιώργος", "Ελένη", "Νίκος", "Κατερίνα", "Δημήτρης"], ["Παπαδοπούλου", "Οικονόμου", "Γεωργίου", "Νικολάου", "Καραγιάννη", "Βασιλείου"]],
    contactPaths: ["/epikoinonia", "/el/contact", "/en/contact"],
  },
  {
    code: "tr",
    weight: 4,
    countries: { TR: 1 },
    names: {
      ngo: ["{T} Derneği", "{T} Vakfı", "{city} {T} Derneği", "{T} Merkezi", "{S} Derneği", "{P} Vakfı"],
      project: ["{S} Projesi", "{S} Projesi – {city}", "{S} Programı"],
      government_body: ["İçişleri Bakanlığı – Önleme Dairesi", "{city} Valiliği", "{city} Büyükşehir Belediyesi – Sosyal Hizmetler Daire Başkanlığı", "Aile ve Sosyal Hizmetler Bakanlığı"],
      security_service: ["Emniyet Genel Müdürlüğü – Terörle Mücadele Dairesi", "{city} İl Emniyet Müdürlüğü", "Jandarma Genel Komutanlığı – İstihbarat Başkanlığı"],
      network: ["{T} Ağı", "{T} Platformu", "{T} Koalisyonu"],
      political_group: ["{T} Hareketi", "{city} Genç Demokratlar"],
      research_education: ["{city} Üniversitesi – Sosyoloji Bölümü", "{T} Araştırma Merkezi", "{T} Enstitüsü"],
      other: ["{city} Gençlik Merkezi", "{city} Halk Kütüphanesi", "{S} Destek Hattı", "{city} Spor Kulübü"],
    },
    topics: ["Radikalleşmeyi Önleme", "Demokrasi ve Hoşgörü", "Şiddet İçeren Aşırıcılıkla Mücadele", "Dinlerarası Diyalog", "Nefret Söylemiyle Mücadele", "Toplumsal Uyum", "Gençlik ve Katılım"],
    slogans: ["Birlikte", "Köprüler", "Yeni Başlangıç", "Açık Zihin", "Gençlerin Sesi", "İkinci Şans", "Bir Arada", "Pusula"],
    citySuffix: " – {city}",
    legalForms: [],
    sentences: [
      "{name}, radikalleşmeden etkilenen gençlere ve ailelerine destek olur.",
      "{year} yılından bu yana {city} ve çevresindeki okullar, sosyal hizmetler ve belediyelerle birlikte çalışıyoruz.",
      "Öğretmenler, sosyal hizmet uzmanları ve polisler için eğitimler düzenliyoruz.",
      "Destek hattımız hafta içi 09.00–17.00 saatleri arasında açıktır.",
      "Eleştirel düşünme, dezenformasyon ve çevrim içi nefret söylemi üzerine atölyeler düzenliyoruz.",
      "Tüm görüşmeler gizli ve ücretsizdir.",
    ],
    labels: {
      email: ["Sekreterlik", "Basın", "Genel bilgi"],
      phone: ["Santral", "Destek hattı", "Sekreterlik"],
      fax: ["Faks"],
      address: ["Genel merkez", "Yazışma adresi", "Ofis"],
      contact_form: ["İletişim formu", "İhbar formu"],
    },
    mailboxes: ["info", "iletisim", "bilgi", "basin", "dernek"],
    people: [["Ayşe", "Mehmet", "Elif", "Mustafa", "Zeynep", "Emre", "Özlem", "Barış"], ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan"]],
    contactPaths: ["/iletisim", "/tr/iletisim"],
  },
  {
    code: "pt",
    weight: 3,
    countries: { PT: 1 },
    names: {
      ngo: ["Associação {T}", "Fundação {T}", "Centro {T}", "Cooperativa «{S}»", "Associação «{S}»", "Fundação {P}"],
      project: ["Projeto «{S}»", "Programa {S}", "{S} – {city}"],
      government_body: ["Ministério da Administração Interna – Gabinete de Prevenção", "Câmara Municipal de {city} – Divisão de Intervenção Social", "Secretaria-Geral do Sistema de Segurança Interna", "Direção-Geral de Reinserção e Serviços Prisionais"],
      security_service: ["Serviço de Informações de Segurança", "Polícia Judiciária – Unidade Nacional Contra Terrorismo", "Polícia de Segurança Pública – Comando de {city}"],
      network: ["Rede {T}", "Plataforma {T}", "Rede de municípios {T}"],
      political_group: ["Movimento {T}", "Juventude democrática de {city}"],
      research_education: ["Universidade de {city} – Centro de Estudos Sociais", "Instituto {T}", "Observatório {T}", "Centro de Investigação {T}"],
      other: ["Comunidade Islâmica de {city}", "Casa da Juventude de {city}", "Biblioteca Municipal de {city}", "Linha de apoio «{S}»"],
    },
    topics: ["para a prevenção da radicalização", "contra o extremismo violento", "para a democracia e a tolerância", "para o diálogo inter-religioso", "contra o discurso de ódio", "de apoio à vítima"],
    slogans: ["Juntos", "Pontes", "Novo rumo", "Mente aberta", "Vozes jovens", "Segunda oportunidade", "Convivência", "Bússola"],
    citySuffix: " – {city}",
    legalForms: ["IPSS"],
    sentences: [
      "{name} apoia jovens, famílias e profissionais na prevenção da radicalização.",
      "Desde {year}, trabalhamos com escolas, serviços sociais e autarquias da região de {city}.",
      "Formamos professores, técnicos de intervenção social, agentes policiais e guardas prisionais.",
      "A linha de apoio funciona de segunda a sexta-feira, das 9h00 às 17h00.",
      "Realizamos oficinas sobre pensamento crítico, desinformação e discurso de ódio online.",
      "O projeto é cofinanciado pelo Fundo para a Segurança Interna da União Europeia.",
    ],
    labels: {
      email: ["Secretariado", "Imprensa", "Informações gerais"],
      phone: ["Geral", "Linha de apoio", "Secretariado"],
      fax: ["Fax"],
      address: ["Sede", "Morada postal", "Escritório"],
      contact_form: ["Formulário de contacto", "Denúncia online"],
    },
    mailboxes: ["geral", "info", "contacto", "secretariado", "imprensa"],
    people: [["Inês", "João", "Beatriz", "Tiago", "Mariana", "Gonçalo", "Ana", "Rui"], ["Silva", "Santos", "Ferreira", "Pereira", "Gonçalves", "Rodrigues", "Conceição", "Lourenço"]],
    contactPaths: ["/contactos", "/pt/contactos"],
  },
  {
    code: "uk",
    weight: 2,
    countries: { UA: 1 },
    names: {
      ngo: ["Громадська організація «{S}»", "Благодійний фонд «{S}»", "Центр {T}", "Асоціація {T}"],
      project: ["Проєкт «{S}»", "Програма «{S}» – {city}"],
      government_body: ["Міністерство внутрішніх справ України – Департамент превенції", "Центр протидії дезінформації", "Міська рада – {city}, Управління соціального захисту"],
      security_service: ["Служба безпеки України – Антитерористичний центр", "Національна поліція – {city}, Відділ превенції"],
      network: ["Мережа {T}", "Платформа {T}", "Коаліція {T}"],
      political_group: ["Рух {T}", "Молодіжне крило – {city}"],
      research_education: ["Інститут {T}", "Національний університет – {city}, кафедра соціології", "Аналітичний центр {T}"],
      other: ["Молодіжний центр – {city}", "Бібліотека – {city}", "Гаряча лінія «{S}»"],
    },
    topics: ["протидії радикалізації", "протидії мові ворожнечі", "міжрелігійного діалогу", "громадянської освіти", "підтримки демократії", "протидії дезінформації"],
    slogans: ["Разом", "Мости", "Новий початок", "Відкритий розум", "Голос молоді", "Другий шанс", "Компас", "Єдність"],
    citySuffix: " – {city}",
    legalForms: [],
    sentences: [
      "{name} підтримує молодь, родини та фахівців у запобіганні радикалізації.",
      "З {year} року ми співпрацюємо зі школами, соціальними службами та громадами (місто {city}).",
      "Проводимо тренінги для вчителів, соціальних працівників і поліцейських.",
      "Гаряча лінія працює з понеділка по п’ятницю, 9:00–18:00.",
      "Організовуємо семінари з критичного мислення, протидії дезінформації та мові ворожнечі.",
    ],
    labels: {
      email: ["Секретаріат", "Пресслужба", "Загальні питання"],
      phone: ["Приймальня", "Гаряча лінія", "Секретаріат"],
      fax: ["Факс"],
      address: ["Юридична адреса", "Поштова адреса", "Офіс"],
      contact_form: ["Форма зворотного зв’язку", "Повідомити про інцидент"],
    },
    mailboxes: ["info", "office", "kontakt", "hotline"],
    people: [["Олена", "Андрій", "Оксана", "Тарас", "Ірина", "Дмитро"], ["Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Мельник", "Кравченко"]],
    contactPaths: ["/kontakty", "/en/contact"],
  },
];

type Place = { cities: string[]; streets: string[] };
type CountryInfo = Place & {
  tld: string;
  /** `#` a digit, `%` a digit 1–9, `@` a letter; anything else as is. */
  postcode: string;
  /** How the postcode and city are written: "pc city" (default), "city pc" or "city\npc". */
  cityLine?: "pc city" | "city pc" | "city\npc";
  mail: string[];
  /** Cities and streets in another language of a multilingual country. */
  local?: Record<string, Place>;
};

// Streets: `#` is the house number.
const countryInfo: Record<string, CountryInfo> = {
  AL: { tld: "al", postcode: "%###", cities: ["Tirana", "Durrës", "Shkodër", "Vlorë", "Elbasan"], streets: ["Rruga e Kavajës, Nr. #", "Bulevardi Dëshmorët e Kombit #", "Rruga Myslym Shyri #"], mail: ["gmail.com", "yahoo.com"] },
  AD: { tld: "ad", postcode: "AD%00", cities: ["Andorra la Vella", "Escaldes-Engordany", "Encamp"], streets: ["Avinguda Meritxell, #", "Carrer de la Unió, #"], mail: ["andorra.ad", "gmail.com"] },
  AM: { tld: "am", postcode: "00##", cities: ["Yerevan", "Gyumri", "Vanadzor"], streets: ["# Abovyan Street", "# Tigran Mets Avenue", "# Mashtots Avenue"], mail: ["gmail.com", "mail.ru"] },
  AT: { tld: "at", postcode: "%###", cities: ["Wien", "Graz", "Linz", "Salzburg", "Innsbruck", "Klagenfurt", "St. Pölten", "Bregenz"], streets: ["Mariahilfer Straße #", "Landstraßer Hauptstraße #", "Herrengasse #", "Schottenring #", "Getreidegasse #"], mail: ["gmx.at", "aon.at"] },
  AZ: { tld: "az", postcode: "AZ%###", cities: ["Baku", "Ganja", "Sumqayit"], streets: ["# Nizami Street", "# Neftchilar Avenue"], mail: ["gmail.com", "mail.ru"] },
  BE: {
    tld: "be", postcode: "%###", cities: ["Brussels", "Antwerp", "Ghent", "Liège", "Leuven"], streets: ["Rue de la Loi #", "Avenue Louise #", "Rue Belliard #", "Square de Meeûs #"], mail: ["telenet.be", "skynet.be", "gmail.com"],
    local: {
      fr: { cities: ["Bruxelles", "Liège", "Namur", "Charleroi", "Mons", "Louvain-la-Neuve", "Verviers", "Tournai", "Wavre"], streets: ["Rue de la Loi #", "Avenue de la Toison d'Or #", "Boulevard d'Avroy #", "Chaussée de Wavre #", "Place Saint-Lambert #", "Rue des Carmes #"] },
      nl: { cities: ["Brussel", "Antwerpen", "Gent", "Leuven", "Mechelen", "Brugge", "Hasselt", "Aalst", "Kortrijk", "Sint-Niklaas"], streets: ["Kerkstraat #", "Meir #", "Korenmarkt #", "Bondgenotenlaan #", "Grote Markt #", "Stationsstraat #"] },
      de: { cities: ["Eupen", "Sankt Vith", "Kelmis"], streets: ["Gospertstraße #", "Hauptstraße #", "Klosterstraße #"] },
    },
  },
  BA: { tld: "ba", postcode: "%####", cities: ["Sarajevo", "Banja Luka", "Mostar", "Tuzla"], streets: ["Ferhadija #", "Maršala Tita #", "Zmaja od Bosne #"], mail: ["gmail.com", "bih.net.ba"] },
  BG: { tld: "bg", postcode: "%###", cities: ["Sofia", "Plovdiv", "Varna", "Burgas"], streets: ["bul. Vitosha #", "ul. Georgi S. Rakovski #", "bul. Tsar Osvoboditel #"], mail: ["abv.bg", "gmail.com"] },
  HR: { tld: "hr", postcode: "%####", cities: ["Zagreb", "Split", "Rijeka", "Osijek"], streets: ["Ilica #", "Trg bana Josipa Jelačića #", "Vukovarska #"], mail: ["gmail.com", "net.hr"] },
  CY: { tld: "cy", postcode: "%###", cities: ["Λευκωσία", "Λεμεσός", "Λάρνακα", "Πάφος"], streets: ["Λεωφόρος Μακαρίου Γ΄ #", "Οδός Λήδρας #", "Λεωφόρος Αρχιεπισκόπου Κυπριανού #"], mail: ["cytanet.com.cy", "gmail.com"] },
  CZ: { tld: "cz", postcode: "%## ##", cities: ["Praha", "Brno", "Ostrava", "Plzeň", "Olomouc", "České Budějovice", "Liberec", "Hradec Králové", "Ústí nad Labem"], streets: ["Národní #", "Vodičkova #", "Masarykova #", "Náměstí Svobody #", "Žižkova #"], mail: ["seznam.cz", "email.cz"] },
  DK: { tld: "dk", postcode: "%###", cities: ["København", "Aarhus", "Odense", "Aalborg"], streets: ["Vesterbrogade #", "Nørrebrogade #", "Søndergade #"], mail: ["gmail.com", "mail.dk"] },
  EE: { tld: "ee", postcode: "%####", cities: ["Tallinn", "Tartu", "Narva", "Pärnu"], streets: ["Narva mnt #", "Pärnu mnt #", "Rüütli #"], mail: ["gmail.com", "hot.ee"] },
  FI: {
    tld: "fi", postcode: "#####", cities: ["Helsinki", "Tampere", "Turku", "Oulu", "Espoo"], streets: ["Mannerheimintie #", "Hämeenkatu #", "Aleksanterinkatu #"], mail: ["gmail.com", "elisanet.fi"],
    local: { sv: { cities: ["Helsingfors", "Åbo", "Vasa", "Esbo"], streets: ["Mannerheimvägen #", "Slottsgatan #", "Handelsesplanaden #"] } },
  },
  FR: { tld: "fr", postcode: "#####", cities: ["Paris", "Lyon", "Marseille", "Toulouse", "Lille", "Strasbourg", "Bordeaux", "Nantes", "Montpellier", "Saint-Étienne", "Besançon", "Orléans", "Rennes", "Grenoble", "Nice", "Rouen", "Dijon", "Clermont-Ferrand", "Perpignan", "Le Mans"], streets: ["# rue de la République", "# avenue Jean-Jaurès", "# boulevard Voltaire", "# rue Victor-Hugo", "# place de l'Hôtel-de-Ville", "# rue des Écoles", "# quai de la Fosse", "# rue du Faubourg-Saint-Honoré"], mail: ["orange.fr", "free.fr", "laposte.net", "gmail.com"] },
  GE: { tld: "ge", postcode: "0###", cities: ["Tbilisi", "Batumi", "Kutaisi"], streets: ["# Rustaveli Avenue", "# Chavchavadze Avenue"], mail: ["gmail.com"] },
  DE: { tld: "de", postcode: "%####", cities: ["Berlin", "Hamburg", "München", "Köln", "Frankfurt am Main", "Leipzig", "Dresden", "Düsseldorf", "Nürnberg", "Bremen", "Münster", "Göttingen", "Stuttgart", "Hannover", "Bochum", "Freiburg im Breisgau", "Magdeburg", "Würzburg", "Rostock", "Erfurt"], streets: ["Hauptstraße #", "Bahnhofstraße #", "Friedrichstraße #", "Schillerstraße #", "Königsallee #", "Lindenstraße #", "Am Markt #", "Mühlenweg #"], mail: ["gmx.de", "web.de", "t-online.de"] },
  GR: { tld: "gr", postcode: "%## ##", cities: ["Αθήνα", "Θεσσαλονίκη", "Πάτρα", "Ηράκλειο", "Λάρισα", "Ιωάννινα", "Καβάλα", "Χανιά"], streets: ["Πανεπιστημίου #", "Λεωφόρος Βασιλίσσης Σοφίας #", "Εγνατία #", "Ερμού #"], mail: ["gmail.com", "otenet.gr"] },
  HU: { tld: "hu", postcode: "%###", cities: ["Budapest", "Debrecen", "Szeged", "Pécs", "Győr"], streets: ["Andrássy út #", "Váci utca #", "Kossuth Lajos utca #"], mail: ["freemail.hu", "gmail.com"] },
  IS: { tld: "is", postcode: "%##", cities: ["Reykjavík", "Akureyri", "Kópavogur"], streets: ["Laugavegur #", "Borgartún #"], mail: ["simnet.is", "gmail.com"] },
  IE: { tld: "ie", postcode: "@## @#@#", cityLine: "city\npc", cities: ["Dublin", "Cork", "Galway", "Limerick", "Waterford"], streets: ["# O'Connell Street", "# Grafton Street", "# Merrion Square", "# Patrick Street"], mail: ["eircom.net", "gmail.com"] },
  IT: { tld: "it", postcode: "#####", cities: ["Roma", "Milano", "Napoli", "Torino", "Bologna", "Firenze", "Palermo", "Genova", "Bari", "Forlì", "Verona", "Padova", "Trieste", "Catania", "Perugia", "Cagliari"], streets: ["Via Roma, #", "Via Giuseppe Garibaldi #", "Corso Vittorio Emanuele II, #", "Piazza del Popolo #", "Via Nazionale #", "Via Cavour, #"], mail: ["libero.it", "tiscali.it", "virgilio.it"] },
  LV: { tld: "lv", postcode: "LV-%###", cities: ["Rīga", "Daugavpils", "Liepāja"], streets: ["Brīvības iela #", "Elizabetes iela #"], mail: ["inbox.lv", "gmail.com"] },
  LI: { tld: "li", postcode: "94##", cities: ["Vaduz", "Schaan", "Triesen"], streets: ["Städtle #", "Landstrasse #"], mail: ["gmail.com", "adon.li"] },
  LT: { tld: "lt", postcode: "LT-%####", cities: ["Vilnius", "Kaunas", "Klaipėda"], streets: ["Gedimino pr. #", "Pilies g. #"], mail: ["gmail.com", "one.lt"] },
  LU: { tld: "lu", postcode: "L-%###", cities: ["Luxembourg", "Esch-sur-Alzette", "Differdange", "Dudelange"], streets: ["#, rue de la Gare", "#, boulevard Royal", "#, avenue de la Liberté", "#, Grand-Rue"], mail: ["pt.lu", "gmail.com"] },
  MT: { tld: "mt", postcode: "@@@ ####", cityLine: "city pc", cities: ["Valletta", "Sliema", "Birkirkara", "Msida"], streets: ["# Republic Street", "# Merchants Street", "# Tower Road"], mail: ["gmail.com", "maltanet.net"] },
  MD: { tld: "md", postcode: "MD-%###", cities: ["Chișinău", "Bălți", "Cahul"], streets: ["Bulevardul Ștefan cel Mare #", "Strada București #"], mail: ["gmail.com", "mail.md"] },
  MC: { tld: "mc", postcode: "980##", cities: ["Monaco", "Monte-Carlo"], streets: ["# boulevard des Moulins", "# avenue de la Costa", "# rue Grimaldi"], mail: ["monaco.mc", "gmail.com"] },
  ME: { tld: "me", postcode: "%####", cities: ["Podgorica", "Nikšić", "Budva"], streets: ["Njegoševa #", "Bulevar Svetog Petra Cetinjskog #"], mail: ["gmail.com", "t-com.me"] },
  NL: { tld: "nl", postcode: "%### @@", cities: ["Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Eindhoven", "Groningen", "Tilburg", "Arnhem", "Zwolle", "Leeuwarden", "Almere", "Nijmegen", "Maastricht", "Haarlem"], streets: ["Oudegracht #", "Keizersgracht #", "Coolsingel #", "Lange Voorhout #", "Stationsplein #", "Dorpsstraat #"], mail: ["ziggo.nl", "kpnmail.nl", "gmail.com"] },
  MK: { tld: "mk", postcode: "%###", cities: ["Skopje", "Bitola", "Ohrid"], streets: ["ul. Makedonija #", "bul. Partizanski Odredi #"], mail: ["gmail.com", "t-home.mk"] },
  NO: { tld: "no", postcode: "####", cities: ["Oslo", "Bergen", "Trondheim", "Stavanger", "Tromsø"], streets: ["Karl Johans gate #", "Storgata #", "Bryggen #"], mail: ["online.no", "gmail.com"] },
  PL: { tld: "pl", postcode: "##-###", cities: ["Warszawa", "Kraków", "Łódź", "Wrocław", "Poznań", "Gdańsk", "Lublin", "Katowice", "Białystok", "Szczecin", "Bydgoszcz", "Rzeszów", "Toruń"], streets: ["ul. Marszałkowska #", "ul. Piotrkowska #", "ul. Długa #", "al. Jerozolimskie #", "ul. Świętokrzyska #", "ul. Floriańska #"], mail: ["wp.pl", "onet.pl", "o2.pl"] },
  PT: { tld: "pt", postcode: "%###-###", cities: ["Lisboa", "Porto", "Coimbra", "Braga", "Setúbal", "Faro", "Évora", "Aveiro", "Viseu"], streets: ["Rua Augusta, #", "Avenida da Liberdade, #", "Rua de Santa Catarina, #", "Praça da República, #"], mail: ["sapo.pt", "gmail.com"] },
  RO: { tld: "ro", postcode: "%#####", cities: ["București", "Cluj-Napoca", "Iași", "Timișoara", "Brașov"], streets: ["Calea Victoriei #", "Strada Memorandumului #", "Bulevardul Unirii #"], mail: ["yahoo.com", "gmail.com"] },
  SM: { tld: "sm", postcode: "4789#", cities: ["San Marino", "Serravalle", "Borgo Maggiore"], streets: ["Contrada Omagnano #", "Via Piana #"], mail: ["omniway.sm", "gmail.com"] },
  RS: { tld: "rs", postcode: "%####", cities: ["Beograd", "Novi Sad", "Niš"], streets: ["Knez Mihailova #", "Bulevar kralja Aleksandra #"], mail: ["gmail.com", "eunet.rs"] },
  SK: { tld: "sk", postcode: "%## ##", cities: ["Bratislava", "Košice", "Žilina", "Nitra"], streets: ["Obchodná #", "Hlavná #", "Štúrova #"], mail: ["azet.sk", "gmail.com"] },
  SI: { tld: "si", postcode: "%###", cities: ["Ljubljana", "Maribor", "Celje", "Koper"], streets: ["Slovenska cesta #", "Trubarjeva cesta #"], mail: ["siol.net", "gmail.com"] },
  ES: { tld: "es", postcode: "#####", cities: ["Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao", "Málaga", "Zaragoza", "Córdoba", "Granada", "A Coruña", "León", "Valladolid", "Murcia", "Palma", "Las Palmas de Gran Canaria", "Alicante", "San Sebastián"], streets: ["Calle Mayor, #", "Calle de Alcalá, #", "Avenida de la Constitución, #", "Plaza de España, #", "Paseo de Gracia, #", "Gran Vía, #"], mail: ["telefonica.net", "gmail.com", "hotmail.es"] },
  SE: { tld: "se", postcode: "%## ##", cities: ["Stockholm", "Göteborg", "Malmö", "Uppsala", "Västerås", "Örebro", "Linköping", "Helsingborg", "Jönköping", "Umeå"], streets: ["Drottninggatan #", "Storgatan #", "Kungsgatan #", "Sveavägen #"], mail: ["telia.com", "gmail.com"] },
  CH: {
    tld: "ch", postcode: "%###", cities: ["Zürich", "Bern", "Basel", "Luzern", "St. Gallen", "Winterthur"], streets: ["Bahnhofstrasse #", "Marktgasse #", "Seestrasse #", "Kramgasse #"], mail: ["bluewin.ch", "gmx.ch"],
    local: {
      fr: { cities: ["Genève", "Lausanne", "Neuchâtel", "Fribourg", "Sion"], streets: ["Rue du Rhône #", "Avenue de la Gare #", "Rue de Lausanne #", "Place de la Riponne #"] },
      it: { cities: ["Lugano", "Bellinzona", "Locarno"], streets: ["Via Nassa #", "Piazza Indipendenza #", "Viale Stazione #"] },
    },
  },
  TR: { tld: "tr", postcode: "%####", cities: ["İstanbul", "Ankara", "İzmir", "Bursa", "Diyarbakır", "Gaziantep", "Eskişehir", "Trabzon", "Adana", "Konya", "Antalya", "Kayseri"], streets: ["Atatürk Caddesi No: #", "İstiklal Caddesi No: #", "Gazi Bulvarı No: #", "Cumhuriyet Caddesi No: #"], mail: ["gmail.com", "hotmail.com", "yandex.com.tr"] },
  UA: {
    tld: "ua", postcode: "0####", cities: ["Kyiv", "Lviv", "Odesa", "Kharkiv", "Dnipro"], streets: ["Khreshchatyk St, #", "Svobody Ave, #"], mail: ["ukr.net", "gmail.com"],
    local: { uk: { cities: ["Київ", "Львів", "Одеса", "Харків", "Дніпро", "Вінниця"], streets: ["вул. Хрещатик, #", "просп. Свободи, #", "вул. Саксаганського, #"] } },
  },
  GB: { tld: "uk", postcode: "@@% %@@", cityLine: "city\npc", cities: ["London", "Manchester", "Birmingham", "Leeds", "Glasgow", "Edinburgh", "Cardiff", "Belfast", "Bristol", "Leicester", "Liverpool", "Sheffield", "Newcastle upon Tyne", "Nottingham", "Bradford", "Luton"], streets: ["# High Street", "# Station Road", "# Church Street", "# Victoria Road", "# King Street", "# Queen's Road"], mail: ["btinternet.com", "gmail.com"] },
};

/** Government domains (`interieur.gouv.fr`); `gov.<tld>` elsewhere. */
const governmentDomains: Record<string, string> = {
  FR: "gouv.fr", GB: "gov.uk", BE: "belgium.be", DE: "bund.de", AT: "gv.at", ES: "gob.es", NL: "rijksoverheid.nl", IT: "gov.it", SE: "regeringen.se",
};

// ─── Text helpers ────────────────────────────────────────────────────────────────────────────

const transliteration: Record<string, string> = {
  α: "a", β: "v", γ: "g", δ: "d", ε: "e", ζ: "z", η: "i", θ: "th", ι: "i", κ: "k", λ: "l", μ: "m", ν: "n", ξ: "x", ο: "o", π: "p",
  ρ: "r", σ: "s", ς: "s", τ: "t", υ: "y", φ: "f", χ: "ch", ψ: "ps", ω: "o",
  а: "a", б: "b", в: "v", г: "h", ґ: "g", д: "d", е: "e", є: "ie", ж: "zh", з: "z", и: "y", і: "i", ї: "i", й: "i", к: "k", л: "l",
  м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ь: "",
  ю: "iu", я: "ia", ß: "ss", ł: "l", ø: "o", æ: "ae", œ: "oe", đ: "d", ı: "i", þ: "th", ð: "d",
};

/** Lower-case ASCII letters and digits for domains and mailboxes (Greek and Cyrillic transliterated). */
function ascii(text: string): string {
  let out = "";
  for (const char of text.toLowerCase().normalize("NFD").replace(/ο\u0301?υ/g, "ou")) {
    if (char >= "a" && char <= "z") out += char;
    else if (char >= "0" && char <= "9") out += char;
    else if (char in transliteration) out += transliteration[char];
    else if (/\p{M}/u.test(char)) continue;
    else out += "-";
  }
  return out.replace(/-+/g, "-").replace(/^-|-$/g, "");
}

const stopWords = new Set(
  (
    "the and for of on in against för och mot i für und gegen im am der die das des von pour contre avec dans les des de la le du et d l en " +
    "voor tegen van het een de en op para por contra el los las del y con per contro della delle dei di e il lo na rzecz przeciw przeciwko w z " +
    "pro proti a ve v se για κατά της την τη του των τον και στην ve ile için da do dos das o e à ao"
  ).split(" "),
);

function significantWords(text: string): string[] {
  return text
    .split(/[\s'’«»„“”"–—:,()/.-]+/u)
    .filter((word) => word.length > 0 && !stopWords.has(word.toLowerCase()) && (word.length > 2 || /^\p{Lu}/u.test(word)));
}

function acronymOf(text: string): string | null {
  const letters = significantWords(text)
    .filter((word) => /^\p{L}/u.test(word))
    .map((word) => word[0].toUpperCase().normalize("NFD")[0]);
  return letters.length >= 2 && letters.length <= 7 ? letters.join("") : null;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");
}

/** French elision: "de Orléans" is "d'Orléans", "de Le Mans" is "du Mans". */
function elide(text: string): string {
  return text.replace(/(?<=^|\s)de (?=[AEIOUÉÈÂÎÔaeiouéèâîô])/g, "d'").replace(/(?<=^|\s)de Le /g, "du ");
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function pattern(random: Random, template: string): string {
  let out = "";
  for (const char of template) {
    if (char === "#") out += random.int(10);
    else if (char === "%") out += 1 + random.int(9);
    else if (char === "@") out += "ABCDEFGHJKLMNPRSTUVWXY"[random.int(22)];
    else out += char;
  }
  return out;
}

/** Replaces the last digits of `text` with `digits` (keeping spaces, dots and dashes in place). */
function replaceLastDigits(text: string, digits: string): string {
  const chars = text.split("");
  let d = digits.length - 1;
  for (let i = chars.length - 1; i >= 0 && d >= 0; i--) {
    if (chars[i] >= "0" && chars[i] <= "9") chars[i] = digits[d--];
  }
  return chars.join("");
}

// ─── Phone numbers ───────────────────────────────────────────────────────────────────────────

const suffixLength = 4;
/** Where random digits rarely hit a fixed-line range: how such numbers start. */
const fixedLineStarts: Record<string, string> = { SM: "0549", LI: "2" };

/** A valid number whose last `suffixLength` digits can be anything: its E.164 prefix and ways of writing it. */
type PhoneStem = { prefix: string; national: string[]; international: string[] };
type PhonePlan = { fixed: PhoneStem[]; mobile: PhoneStem[] };

/**
 * For each country, a few dozen valid fixed-line and mobile number stems, found by trying random
 * digits against libphonenumber's metadata (the same library and metadata as lib/validation).
 * Each way of writing a stem is checked to normalise back to the same E.164 number.
 */
function phonePlan(country: string, random: Random): PhonePlan {
  const code = country as CountryCode;
  const callingCode = getCountryCallingCode(code);
  const example = getExampleNumber(code, examples)?.nationalNumber ?? "20123456";
  const lengths = [...new Set([example.length - 1, example.length, example.length + 1, 7, 8, 9, 10])].filter((length) => length >= suffixLength + 2);
  const plan: PhonePlan = { fixed: [], mobile: [] };
  for (const kind of ["fixed", "mobile"] as const) {
    const stems = plan[kind];
    for (let attempt = 0; stems.length < 24 && attempt < 8000; attempt++) {
      let digits: string;
      if (kind === "mobile") {
        digits = example.slice(0, attempt < 4000 ? 1 : 2);
        while (digits.length < example.length) digits += random.int(10);
      } else {
        // Lengths near the example's first (the usual ones), then any length the plan allows.
        const length = attempt < 3000 ? Math.max(suffixLength + 2, example.length + random.int(3) - 1) : random.pick(lengths);
        digits = fixedLineStarts[country] ?? String(country === "IT" ? random.int(10) : 1 + random.int(9));
        while (digits.length < length) digits += random.int(10);
      }
      const stem = phoneStem(country, callingCode, digits, kind, random);
      if (stem && !stems.some((other) => other.prefix === stem.prefix)) stems.push(stem);
    }
    if (stems.length === 0) throw new Error(`No ${kind} phone numbers found for ${country}`);
  }
  return plan;
}

function phoneStem(country: string, callingCode: string, digits: string, kind: "fixed" | "mobile", random: Random): PhoneStem | null {
  const region = country as CountryCode;
  const wanted = kind === "fixed" ? ["FIXED_LINE", "FIXED_LINE_OR_MOBILE"] : ["MOBILE", "FIXED_LINE_OR_MOBILE"];
  const stemDigits = digits.slice(0, -suffixLength);
  // The stem must stay valid, and of the same type, whatever its last digits are.
  for (const suffix of [digits.slice(-suffixLength), random.digits(suffixLength), random.digits(suffixLength), "0000", "9999"]) {
    const phone = parsePhoneNumberFromString(`+${callingCode}${stemDigits}${suffix}`);
    if (!phone || !phone.isValid() || !wanted.includes(phone.getType() ?? "")) return null;
  }
  const phone = parsePhoneNumberFromString(`+${callingCode}${digits}`)!;
  const e164 = phone.number;
  const national = phone.formatNational();
  const international = phone.formatInternational();
  const parsesBack = (text: string, region?: CountryCode) => parsePhoneNumberFromString(text, region)?.number === e164;
  const [areaCode, ...rest] = national.split(" ");
  const nationalForms = [national, national.replace(/\s/g, "")];
  // 02.238.56.86, 02 / 238.56.86 (not for formats with parentheses or dashes already).
  if (rest.length && !/[()-]/.test(national)) nationalForms.push(national.replace(/ /g, "."), `${areaCode} / ${rest.join(".")}`);
  const internationalForms = [international, e164, `00${international.slice(1)}`, `+${callingCode} (0)${international.slice(callingCode.length + 2)}`];
  const readable = (forms: string[]) => [...new Set(forms)].filter((text) => parsesBack(text, region));
  const nationalReadable = readable(nationalForms);
  // International forms are also used for numbers abroad, read in another default region: they
  // must read without one, except 00…, the international prefix everywhere in Europe.
  const internationalReadable = readable(internationalForms).filter((text) => text.startsWith("00") || parsesBack(text));
  if (nationalReadable.length === 0 || internationalReadable.length === 0) return null;
  return { prefix: e164.slice(0, -suffixLength), national: nationalReadable, international: internationalReadable };
}

// ─── Organisations ───────────────────────────────────────────────────────────────────────────

export type DemoContact = { id: string; position: number; type: ContactKind; label: string | null; value: string; rawValue: string };
export type DemoOrganisation = {
  id: string;
  slug: string;
  name: string;
  acronym: string | null;
  kind: Kind;
  description: string;
  website: string | null;
  status: "published" | "archived";
  createdAt: Date;
  updatedAt: Date;
  lastVerifiedAt: Date | null;
  countries: string[];
  contacts: DemoContact[];
};

export type GeneratorOptions = {
  seed: number;
  count: number;
  /** Country codes present in the database (others are never used). */
  countries: { code: string; name: string }[];
  /** Generated slugs end in -(slugOffset + row number). */
  slugOffset?: number;
  /** "Now", for the spread of timestamps over the past years. */
  now?: Date;
};

const yearMs = 365.25 * 24 * 3600 * 1000;
const syllables = (
  "ka lo mi ra ve to na si de lu mo ri sa te vi no ba le ma zo el an or is ul ar en ia ho pe fa gu ne ro ta ki da me li so " +
  "tam ver sol nor kai lin mar dal ren tor vel hav ami ora eko"
).split(" ");
const contactCountWeights = new Weighted<number>([[0, 8], [1, 15], [2, 25], [3, 25], [4, 17], [5, 10]]);
const contactTypeWeights = new Weighted<ContactKind>([["email", 34], ["phone", 28], ["address", 18], ["contact_form", 11], ["fax", 9]]);
const countryCountWeights = new Weighted<number>([[1, 48], [2, 34], [3, 18]]);

function hex(value: number, width: number): string {
  return value.toString(16).padStart(width, "0");
}

/** A UUIDv7 (time-ordered, like the column's default) for a timestamp, with random bits from `random`. */
function uuid7(ms: number, random: Random): string {
  const a = random.uint32();
  const b = random.uint32();
  const c = random.uint32();
  return (
    hex(Math.floor(ms / 0x10000), 8) +
    "-" +
    hex(ms % 0x10000, 4) +
    "-7" +
    hex(a & 0xfff, 3) +
    "-" +
    hex(0x8000 | ((a >>> 12) & 0x3fff), 4) +
    "-" +
    hex(b & 0xffff, 4) +
    hex(c, 8)
  );
}

/** Creates organisations one after another; the same seed gives the same names, texts and contacts. */
export function createDemoGenerator(options: GeneratorOptions) {
  const random = new Random(options.seed);
  // Ids come from their own stream, which also depends on the slug offset: a second run into the
  // same database gets other ids, while the content stays the seed's.
  const ids = new Random(mix(options.seed, options.slugOffset ?? 0, 0x1d5));
  const now = (options.now ?? new Date()).getTime();
  const start = now - 8 * yearMs;
  const span = now - start - 24 * 3600 * 1000;
  const countryNames = new Map(options.countries.map((country) => [country.code, country.name]));
  const available = (code: string) => countryNames.has(code) && code in countryInfo;

  const languageWeights = new Weighted(
    languages.filter((language) => Object.keys(language.countries).some(available)).map((language) => [language, language.weight] as const),
  );
  if (languageWeights.size === 0) throw new LaunchError("None of the countries in the database is known to the demo data generator.");
  const firstCountry = new Map(
    languages.map((language) => [
      language.code,
      new Weighted(Object.entries(language.countries).filter(([code]) => available(code))),
    ]),
  );
  // Other countries an organisation works in: weighted like first countries, across languages.
  const overall = new Map<string, number>();
  for (const language of languages) {
    const total = Object.values(language.countries).reduce((sum, weight) => sum + weight, 0);
    for (const [code, weight] of Object.entries(language.countries)) {
      if (available(code)) overall.set(code, (overall.get(code) ?? 0) + (language.weight * weight) / total + 0.3);
    }
  }
  const otherCountries = new Weighted([...overall]);
  const kinds = new Weighted(Object.entries(kindWeights) as [Kind, number][]);
  const phonePlans = new Map<string, PhonePlan>();
  const phoneRandom = new Random(mix(options.seed, 0x9e3779b9));
  const planFor = (country: string) => {
    let plan = phonePlans.get(country);
    if (!plan) phonePlans.set(country, (plan = phonePlan(country, phoneRandom)));
    return plan;
  };
  // Built up front, in a fixed order, so that the numbers do not depend on which country came first.
  for (const code of [...overall.keys()].sort()) planFor(code);

  let index = 0;

  /** A made-up, pronounceable brand name ("Velora", "Tamiko"), as many projects and associations have. */
  function brandName(): string {
    let word = random.pick(syllables) + random.pick(syllables);
    if (random.chance(0.5)) word += random.pick(syllables);
    return capitalise(word);
  }

  function place(country: string, language: string): Place {
    const info = countryInfo[country];
    return info.local?.[language] ?? info;
  }

  function domainFor(name: string, acronym: string | null, kind: Kind, country: string, city: string): string {
    let label: string;
    if (acronym && random.chance(0.6)) {
      label = ascii(acronym);
    } else {
      const words = significantWords(name.replace(city, "")).slice(0, 3).map(ascii).filter(Boolean);
      label = words.join(random.chance(0.7) ? "-" : "");
      if (random.chance(0.2)) label += `-${ascii(city)}`;
    }
    if (label.length > 40) label = label.slice(0, label.lastIndexOf("-", 40) > 0 ? label.lastIndexOf("-", 40) : 40);
    label ||= "org";
    const tld = countryInfo[country].tld;
    if (kind === "government_body" || (kind === "security_service" && random.chance(0.7))) {
      return `${label}.${governmentDomains[country] ?? `gov.${tld}`}`;
    }
    if (kind === "research_education" && country === "GB") return `${label}.ac.uk`;
    if (kind === "network" && random.chance(0.3)) return `${label}.eu`;
    const roll = random.next();
    if (roll < 0.1) return `${label}.org`;
    if (roll < 0.14) return `${label}.eu`;
    if (roll < 0.16) return `${label}.net`;
    return country === "GB" ? `${label}.org.uk` : `${label}.${tld}`;
  }

  function description(language: Language, name: string, city: string): string {
    if (random.chance(0.06)) return "";
    const values = { name, city, year: String(random.between(1978, 2024)) };
    const sentences = language.sentences;
    const paragraphs: string[] = [];
    const used = new Set<number>();
    const paragraphCount = random.pick([1, 1, 2, 2, 3]);
    for (let p = 0; p < paragraphCount; p++) {
      const parts: string[] = [];
      const sentenceCount = random.between(1, 3);
      for (let s = 0; s < sentenceCount && used.size < sentences.length; s++) {
        // The first sentence usually introduces the organisation.
        let pick = p === 0 && s === 0 && random.chance(0.7) ? 0 : random.int(sentences.length);
        while (used.has(pick)) pick = (pick + 1) % sentences.length;
        used.add(pick);
        parts.push(fill(sentences[pick], values));
      }
      if (parts.length) paragraphs.push(parts.join(" "));
    }
    const text = paragraphs.join("\n\n");
    return language.code === "fr" ? elide(text) : text;
  }

  function phone(countries: string[], kind: "fixed" | "mobile"): { value: string; rawValue: string } {
    // Mostly in the organisation's first country (its default region), written as people do;
    // numbers abroad need their country code.
    const abroad = countries.length > 1 && random.chance(0.12);
    const country = abroad ? countries[1 + random.int(countries.length - 1)] : countries[0];
    const stems = planFor(country)[kind];
    const stem = random.pick(stems);
    const suffix = random.digits(suffixLength);
    const forms = abroad || random.chance(0.3) ? stem.international : stem.national;
    return { value: stem.prefix + suffix, rawValue: replaceLastDigits(random.pick(forms), suffix) };
  }

  function email(language: Language, domain: string | null, country: string, name: string): { value: string; rawValue: string } {
    let local: string;
    if (random.chance(0.2)) {
      const first = ascii(random.pick(language.people[0])).replace(/-/g, "");
      const last = ascii(random.pick(language.people[1])).replace(/-/g, "");
      local = random.chance(0.5) ? `${first}.${last}` : `${first[0]}.${last}`;
    } else {
      local = random.pick(language.mailboxes);
    }
    if (!domain) {
      // No website: a free mailbox named after the organisation.
      local = significantWords(name).slice(0, 3).map(ascii).filter(Boolean).join(".") || local;
      domain = random.pick(countryInfo[country].mail);
    }
    const value = `${local}@${domain}`;
    const roll = random.next();
    let rawValue = value;
    if (roll < 0.15) rawValue = capitalise(value);
    else if (roll < 0.22) rawValue = `${local}@${domain.toUpperCase()}`;
    else if (roll < 0.27) rawValue = `mailto:${value}`;
    else if (roll < 0.3) rawValue = ` ${value} `;
    return { value, rawValue };
  }

  function address(country: string, language: string, name: string, city: string): { value: string; rawValue: string } {
    const info = countryInfo[country];
    const local = place(country, language);
    const number = String(random.between(1, 180)) + (random.chance(0.08) ? random.pick(["a", "b", "A"]) : "");
    const lines: string[] = [];
    if (random.chance(0.2)) lines.push(name);
    lines.push(random.pick(local.streets).replace("#", number));
    const postcode = pattern(random, info.postcode);
    switch (info.cityLine ?? "pc city") {
      case "pc city":
        lines.push(`${postcode} ${city}`);
        break;
      case "city pc":
        lines.push(`${city} ${postcode}`);
        break;
      case "city\npc":
        lines.push(city, postcode);
        break;
    }
    if (random.chance(0.35)) lines.push(countryNames.get(country)!);
    const value = lines.join("\n");
    const roll = random.next();
    const rawValue =
      roll < 0.55
        ? value
        : roll < 0.85
          ? lines.join(",\n")
          : roll < 0.95
            ? lines.map((line) => `${line} `).join("\r\n")
            : lines.join(" -\n");
    return { value, rawValue };
  }

  function next(): DemoOrganisation {
    const row = index++;
    const language = languageWeights.pick(random);
    const kind = kinds.pick(random);
    const countries = [firstCountry.get(language.code)!.pick(random)];
    const countryCount = Math.min(countryCountWeights.pick(random), otherCountries.size);
    while (countries.length < countryCount) {
      const code = otherCountries.pick(random);
      if (!countries.includes(code)) countries.push(code);
    }
    const home = place(countries[0], language.code);
    const city = random.pick(home.cities);

    // Name: a template for the kind, and now and then the city after it.
    // Names without a placeholder are national bodies, of which there is one: drawn less often.
    let template = random.pick(language.names[kind]);
    if (!template.includes("{")) template = random.pick(language.names[kind]);
    const person = `${random.pick(language.people[0])} ${random.pick(language.people[1])}`;
    const slogan = random.chance(0.35) ? brandName() : random.pick(language.slogans);
    const core = fill(template, { T: random.pick(language.topics), S: slogan, P: person, city });
    const official = kind === "government_body" || kind === "security_service";
    const withCity = !official && !template.includes("{city}") && random.chance(0.5);
    let name = capitalise(withCity ? core + fill(language.citySuffix, { city }) : core);
    if (language.code === "fr") name = elide(name);
    if (!official && language.legalForms.length && random.chance(0.12)) {
      const form = random.pick(language.legalForms);
      if (!name.endsWith(form)) name = `${name} ${form}`;
    }
    const acronym = random.chance(acronymChance[kind]) ? acronymOf(core.replace(city, "")) : null;

    const website = random.chance(kind === "other" ? 0.7 : 0.87)
      ? domainFor(core, acronym, kind, countries[0], city)
      : null;
    const scheme = random.chance(0.06) ? "http://" : "https://";
    const www = random.chance(0.75) ? "www." : "";
    const websiteUrl = website ? `${scheme}${www}${website}${random.chance(0.08) ? "/" : random.chance(0.06) ? `/${language.code}/` : ""}` : null;

    // Spread over the past eight years, in row order (like rows inserted as they were created).
    const createdMs = Math.floor(start + (span * (row + random.next())) / options.count);
    const updatedMs = random.chance(0.4) ? createdMs : Math.floor(createdMs + (now - createdMs) * random.next() ** 2);
    const verifiedMs = random.chance(0.35) ? Math.floor(updatedMs + (now - updatedMs) * random.next()) : null;
    const status = random.chance(0.1) ? "archived" : "published";

    const contacts: DemoContact[] = [];
    const contactCount = contactCountWeights.pick(random);
    const values = new Set<string>();
    for (let attempt = 0; contacts.length < contactCount && attempt < contactCount + 3; attempt++) {
      const type = contactTypeWeights.pick(random);
      let contact: { value: string; rawValue: string };
      switch (type) {
        case "email":
          contact = email(language, website, countries[0], core);
          break;
        case "phone":
          contact = phone(countries, random.chance(0.4) ? "mobile" : "fixed");
          break;
        case "fax":
          contact = phone(countries, "fixed");
          break;
        case "address":
          contact = address(countries[0], language.code, name, city);
          break;
        case "contact_form": {
          const base = websiteUrl?.replace(/\/[a-z]{2}\/$|\/$/, "") ?? `https://www.${domainFor(core, acronym, kind, countries[0], city)}`;
          const value = base + random.pick(language.contactPaths);
          contact = { value, rawValue: value.startsWith("https://") && random.chance(0.3) ? value.slice(8) : value };
          break;
        }
      }
      if (values.has(contact.value)) continue; // the same e-mail or number twice: draw another
      values.add(contact.value);
      const label = random.chance(0.45) ? random.pick(language.labels[type]) : null;
      contacts.push({ id: uuid7(createdMs, ids), position: contacts.length, type, label, ...contact });
    }

    return {
      id: uuid7(createdMs, ids),
      slug: `${slugFor(name)}-${(options.slugOffset ?? 0) + row + 1}`,
      name,
      acronym,
      kind,
      description: description(language, name, city),
      website: websiteUrl,
      status,
      createdAt: new Date(createdMs),
      updatedAt: new Date(updatedMs),
      lastVerifiedAt: verifiedMs === null ? null : new Date(verifiedMs),
      countries,
      contacts,
    };
  }

  return { next };
}

// ─── COPY ────────────────────────────────────────────────────────────────────────────────────

const copyEscapes: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** A field in COPY's text format. */
function field(value: string | null): string {
  if (value === null) return "\\N";
  return /[\\\n\r\t]/.test(value) ? value.replace(/[\\\n\r\t]/g, (char) => copyEscapes[char]) : value;
}

function timestamp(date: Date | null): string {
  return date === null ? "\\N" : date.toISOString();
}

// Only the columns written here are named: others (generated or defaulted) are left to PostgreSQL.
const copyOrganisations =
  'COPY "Organisation" ("id", "slug", "name", "acronym", "kind", "description", "website", "status", "version", "createdAt", "updatedAt", "lastVerifiedAt", "countryCodes") FROM STDIN';
const copyOrganisationCountries = 'COPY "OrganisationCountry" ("organisationId", "countryCode", "position") FROM STDIN';
const copyContacts = 'COPY "Contact" ("id", "organisationId", "position", "type", "label", "value", "rawValue") FROM STDIN';

async function copy(client: pg.Client, sql: string, lines: string[]): Promise<void> {
  if (lines.length === 0) return;
  const chunks: string[] = [];
  for (let i = 0; i < lines.length; i += 2000) chunks.push(lines.slice(i, i + 2000).join(""));
  await pipeline(Readable.from(chunks, { objectMode: false }), client.query(copyFrom(sql)));
}

// ─── The generator ───────────────────────────────────────────────────────────────────────────

export type DemoPhase = "connect" | "migrate" | "countries" | "organisations" | "revisions" | "analyze";
export type DemoProgress = { phase: DemoPhase; done: number; total: number };
export type GenerateDemoOptions = {
  /** The database to fill (postgresql://…); never defaulted. */
  url: string;
  count: number;
  seed?: number;
  /** Organisations per COPY round (2,000). */
  batchSize?: number;
  /** Connections loading batches side by side (2), each in one transaction, committed together. */
  connections?: number;
  onProgress?: (progress: DemoProgress) => void;
};
export type DemoSummary = {
  organisations: number;
  countryLinks: number;
  contacts: number;
  migrationsApplied: string[];
  countriesInserted: number;
  /** The number in the first generated slug. */
  firstSlugNumber: number;
  seconds: number;
};

/** Checks a --database value; returns a one-line reason when it is unusable. */
export function checkDatabaseUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `--database must be a postgresql:// URL (e.g. postgresql://postgres@localhost:5432/prova_bench), not "${url}".`;
  }
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") {
    return `--database must be a postgresql:// URL (e.g. postgresql://postgres@localhost:5432/prova_bench), not ${parsed.protocol}//….`;
  }
  if (!parsed.pathname.replace(/^\//, "")) return "--database must name a database, e.g. postgresql://postgres@localhost:5432/prova_bench.";
  return null;
}

function connectionProblem(error: unknown, url: string): string {
  const where = describeTarget(url);
  const { code, message } = error as { code?: string; message?: string };
  switch (code) {
    case "ECONNREFUSED":
      return `Cannot reach PostgreSQL at ${where}: nothing is listening there. Start PostgreSQL or fix --database.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot reach PostgreSQL at ${where}: the host name does not resolve. Fix --database.`;
    case "3D000":
      return `PostgreSQL at ${where}: the database does not exist. Create it first (createdb ${where.split("/").pop()}).`;
    case "28P01":
    case "28000":
      return `PostgreSQL at ${where} refused the user or password given in --database.`;
    case "ETIMEDOUT":
      return `Cannot reach PostgreSQL at ${where}: the connection timed out. Check --database and the network.`;
    default:
      return `Cannot use PostgreSQL at ${where}: ${firstLine(message ?? String(error))}`;
  }
}

function firstLine(text: string): string {
  return text.split("\n")[0].trim();
}

/**
 * Fills the database at `url` with `count` synthetic organisations (with their countries and
 * contacts), after applying pending migrations and loading the countries when the table is empty.
 * Nothing is visible before the end (each connection writes in one transaction; they are
 * committed one after the other at the end), then the tables are analysed.
 */
export async function generateDemo(options: GenerateDemoOptions): Promise<DemoSummary> {
  const { url, count, seed = 1, batchSize = 2000, connections = 2, onProgress = () => {} } = options;
  const started = performance.now();
  const urlProblem = checkDatabaseUrl(url);
  if (urlProblem) throw new LaunchError(urlProblem);
  if (!Number.isSafeInteger(count) || count < 1) throw new LaunchError(`The count must be a whole number of at least 1, not ${count}.`);
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new LaunchError(`The batch size must be a whole number of at least 1, not ${batchSize}.`);
  if (!Number.isSafeInteger(connections) || connections < 1) throw new LaunchError(`The number of connections must be a whole number of at least 1, not ${connections}.`);

  onProgress({ phase: "connect", done: 0, total: 1 });
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {}); // a dropped connection surfaces as the failing query's error
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw new LaunchError(connectionProblem(error, url));
  }

  const clients = [client];
  let inTransaction: pg.Client[] = [];
  try {
    onProgress({ phase: "migrate", done: 0, total: 1 });
    let migrationsApplied: string[];
    try {
      migrationsApplied = await deployMigrations(url);
    } catch (error) {
      throw new LaunchError(`Could not apply the migrations to ${describeTarget(url)}: ${firstLine((error as Error).message ?? String(error))}`);
    }

    onProgress({ phase: "countries", done: 0, total: 1 });
    let countriesInserted = 0;
    const { rowCount: haveCountries } = await client.query('SELECT 1 FROM "Country" LIMIT 1');
    if (!haveCountries) {
      const inserted = await client.query(
        'INSERT INTO "Country" ("code", "name") SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING',
        [countriesJson.countries.map((country) => country.code), countriesJson.countries.map((country) => country.name)],
      );
      countriesInserted = inserted.rowCount ?? 0;
    }
    const countries = (await client.query<{ code: string; name: string }>('SELECT "code", "name" FROM "Country" ORDER BY "code"')).rows;

    // Generated slugs end in -N with N above every number ending an existing slug, so they cannot
    // collide with the seeded organisations, an editor's, or those of an earlier run.
    const { rows } = await client.query<{ max: string }>(
      `SELECT COALESCE(MAX(substring("slug" FROM '-([0-9]{1,15})$')::bigint), 0)::text AS max FROM "Organisation"`,
    );
    const slugOffset = Number(rows[0].max);
    const generator = createDemoGenerator({ seed, count, countries, slugOffset });

    // Several connections, each with one transaction holding whole batches (organisations with
    // their countries and contacts), committed together at the end: PostgreSQL works on one batch
    // per connection while the next is generated here. Which connection gets which batch does not
    // change what is generated.
    const loaders: pg.Client[] = [client];
    for (let i = 1; i < connections; i++) {
      const extra = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
      extra.on("error", () => {});
      clients.push(extra);
      loaders.push(extra);
      await extra.connect();
    }
    for (const loader of loaders) {
      await loader.query("BEGIN");
      inTransaction.push(loader);
      // Fewer, larger merges of the GIN indexes' pending lists (full-text search columns).
      await loader.query("SET LOCAL gin_pending_list_limit = '32MB'");
      await loader.query("SET LOCAL work_mem = '64MB'");
    }

    let generated = 0;
    let loaded = 0;
    let countryLinks = 0;
    let contacts = 0;
    let failed = false;
    onProgress({ phase: "organisations", done: 0, total: count });
    const load = async (loader: pg.Client) => {
      while (!failed && generated < count) {
        const size = Math.min(batchSize, count - generated);
        generated += size;
        const batch = batchLines(generator, size);
        await copy(loader, copyOrganisations, batch.organisations);
        await copy(loader, copyOrganisationCountries, batch.countries);
        await copy(loader, copyContacts, batch.contacts);
        loaded += size;
        countryLinks += batch.countries.length;
        contacts += batch.contacts.length;
        onProgress({ phase: "organisations", done: loaded, total: count });
      }
    };
    const results = await Promise.allSettled(
      loaders.map((loader) =>
        load(loader).catch((error) => {
          failed = true;
          throw error;
        }),
      ),
    );
    const rejected = results.find((result) => result.status === "rejected");
    if (rejected) throw (rejected as PromiseRejectedResult).reason;
    for (const loader of loaders) await loader.query("COMMIT");
    inTransaction = [];

    // History starts complete: revision 1 of every generated organisation (the function is the migration's).
    onProgress({ phase: "revisions", done: 0, total: 1 });
    await client.query("SELECT prova_backfill_revisions()");
    // And the typo fallback's dictionary of name words.
    await client.query("SELECT prova_backfill_search_words()");
    // The admin list's search rows in name order (kept by triggers, written batch by batch).
    await client.query('CLUSTER "OrganisationSearchText" USING "OrganisationSearchText_name_organisationId_idx"');

    onProgress({ phase: "analyze", done: 0, total: 1 });
    // VACUUM also merges the GIN indexes' pending lists, which every search would otherwise scan.
    await client.query('VACUUM ANALYZE "Country", "Organisation", "OrganisationCountry", "Contact", "Revision", "SearchWord", "OrganisationSearchText"');

    return {
      organisations: count,
      countryLinks,
      contacts,
      migrationsApplied,
      countriesInserted,
      firstSlugNumber: slugOffset + 1,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    await Promise.all(inTransaction.map((open) => open.query("ROLLBACK").catch(() => {})));
    if (error instanceof LaunchError) throw error;
    throw new LaunchError(`Generating demo data into ${describeTarget(url)} failed: ${firstLine((error as Error).message ?? String(error))}`);
  } finally {
    await Promise.all(clients.map((open) => open.end().catch(() => {})));
  }
}

type BatchLines = { organisations: string[]; countries: string[]; contacts: string[] };

/** The next `size` organisations, as lines of COPY text for the three tables. */
function batchLines(generator: ReturnType<typeof createDemoGenerator>, size: number): BatchLines {
  const lines: BatchLines = { organisations: [], countries: [], contacts: [] };
  for (let i = 0; i < size; i++) {
    const o = generator.next();
    lines.organisations.push(
      `${o.id}\t${field(o.slug)}\t${field(o.name)}\t${field(o.acronym)}\t${o.kind}\t${field(o.description)}\t${field(o.website)}\t${o.status}\t1\t` +
        `${timestamp(o.createdAt)}\t${timestamp(o.updatedAt)}\t${timestamp(o.lastVerifiedAt)}\t{${o.countries.join(",")}}\n`,
    );
    for (let position = 0; position < o.countries.length; position++) {
      lines.countries.push(`${o.id}\t${o.countries[position]}\t${position}\n`);
    }
    for (const c of o.contacts) {
      lines.contacts.push(`${c.id}\t${o.id}\t${c.position}\t${c.type}\t${field(c.label)}\t${field(c.value)}\t${field(c.rawValue)}\n`);
    }
  }
  return lines;
}
