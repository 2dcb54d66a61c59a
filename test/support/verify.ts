/** Opening the mailed link, for tests that need people past verification. */

import type { RecordsStore } from '../../functions/registrations/records-store.ts';
import { type VerifyDeps, verify } from '../../functions/registrations/verify.ts';

/** Verifies the registration of `email` in `eventId`, as the attendee opening the link would. */
export async function verifyByEmail(
  deps: VerifyDeps & { store: VerifyDeps['store'] & Pick<RecordsStore, 'registrationIdByEmail'> },
  eventId: string,
  email: string,
) {
  const id = await deps.store.registrationIdByEmail(eventId, email);
  const reg = id ? await deps.store.get(id) : undefined;
  if (!reg) throw new Error(`no registration for ${email} in ${eventId}`);
  return verify(deps, reg);
}
