// Short human phrases for interactions and people ("call with ACME01 (Jane Smith) on …"), shared by every message.
import type { InteractionInput, InteractionKind } from '../caliq/index.js';
import { formatInZone } from '../dates/index.js';
import { escapeMrkdwn } from './escape.js';

const KIND_WORDS = { C: 'call', E: 'email', V: 'visit' } as const satisfies Record<InteractionKind, string>;

export function describeKind(kind: InteractionKind): 'call' | 'email' | 'visit' {
  return KIND_WORDS[kind];
}

function describeCustomer(customer: InteractionInput['customer']): string {
  return 'accountNo' in customer ? customer.accountNo : `customer #${customer.customerId}`;
}

function describeContact(contact: InteractionInput['contact']): string {
  if ('contactId' in contact) return `contact #${contact.contactId}`;
  return `${contact.firstName} ${contact.surname}`.trim();
}

/**
 * "call with ACME01 (Jane Smith) on Wed 25 Nov 2026, 15:00", the time in the reader's zone; escaped for mrkdwn.
 * Without a time (Caliq's "now") the "on …" part is left out.
 */
export function describeInteraction(interaction: InteractionInput, timeZone: string): string {
  const contact = describeContact(interaction.contact);
  const who = contact === '' ? '' : ` (${contact})`;
  const when = interaction.onDateTime ? ` on ${formatInZone(interaction.onDateTime, timeZone)}` : '';
  return escapeMrkdwn(`${describeKind(interaction.kind)} with ${describeCustomer(interaction.customer)}${who}${when}`);
}

/** The customer alone ("ACME01"), escaped. */
export function describeCustomerOf(interaction: InteractionInput): string {
  return escapeMrkdwn(describeCustomer(interaction.customer));
}

/**
 * An admin-configured contact as mrkdwn: a Slack user ID (`U…`/`W…`) or an existing `<@U…>` becomes a mention,
 * anything else (a name, an email address) is shown escaped.
 */
export function formatContact(contact: string): string {
  const trimmed = contact.trim();
  if (/^[UW][A-Z0-9]{2,}$/.test(trimmed)) return `<@${trimmed}>`;
  if (/^<@[UW][A-Z0-9]{2,}>$/.test(trimmed)) return trimmed;
  return escapeMrkdwn(trimmed);
}

/** A Slack user mention; the ID is checked so a stored value cannot smuggle other mrkdwn in. */
export function mentionUser(slackUserId: string): string {
  return /^[UWB][A-Z0-9]+$/.test(slackUserId) ? `<@${slackUserId}>` : escapeMrkdwn(slackUserId);
}

/** "5 minutes", "3 hours", "2 days": how long ago `from` was, roughly, for late notices. */
export function describeElapsed(from: Date, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - from.getTime()) / 60_000));
  if (minutes < 1) return 'moments';
  if (minutes < 60) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return hours === 1 ? '1 hour' : `${hours} hours`;
  return `${Math.round(hours / 24)} days`;
}
