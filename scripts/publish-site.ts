/**
 * `node scripts/publish-site.ts`: uploads `site/dist` to the site bucket and invalidates the
 * CDN, the same way the deploy does (scripts/upload-site.ts, so cache headers are the same).
 * The site build job (infra/site-build.ts) runs it after `astro build`; it reads
 * SITE_BUCKET, DISTRIBUTION_ID and AWS_REGION from the environment.
 */
import { fileURLToPath } from 'node:url';
import { uploadSite } from './upload-site.ts';

function required(name: string) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const count = await uploadSite({
  dist: fileURLToPath(new URL('../site/dist', import.meta.url)),
  bucket: required('SITE_BUCKET'),
  distributionId: required('DISTRIBUTION_ID'),
  region: required('AWS_REGION'),
});
console.log(`Published ${count} site files`);
