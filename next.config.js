/** @type {import('next').NextConfig} */
const nextConfig = {
  // Tests build into their own directory, so a test build never replaces the one `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tests included) with tsc; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  // Packages with native code or WebAssembly stay outside the server bundle.
  // forbidden() renders app/forbidden.tsx with a 403.
  experimental: { authInterrupts: true },
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg"],
};

export default nextConfig;
