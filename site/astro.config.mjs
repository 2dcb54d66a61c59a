// @ts-check
import { defineConfig } from 'astro/config';

// The site is static HTML; the build reads published data from the API named by
// API_BASE_URL (see the README). SITE_URL is the public origin, for canonical links.
export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  i18n: {
    locales: ['en', 'fr'],
    defaultLocale: 'en',
    routing: { prefixDefaultLocale: false },
  },
});
