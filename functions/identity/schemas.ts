/** Identity: who the signed-in caller is. */
import * as z from 'zod/mini';
import { Id } from '../core/schemas.ts';
import { meta } from '../core/zod.ts';

export const Me = meta(
  z.object({
    sub: z.string(),
    email: z.nullable(z.string()),
    roles: z.array(z.enum(['organiser', 'staff'])),
    sponsorIds: z.array(Id),
  }),
  { description: 'The signed-in caller' },
);
