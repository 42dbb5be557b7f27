// The contact's first name and surname taken from what Slack knows: a Slack profile, or a pasted email's From: line.
import { CALIQ_LIMITS } from '../caliq/index.js';

export type ContactName = { firstName: string; surname: string };

const cap = (name: string) => name.trim().slice(0, CALIQ_LIMITS.contactName).trim();

/**
 * "Jane Smith" → Jane / Smith. The first word is the first name and the rest the surname, which keeps particles
 * ("Anna van der Berg" → Anna / van der Berg) with the surname. "Smith, Jane" → Jane / Smith. A single word: none.
 */
export function splitFullName(fullName: string): ContactName | undefined {
  const cleaned = fullName
    .replace(/["“”]/g, '')
    .replace(/\s*\(.*?\)\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const comma = /^([^,]+),\s*([^,]+)$/.exec(cleaned);
  if (comma?.[1] && comma[2]) return named(comma[2], comma[1]);
  const [first, ...rest] = cleaned.split(' ');
  if (!first || rest.length === 0) return undefined;
  return named(first, rest.join(' '));
}

function named(firstName: string, surname: string): ContactName | undefined {
  const name = { firstName: cap(firstName), surname: cap(surname) };
  return name.firstName && name.surname ? name : undefined;
}

/** A Slack profile's first and last name; else its real name split sensibly. */
export function contactFromProfile(profile: {
  firstName?: string;
  lastName?: string;
  realName?: string;
}): ContactName | undefined {
  if (profile.firstName?.trim() && profile.lastName?.trim()) return named(profile.firstName, profile.lastName);
  return profile.realName ? splitFullName(profile.realName) : undefined;
}

/** The sender's name from a pasted email's `From: Jane Smith <jane@acme.example>` line; none when only an address. */
export function contactFromEmailText(text: string): ContactName | undefined {
  const line = /^\s*\*?From:\*?\s*(.+)$/im.exec(text)?.[1];
  if (!line) return undefined;
  const name = line
    .replace(/<[^>]*>/g, '')
    .replace(/\S+@\S+/g, '')
    .trim();
  return name ? splitFullName(name) : undefined;
}
