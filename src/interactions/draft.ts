// What the user typed or picked in the log modal, before validation: the form's state as plain values.
import type { InteractionKind } from '../caliq/index.js';
import type { ThreadOffer } from './thread-transcript.js';

/** Form values as the user left them; every field optional. Serializable, so it can be journaled and reopened. */
export type Draft = {
  accountNo?: string;
  kind?: InteractionKind;
  channelId?: number;
  contactFirstName?: string;
  contactSurname?: string;
  /** Free text date phrase ("yesterday 3pm"); empty means now. */
  when?: string;
  notes?: string;
  /** Free text date phrase for the follow-up; empty means no follow-up. */
  followUpWhen?: string;
  /** Slack user ID of the follow-up person. */
  followUpBy?: string;
  followUpNotes?: string;
  /** The Slack thread offered with the form; its transcript goes below the notes unless `attachThread` is false. */
  thread?: ThreadOffer;
  /** The "Attach the thread" box as the user left it; undefined (no box) means attach when there is a thread. */
  attachThread?: boolean;
  /** People logged with the account before, offered instead of typing their names. */
  rememberedContacts?: RememberedContactOption[];
  /** What the contact choice says: one of the remembered (their names are the contact's) or someone new (typed). */
  contactChoice?: 'remembered' | 'new';
};

/** A remembered contact as the form offers it: "Jane Smith · last logged 3 Dec". */
export type RememberedContactOption = { firstName: string; surname: string; lastLogged: string };

/** Where to tell the submitting user how it went, in order of preference. */
export type ReplyTarget = {
  /** A slash command's or message shortcut's response_url (≤ 5 uses in 30 minutes). */
  responseUrl?: string;
  /** The Slack conversation the modal was opened from, for chat.postEphemeral. */
  conversationId?: string;
  /** The first answer replaces the message the response_url belongs to (a quick log's preview card). */
  replaceOriginal?: boolean;
};

/**
 * A reply target as stored (journal rows, modal metadata). Rows written before the field was named `conversationId`
 * call it `channelId`; both read the same.
 */
export function readReplyTarget(raw: unknown): ReplyTarget {
  const stored = (raw ?? {}) as {
    responseUrl?: unknown;
    conversationId?: unknown;
    channelId?: unknown;
    replaceOriginal?: unknown;
  };
  const conversationId = stored.conversationId ?? stored.channelId;
  return {
    ...(typeof stored.responseUrl === 'string' ? { responseUrl: stored.responseUrl } : {}),
    ...(typeof conversationId === 'string' ? { conversationId } : {}),
    ...(stored.replaceOriginal === true ? { replaceOriginal: true } : {}),
  };
}

/** What travels in the modal's private_metadata (≤ 3000 characters). */
export type ModalMetadata = {
  /** The interaction's UniqueID, fixed when the modal opened. */
  uniqueId: string;
  replyTo: ReplyTarget;
  source: 'command' | 'shortcut' | 'global_shortcut' | 'home' | 'edit' | 'reminder' | 'quick_log';
};
