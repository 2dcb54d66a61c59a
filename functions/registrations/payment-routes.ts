/** Route contracts of payments (organisers), invoices and the lost-link mail (attendees). */

import * as z from 'zod/mini';
import { requireRoleFirst } from '../core/auth.ts';
import { createRoute } from '../core/contract.ts';
import { authProblems, bearerAuth, jsonResponse as json, problemResponse } from '../core/openapi-helpers.ts';
import { Id } from '../core/schemas.ts';
import { meta } from '../core/zod.ts';
import { Accepted, ImportReport, PaymentUpdate, ResendLinkInput } from './manage-schemas.ts';
import { requireManageTokenFirst } from './manage-token.ts';
import { Registration } from './schemas.ts';

export const resendLinkRoute = createRoute({
  method: 'post',
  path: '/api/events/{eventId}/registrations/resend-link',
  tags: ['registrations'],
  summary: 'Mail me my manage link again: 202 whatever the address; only a registered address gets mail',
  request: {
    params: z.object({ eventId: Id }),
    body: { required: true, content: { 'application/json': { schema: ResendLinkInput } } },
  },
  responses: {
    202: json(Accepted, 'Accepted (the same answer for every address)'),
    400: problemResponse('Malformed request'),
    422: problemResponse('Not an email address'),
    429: problemResponse('Too many requests from this client'),
  },
});

export const invoiceRoute = createRoute({
  method: 'get',
  path: '/api/registrations/{registrationId}/invoice.pdf',
  tags: ['payments'],
  summary: 'The invoice of a paid category as PDF: pro-forma while due, final (numbered, paid) once paid',
  security: [{ manageToken: [] }],
  middleware: requireManageTokenFirst,
  request: { params: z.object({ registrationId: z.uuid() }) },
  responses: {
    200: {
      description: 'The invoice',
      content: { 'application/pdf': { schema: meta(z.string(), { format: 'binary' }) } },
    },
    401: authProblems[401],
    404: problemResponse('No registration for this link, or nothing to pay'),
  },
});

export const markPaymentRoute = createRoute({
  method: 'post',
  path: '/api/events/{eventId}/registrations/{registrationId}/payment',
  tags: ['payments'],
  summary: 'Mark a payment received or waived (organisers); the attendee is mailed',
  security: bearerAuth,
  middleware: requireRoleFirst('organiser'),
  request: {
    params: z.object({ eventId: Id, registrationId: z.uuid() }),
    body: { required: true, content: { 'application/json': { schema: PaymentUpdate } } },
  },
  responses: {
    200: json(Registration, 'The registration with its payment'),
    ...authProblems,
    404: problemResponse('No such registration'),
    409: problemResponse('Nothing to pay, or the registration has ended'),
    422: problemResponse('Invalid change'),
  },
});

export const importPaymentsRoute = createRoute({
  method: 'post',
  path: '/api/events/{eventId}/payments/import',
  tags: ['payments'],
  summary: 'Import a bank statement (CSV or ISO 20022 camt.053 XML, by content type) and mark matched payments paid',
  description:
    'CSV: a header row with at least `amount`, `currency` and `reference` (or `description`); optional `date`, `name`, `id`. ' +
    'camt.053: credit entries; the reference is read from the structured creditor reference or the unstructured remittance text. ' +
    'Matching ignores case and spaces; a wrong amount is reported, not marked paid; a line seen twice counts once; importing again changes nothing.',
  security: bearerAuth,
  middleware: requireRoleFirst('organiser'),
  request: {
    params: z.object({ eventId: Id }),
    body: {
      required: true,
      content: {
        'text/csv': { schema: z.string() },
        'application/xml': { schema: z.string() },
        'text/xml': { schema: z.string() },
      },
    },
  },
  responses: {
    200: json(ImportReport, 'What matched and what did not'),
    ...authProblems,
    413: problemResponse('Statement too large'),
    415: problemResponse('Neither CSV nor XML'),
    422: problemResponse('Not a readable CSV or camt.053 statement'),
  },
});

export const paymentRoutes = [resendLinkRoute, invoiceRoute, markPaymentRoute, importPaymentsRoute];
