// Search's public entry: importers use "@/lib/data/search".
export * from "./statements";
