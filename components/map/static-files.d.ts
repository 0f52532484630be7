// The types of files imported as static assets (europe-map.svg): Next's own declarations, which
// next-env.d.ts (written by a build, not committed) would otherwise be the only one to bring.
/// <reference types="next/image-types/global" />
