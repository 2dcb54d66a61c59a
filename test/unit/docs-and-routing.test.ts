import { describe, expect, it } from 'vitest';
import { contextForPath, contexts } from '../../functions/contexts.ts';
import { isTimeZone } from '../../functions/core/schemas.ts';
import { Event } from '../../functions/events/schemas.ts';
import { Category } from '../../functions/registrations/schemas.ts';
import { docsApp } from '../support/apps.ts';

describe('OpenAPI document and reference page', () => {
  it('serves an OpenAPI 3.1 document generated from the route contracts', async () => {
    const response = await docsApp().request('/api/openapi.json');
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { responses: Record<string, unknown>; parameters?: { name: string; in: string }[] }>
      >;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/events',
      '/api/events/{eventId}',
      '/api/events/{eventId}/agenda',
      '/api/events/{eventId}/agenda.ics',
      '/api/events/{eventId}/agenda/draft',
      '/api/events/{eventId}/agenda/publish',
      '/api/events/{eventId}/agenda/versions',
      '/api/events/{eventId}/categories',
      '/api/events/{eventId}/categories/{categoryId}',
      '/api/events/{eventId}/check-in',
      '/api/events/{eventId}/check-in/search',
      '/api/events/{eventId}/check-in/stats',
      '/api/events/{eventId}/payments/import',
      '/api/events/{eventId}/registrations',
      '/api/events/{eventId}/registrations.csv',
      '/api/events/{eventId}/registrations/resend-link',
      '/api/events/{eventId}/registrations/stats',
      '/api/events/{eventId}/registrations/{registrationId}/approve',
      '/api/events/{eventId}/registrations/{registrationId}/cancel',
      '/api/events/{eventId}/registrations/{registrationId}/check-in',
      '/api/events/{eventId}/registrations/{registrationId}/payment',
      '/api/events/{eventId}/registrations/{registrationId}/reject',
      '/api/events/{eventId}/rooms',
      '/api/events/{eventId}/rooms/{id}',
      '/api/events/{eventId}/schedule.json',
      '/api/events/{eventId}/schedule.xml',
      '/api/events/{eventId}/sessions',
      '/api/events/{eventId}/sessions/{id}',
      '/api/events/{eventId}/sessions/{sessionId}/calendar.ics',
      '/api/events/{eventId}/speakers',
      '/api/events/{eventId}/speakers/{id}',
      '/api/events/{eventId}/speakers/{speakerId}/calendar.ics',
      '/api/events/{eventId}/sponsor-tiers',
      '/api/events/{eventId}/sponsors',
      '/api/events/{eventId}/sponsors/overview',
      '/api/events/{eventId}/sponsors/review',
      '/api/events/{eventId}/sponsors/{sponsorId}',
      '/api/events/{eventId}/sponsors/{sponsorId}/approve',
      '/api/events/{eventId}/sponsors/{sponsorId}/return',
      '/api/events/{eventId}/sponsors/{sponsorId}/review',
      '/api/events/{eventId}/sponsors/{sponsorId}/unpublish',
      '/api/events/{eventId}/tracks',
      '/api/events/{eventId}/tracks/{id}',
      '/api/health',
      '/api/me',
      '/api/registrations/{registrationId}',
      '/api/registrations/{registrationId}/agenda',
      '/api/registrations/{registrationId}/erase',
      '/api/registrations/{registrationId}/export',
      '/api/registrations/{registrationId}/invoice.pdf',
      '/api/registrations/{registrationId}/verify',
      '/api/sponsors/{sponsorId}/leads',
      '/api/sponsors/{sponsorId}/leads.csv',
      '/api/sponsors/{sponsorId}/leads/{leadId}',
      '/api/sponsors/{sponsorId}/logo-upload',
      '/api/sponsors/{sponsorId}/members',
      '/api/sponsors/{sponsorId}/members/{memberId}',
      '/api/sponsors/{sponsorId}/profile',
      '/api/sponsors/{sponsorId}/profile/submit',
      '/api/sponsors/{sponsorId}/staff',
      '/api/sponsors/{sponsorId}/staff/{staffId}',
    ]);
    const getEvent = doc.paths['/api/events/{eventId}']?.get;
    expect(Object.keys(getEvent?.responses ?? {}).sort()).toEqual(['200', '400', '404']);
    expect(getEvent?.parameters?.map((p) => [p.name, p.in])).toEqual([['eventId', 'path']]);
    expect(doc.paths['/api/events']?.get?.parameters?.map((p) => p.name)).toEqual(['limit', 'cursor']);
  });

  it('renders a readable reference page listing every operation', async () => {
    const response = await docsApp().request('/api/reference');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    for (const op of ['GET /api/health', 'GET /api/events', 'GET /api/events/{eventId}']) {
      expect(html).toContain(`<code>${op}</code>`);
    }
    expect(html).not.toContain('<script');
  });

  it('answers any other /api path with a problem+json 404', async () => {
    const response = await docsApp().request('/api/registrations/abc');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toEqual({
      type: '/problems/not-found',
      title: 'Not Found',
      status: 404,
      detail: 'No resource at /api/registrations/abc.',
    });
  });
});

describe('routing of API paths to contexts (API Gateway and local twin alike)', () => {
  it.each([
    ['/api/health', 'events'],
    ['/api/events', 'events'],
    ['/api/events/citce-2027', 'events'],
    ['/api/events/citce-2027/registrations', 'registrations'],
    ['/api/events/citce-2027/registrations/abc/approve', 'registrations'],
    ['/api/registrations/abc', 'registrations'],
    ['/api/openapi.json', 'docs'],
    ['/api/reference', 'docs'],
    ['/api/unknown', 'docs'],
    ['/api/eventsx', 'docs'],
    ['/api/me', 'identity'],
    ['/api/sponsors/northwind-trade/profile', 'sponsors'],
    ['/api/events/citce-2027/sponsors', 'sponsors'],
    ['/api/events/citce-2027/sponsors/x', 'sponsors'],
    ['/api/events/citce-2027/sponsors/x/approve', 'sponsors'],
    ['/api/events/citce-2027/sponsor-tiers', 'sponsors'],
    ['/api/events/citce-2027/other/x', 'events'],
    ['/api/events/citce-2027/agenda', 'agenda'],
    ['/api/events/citce-2027/agenda.ics', 'agenda'],
    ['/api/events/citce-2027/agenda/publish', 'agenda'],
    ['/api/events/citce-2027/schedule.xml', 'agenda'],
    ['/api/events/citce-2027/schedule.json', 'agenda'],
    ['/api/events/citce-2027/rooms/main-hall', 'agenda'],
    ['/api/events/citce-2027/sessions/opening/calendar.ics', 'agenda'],
    ['/api/events/citce-2027/speakers', 'agenda'],
    ['/api/registrations/abc/agenda', 'registrations'],
  ])('%s goes to %s', (path, context) => {
    expect(contextForPath(path)).toBe(context);
  });

  it('gives every context a Lambda entry under functions/', () => {
    expect(contexts.map((c) => c.entry)).toEqual([
      'functions/events/handler.ts',
      'functions/registrations/handler.ts',
      'functions/identity/handler.ts',
      'functions/sponsors/handler.ts',
      'functions/agenda/handler.ts',
      'functions/docs/handler.ts',
    ]);
  });
});

describe('shared schemas', () => {
  it('accepts IANA zones and rejects offsets or made-up names', () => {
    expect(['Europe/Lisbon', 'America/Argentina/Buenos_Aires', 'UTC'].map(isTimeZone)).toEqual([true, true, true]);
    expect(['+02:00', 'Mars/Olympus', 'CEST'].map(isTimeZone)).toEqual([false, false, false]);
  });

  it('refuses an event that ends before it starts and a category that closes before it opens', () => {
    const event = Event.safeParse({
      id: 'x',
      name: { en: 'X' },
      startDate: '2027-06-10',
      endDate: '2027-06-08',
      timeZone: 'Europe/Lisbon',
      venue: { name: { en: 'V' }, address: 'A', city: { en: 'C' }, country: 'PT' },
      status: 'draft',
    });
    expect(event.success).toBe(false);
    expect(event.error?.issues.map((i) => i.path.join('.'))).toEqual(['endDate']);

    const category = Category.safeParse({
      id: 'c',
      name: { en: 'C' },
      capacity: 5,
      waitlist: false,
      requiresApproval: false,
      opensAt: '2027-01-02T00:00:00+00:00',
      closesAt: '2027-01-01T00:00:00+00:00',
    });
    expect(category.error?.issues.map((i) => i.path.join('.'))).toEqual(['closesAt']);
  });
});

describe('API Gateway path matching', () => {
  it('prefers literal segments over parameters and any exact pattern over a greedy tail', async () => {
    const { matchScore } = await import('../../functions/contexts.ts');
    const list = [
      { name: 'events' as const, entry: 'e', paths: ['/api/events/{proxy+}'] },
      { name: 'docs' as const, entry: 'd', paths: ['/api/events/{eventId}/registrations', '/api/{proxy+}'] },
    ];
    expect(contextForPath('/api/events/x/registrations', list)).toBe('docs');
    expect(contextForPath('/api/events/x/registrations/y', list)).toBe('events');
    expect(contextForPath('/api/events/x', list)).toBe('events');
    expect(matchScore('/api/events/{eventId}', '/api/events/')).toBe(-1);
    expect(matchScore('/api/{proxy+}', '/api')).toBe(-1);
  });
});
