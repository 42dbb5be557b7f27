// The storage interfaces the flows depend on, all asynchronous so that a server database can implement them too.
import type { CaliqIssue, InteractionInput } from '../caliq/index.js';
import type { Draft, ReplyTarget } from '../interactions/index.js';

export type JournalState = 'pending' | 'logged' | 'rejected' | 'failed';

/** Where an entry came from: the form (command, shortcuts, Home, Edit), a quick log's card, or a Workflow Builder step. */
export type EntrySource = 'form' | 'quick_log' | 'workflow';
export const ENTRY_SOURCES: readonly EntrySource[] = ['form', 'quick_log', 'workflow'];

/** One submitted interaction and where its delivery to Caliq stands. Instants are Date objects. */
export type JournalEntry = {
  uniqueId: string;
  slackUserId: string;
  slackTeamId: string | undefined;
  state: JournalState;
  /** Exactly what is sent to Caliq (without the api key). */
  interaction: InteractionInput;
  /** What the user typed, so "Edit and resubmit" can reopen the modal as they left it. */
  draft: Draft;
  replyTo: ReplyTarget;
  /** Slack user to remind, when the interaction has a follow-up. */
  followUpSlackUserId: string | undefined;
  /** Rows written before sources were recorded read as `form`. */
  source: EntrySource;
  attempts: number;
  lastError: string | undefined;
  issues: CaliqIssue[];
  createdAt: Date;
  updatedAt: Date;
  /** When the delivery worker may next try (pending only). */
  nextAttemptAt: Date | undefined;
  /** Until when one delivery attempt holds the entry; nobody else sends it meanwhile. */
  leaseUntil: Date | undefined;
  loggedAt: Date | undefined;
  /** Set once the user has been told their entry is saved and waiting for Caliq. */
  delayNoticeAt: Date | undefined;
  /** Set once the user has been told the bot gave up (failed after the give-up time). */
  giveUpNoticeAt: Date | undefined;
  /** Set once the user has been told the final outcome (logged, rejected, failed, gave up), or a sweep took it on. */
  outcomeToldAt: Date | undefined;
};

export type NewJournalEntry = Pick<
  JournalEntry,
  'uniqueId' | 'slackUserId' | 'slackTeamId' | 'interaction' | 'draft' | 'replyTo' | 'followUpSlackUserId'
> & { /** Default `form`. */ source?: EntrySource };

/**
 * A new row written already claimed for its first attempt (attempts 1, leased until `leaseUntil`), which saves the
 * claim's own write on every submission. A repeat of a UniqueID is returned as it is, unclaimed.
 */
export type FirstClaim = { leaseUntil: Date };

export type JournalStore = {
  /** Writes a new pending entry; refuses a second entry for the same UniqueID and returns the existing one. */
  insert(entry: NewJournalEntry, now: Date, claim?: FirstClaim): Promise<{ inserted: boolean; entry: JournalEntry }>;
  get(uniqueId: string): Promise<JournalEntry | undefined>;
  /**
   * Atomically takes the entry for one delivery attempt: only a pending entry whose lease has expired (or has none)
   * can be claimed. Increments attempts. Returns the claimed entry, or undefined if someone else holds it.
   */
  claim(uniqueId: string, now: Date, leaseUntil: Date): Promise<JournalEntry | undefined>;
  /**
   * Moves the lease of a claim still held to `leaseUntil` (also after it ran out, if nobody claimed the entry since).
   * `attempts` is the claimed entry's count, which identifies the claim: true when renewed, false when the entry was
   * claimed again or settled meanwhile.
   */
  renewLease(uniqueId: string, attempts: number, leaseUntil: Date, now: Date): Promise<boolean>;
  /**
   * Gives back a claim whose attempt never started (no lane was free): the entry is due again at once and its count
   * goes back. `attempts` identifies the claim as for renewLease; false when it was no longer held.
   */
  release(uniqueId: string, attempts: number, now: Date): Promise<boolean>;
  /** Pending entries due for an attempt (next attempt reached, lease free), oldest first. */
  listDue(now: Date, limit: number): Promise<JournalEntry[]>;
  /** Earliest next attempt among pending entries, so a worker can sleep until then. */
  nextDueAt(): Promise<Date | undefined>;
  markLogged(uniqueId: string, now: Date): Promise<JournalEntry>;
  markRejected(uniqueId: string, issues: CaliqIssue[], now: Date): Promise<JournalEntry>;
  markFailed(uniqueId: string, error: string, now: Date): Promise<JournalEntry>;
  /** Keeps it pending, frees the lease and sets when to try again. */
  markRetry(uniqueId: string, error: string, nextAttemptAt: Date, now: Date): Promise<JournalEntry>;
  noteDelayNotice(uniqueId: string, now: Date): Promise<void>;
  noteGiveUpNotice(uniqueId: string, now: Date): Promise<void>;
  /** Marks that the users have been told how these entries ended (one write for the lot). */
  noteOutcomesTold(uniqueIds: readonly string[], now: Date): Promise<void>;
  /**
   * Atomically takes settled entries (logged, rejected, failed) whose outcome nobody noted as told and which settled
   * before `settledBefore`, marking them told at `now`: each is taken by one caller only, oldest first.
   */
  claimUntold(settledBefore: Date, now: Date, limit: number): Promise<JournalEntry[]>;
  /** Rejected or failed → pending again with (possibly edited) content, same UniqueID. */
  resubmit(
    uniqueId: string,
    change: { interaction: InteractionInput; draft: Draft; replyTo: ReplyTarget },
    now: Date,
  ): Promise<JournalEntry | undefined>;
  /** A user's entries created since `since` in the given states, newest first. */
  listForUser(slackUserId: string, since: Date, states: readonly JournalState[]): Promise<JournalEntry[]>;
  countByState(): Promise<Record<JournalState, number>>;
  /** Entries matching every given filter (an omitted filter matches all), newest first; for operators' tools. */
  list(filter: JournalFilter): Promise<JournalEntry[]>;
  /** When the oldest entry still pending was first submitted; undefined when none is pending. For metrics. */
  oldestPendingAt(): Promise<Date | undefined>;
  /**
   * The contacts a Slack team (every team when undefined) has logged with an account (any letter case), pending or
   * logged, one per name (letter case ignored, the latest spelling kept), most recently logged first.
   */
  listContactsForAccount(
    accountNo: string,
    slackTeamId: string | undefined,
    limit: number,
  ): Promise<RememberedContact[]>;
};

/** Someone logged with an account before: the form offers them instead of typing the names again. */
export type RememberedContact = { firstName: string; surname: string; lastLoggedAt: Date };

/** What an operator may select journal entries by. Empty lists count as omitted. */
export type JournalFilter = {
  states?: readonly JournalState[];
  slackUserIds?: readonly string[];
  /** Created at or after this instant. */
  since?: Date;
  /** At most this many entries (default: all). */
  limit?: number;
};

export type ReminderState = 'open' | 'sending' | 'sent' | 'done';

/** A follow-up reminder DM owed to one Slack user. */
export type Reminder = {
  id: string;
  /** The interaction's UniqueID; one reminder per interaction. */
  uniqueId: string;
  recipientSlackUserId: string;
  /** Who logged the interaction. */
  loggedBySlackUserId: string;
  dueAt: Date;
  state: ReminderState;
  /** What the DM shows: customer, contact, kind, channel, notes, follow-up notes (from the interaction). */
  interaction: InteractionInput;
  /** Incremented by every change; button values carry it so stale buttons are inert. */
  version: number;
  claimedBy: string | undefined;
  claimedAt: Date | undefined;
  sentAt: Date | undefined;
  sentConversationId: string | undefined;
  sentTs: string | undefined;
  /** True when it was sent after its due time (e.g. the bot was down). */
  sentLate: boolean;
  doneBySlackUserId: string | undefined;
  doneAt: Date | undefined;
  createdAt: Date;
};

export type NewReminder = Pick<
  Reminder,
  'uniqueId' | 'recipientSlackUserId' | 'loggedBySlackUserId' | 'dueAt' | 'interaction'
>;

export type ReminderStore = {
  /** Idempotent per UniqueID: a second call returns the existing reminder. */
  create(reminder: NewReminder, now: Date): Promise<Reminder>;
  get(id: string): Promise<Reminder | undefined>;
  /** Atomically moves due open reminders to `sending` for this owner; each reminder is claimed by one owner only. */
  claimDue(now: Date, owner: string, limit: number): Promise<Reminder[]>;
  /** Records the Slack message after sending (state `sent`). */
  markSent(id: string, sent: { conversationId: string; ts: string; late: boolean }, now: Date): Promise<Reminder>;
  /** Gives a claimed reminder back (the send failed before reaching Slack) so it is tried again at `retryAt`. */
  releaseClaim(id: string, retryAt: Date): Promise<void>;
  /** Only if `expectedVersion` matches: back to open with a new due time. Returns undefined when stale. */
  snooze(id: string, until: Date, expectedVersion: number, now: Date): Promise<Reminder | undefined>;
  /** Only if `expectedVersion` matches. Returns undefined when stale. */
  markDone(id: string, bySlackUserId: string, expectedVersion: number, now: Date): Promise<Reminder | undefined>;
  /** Open, sending or sent (not done) reminders for a recipient due before `until`, soonest first. */
  listOpenFor(recipientSlackUserId: string, until: Date): Promise<Reminder[]>;
  nextDueAt(): Promise<Date | undefined>;
  /** Reminders claimed before `claimedBefore` whose send never completed: they may or may not have reached Slack. */
  listStuckSending(claimedBefore: Date): Promise<Reminder[]>;
  /**
   * Takes over reminders whose send was claimed before `claimedBefore` and never completed (the sender died or its
   * answer was lost), for this owner; each is taken by one owner only. The version is kept: a DM that did reach Slack
   * carries it, so the new owner can look for that DM before sending again.
   */
  reclaimStuck(claimedBefore: Date, owner: string, now: Date, limit: number): Promise<Reminder[]>;
};

/** What the bot remembers per user. */
export type UserPrefs = { timeZone: string | undefined; lastChannelId: number | undefined };

/** Small per-user memory: the time zone Slack last told us and the Caliq channel they last chose. */
export type UserPrefsStore = {
  get(slackUserId: string): Promise<UserPrefs>;
  setTimeZone(slackUserId: string, timeZone: string): Promise<void>;
  setLastChannel(slackUserId: string, channelId: number): Promise<void>;
};

/**
 * The prefs store behind an in-memory write-through cache: `peek` answers from memory only, for code that must not
 * wait on the database (everything before views.open); `get` loads a user not yet seen.
 */
export type CachedUserPrefs = UserPrefsStore & {
  /** The user's prefs if this process has loaded or written them; never touches the database. */
  peek(slackUserId: string): UserPrefs | undefined;
};

/** A Slack channel linked to one Caliq customer account. */
export type ChannelLink = {
  /** The Slack conversation (C… or G…). */
  conversationId: string;
  teamId: string | undefined;
  accountNo: string;
  /** The channel's name when linked, for display ("#acme-team"). */
  channelName: string | undefined;
  linkedBySlackUserId: string;
  linkedAt: Date;
};
export type ChannelLinkStore = {
  /** Links the channel to the account, replacing any earlier link (one account per channel). */
  link(link: Omit<ChannelLink, 'linkedAt'>, now: Date): Promise<ChannelLink>;
  /** Removes the channel's link; returns the removed link, or undefined when there was none. */
  unlink(conversationId: string): Promise<ChannelLink | undefined>;
  get(conversationId: string): Promise<ChannelLink | undefined>;
  /** Every link, by account number then channel name. */
  list(): Promise<ChannelLink[]>;
};

/** Every store on one database, whichever kind it is. */
export type Stores = {
  journal: JournalStore;
  reminders: ReminderStore;
  prefs: CachedUserPrefs;
  channelLinks: ChannelLinkStore;
  /** Resolves when the database answers now; rejects with a StoreError when it does not. */
  check(): Promise<void>;
  close(): Promise<void>;
  /** Where the data lives, for the start-up log line (never a password). */
  description: string;
};

/** The little the stores say about themselves (a pino logger fits); store/ stays free of the app's modules. */
export type StoreLog = {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
};
