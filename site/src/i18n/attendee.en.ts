/**
 * Texts of the attendee's pages beyond the shared form strings: live categories, the
 * confirmation that replaces the form, and the manage page's lost-link and payment parts.
 * attendee.fr.ts must match it (AttendeeStrings).
 */
import type { Localised } from './types.ts';

export const attendeeEn = {
  register: {
    glance: 'At a glance',
    points: [
      'We mail you a link to confirm your address; your place is held meanwhile.',
      'Paid categories are paid by bank transfer: the invoice carries our bank details and your payment reference.',
      'The same mail brings a private link to change or cancel your registration at any time.',
    ],
    paidHint: 'Paid by bank transfer: the invoice carries our bank details and your payment reference.',
    /** Under the choices, for a chosen category that is not simply open (register.ts). */
    stateNotes: {
      'few-left': 'Few places are left in this category.',
      waitlist:
        'This category is full: you will join its waiting list, and we will write to you when a place is yours.',
    },
    /** A paid category's fee, for someone joining its waiting list. */
    paidOnceSeated: 'Its fee is paid by bank transfer once a place is yours.',
    privacyLink: 'Read the privacy notice',
    categoryUnavailable: 'This category cannot be chosen any more. Please choose another one.',
    thanks: 'Thank you, {name}',
    booked: 'What you booked',
    category: 'Category',
    fee: 'Fee',
    dates: 'Dates',
    venue: 'Venue',
    status: 'Status',
    next: 'What happens next',
    statusText: {
      unverified: 'Place held, waiting for you to confirm your email address',
      unverifiedWaitlist: 'Number {n} on the waiting list, waiting for you to confirm your email address',
      confirmed: 'Confirmed',
      pending: 'Awaiting approval by the organisers; your place is held',
      waitlisted: 'Number {n} on the waiting list',
    },
    steps: {
      checkMail: 'Check your mail: open the link we sent to {email} within {hours} hours to confirm your address.',
      approval: 'The organisers review each registration in this category; we will write to you with their decision.',
      waitlist: 'We will write as soon as a place is yours.',
      payment:
        'Pay {amount} by bank transfer. The invoice with our bank details and your payment reference is on your registration page once you have confirmed your address.',
      manage: 'The mail also carries a private link to change or cancel your registration.',
    },
  },
  manage: {
    lostHeading: 'Lost your link?',
    lostIntro: 'Enter the address you registered with: we will mail you the private link to your registration.',
    email: 'Email address',
    send: 'Send me my link',
    sending: 'Sending…',
    sent: 'If that address is registered, a link is on its way. Please check your inbox and spam folder.',
    tooMany: 'Too many requests. Please try again in a few minutes.',
    invalidEmail: 'Enter a valid email address',
    yourRegistration: 'Your registration',
    changeHeading: 'Change your details',
    event: 'Event',
    category: 'Category',
    fee: 'Fee',
    payment: 'Payment',
    reference: 'Payment reference',
    dueDate: 'Pay by',
    invoice: 'Download the invoice (PDF)',
    visa: 'Visa invitation letter',
    requested: 'Requested',
    dates: 'Dates',
    venue: 'Venue',
    payNote: 'Please pay {amount} by bank transfer by {date}, quoting the reference {reference}.',
    free: 'Free of charge',
    ended: 'This registration has ended: there is nothing more to change.',
    registerAgain: 'Register again',
    bank: { beneficiary: 'Beneficiary', iban: 'IBAN', bic: 'BIC', bankName: 'Bank' },
  },
} as const;

export type AttendeeStrings = Localised<typeof attendeeEn>;
