import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The app never runs behind Vercel's image optimiser and has no remote images.
  poweredByHeader: false,
  // pg and the PGlite server are Node-only; keep them out of the bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "nodemailer", "bcryptjs"],
  typedRoutes: false,
};

export default nextConfig;
