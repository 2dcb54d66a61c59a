/**
 * Settings the e2e run gives the local twin, set before `test/e2e/global-setup.ts` starts it.
 * The local twin counts sign-ups per socket address, and the e2e tests are one machine standing
 * in for many delegates (the waiting-list test alone signs up 25 at once), so the per-client
 * limit is raised the way anyone running `npm start` would raise it. A value already in the
 * environment wins.
 */
export default function setup() {
  process.env.SIGNUP_LIMIT_PER_CLIENT ||= '1000';
}
