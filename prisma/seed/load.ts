// The seed: countries and the original directory, loaded through lib/data (validated and
// normalised like an editor's input). Idempotent: what is already there is left alone.
import countries from "./countries.json" with { type: "json" };
import directory from "./directory.json" with { type: "json" };
import { seedCountries, seedOrganisations, seedUsers, type SeedReport } from "../../lib/data/seed";
import { demoUsers } from "./demo-users";
import type { OrganisationInput } from "../../lib/validation/organisation";

export async function loadSeed({ demo }: { demo: boolean }): Promise<SeedReport> {
  return {
    countries: await seedCountries(countries.countries),
    organisations: await seedOrganisations(directory.organisations as OrganisationInput[]),
    users: demo ? await seedUsers(demoUsers) : 0,
  };
}
