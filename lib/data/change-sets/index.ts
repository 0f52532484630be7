// The change sets' public entry: importers use "@/lib/data/change-sets".
export * from "./decisions";
