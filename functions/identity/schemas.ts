/** Identity: who the signed-in caller is. */
import * as z from 'zod';
import { Id } from '../core/schemas.ts';

export const Me = z
  .object({
    sub: z.string(),
    email: z.string().nullable(),
    roles: z.array(z.enum(['organiser', 'staff'])),
    sponsorIds: z.array(Id),
  })
  .meta({ description: 'The signed-in caller' });
