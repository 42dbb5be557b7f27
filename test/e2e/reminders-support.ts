// Shared steps for the reminder end-to-end tests: log a follow-up through the real flow, read and press reminder DMs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ACTION } from '../../src/ids.js';
import type { Reminder } from '../../src/store/types.js';
import { type CaliqSimulator, startCaliqSimulator } from '../../tools/caliq-simulator/index.js';
import { type FakeSlack, type FakeSlackCall, startFakeSlack } from '../../tools/slack-stand-in/fake-slack.js';
import type { LogModalInput } from '../../tools/slack-stand-in/slack-requests.js';
import { ALICE, BOB, CALIQ_KEY, type Harness, type HarnessOptions, startHarness } from '../support/bot-harness.js';

/** Monday 2 March 2026, 10:00 UTC: London is on GMT until 29 March, New York moves to EDT on Sunday 8 March. */
export const T0 = new Date('2026-03-02T10:00:00Z');
export const BOB_ZONE = 'America/New_York';
export const BOB_DM = `D${BOB}`;

type Json = Record<string, unknown>;

/** Servers and a clock shared by the bots of one test file; each test starts its own bots on a fresh database. */
export type ReminderWorld = {
  sim: CaliqSimulator;
  fake: FakeSlack;
  folder: string;
  now: Date;
  started: Harness[];
  /** A bot on this world's servers and clock, Bob in New York, the loop driven by hand unless said otherwise. */
  startBot(options?: Partial<HarnessOptions>): Promise<Harness>;
  /** A database path in this world's temp folder, for bots that share a store or restart. */
  databasePath(name: string): string;
  /** Stops every bot started since the last reset and forgets calls, responses and stored interactions. */
  reset(): Promise<void>;
  close(): Promise<void>;
};

export async function createReminderWorld(): Promise<ReminderWorld> {
  const sim = await startCaliqSimulator({ apiKey: CALIQ_KEY });
  const fake = await startFakeSlack();
  const folder = mkdtempSync(join(tmpdir(), 'caliq-reminders-e2e-'));
  const world: ReminderWorld = {
    sim,
    fake,
    folder,
    now: T0,
    started: [],
    async startBot(options = {}) {
      const h = await startHarness({
        simulator: sim,
        fakeSlack: fake,
        now: () => world.now,
        startReminderLoop: false,
        users: { [BOB]: { tz: BOB_ZONE } },
        ...options,
      });
      world.started.push(h);
      return h;
    },
    databasePath: (name) => join(folder, `${name}.db`),
    async reset() {
      await Promise.all(world.started.splice(0).map((h) => h.stop({ keepServers: true })));
      fake.reset();
      sim.reset();
      world.now = T0;
    },
    async close() {
      await world.reset();
      await Promise.all([sim.close(), fake.close()]);
      rmSync(folder, { recursive: true, force: true });
    },
  };
  return world;
}

/** Alice logs a call with ACME01 through the command and the modal, with a follow-up for Bob; resolves on her notice. */
export async function logFollowUp(h: Harness, input: LogModalInput = {}): Promise<{ notice: string }> {
  const before = h.fake.responses.length;
  await h.command({ text: '' });
  const reply = await h.submit({
    account: 'ACME01',
    kind: 'C',
    channel: 64,
    contactFirstName: 'Jane',
    contactSurname: 'Smith',
    when: '9am',
    notes: 'Talked about the renewal',
    followUpWhen: 'next Friday',
    followUpBy: BOB,
    followUpNotes: 'Send the revised quote',
    ...input,
  });
  expect(reply.body, 'the modal was accepted').toBe('');
  const response = await h.fake.waitForResponse(
    (r) => h.fake.responses.indexOf(r) >= before && /Logged|Caliq/.test(JSON.stringify(r.body)),
  );
  return { notice: textOf(response.body as Json) };
}

/** Every text of a message or its blocks, one per line, so tests can match what a person reads. */
export function textOf(message: Json): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Json;
      if (typeof record.text === 'string') texts.push(record.text);
      for (const [key, value] of Object.entries(record)) if (key !== 'text' || typeof value !== 'string') walk(value);
    }
  };
  walk(message.blocks);
  if (typeof message.text === 'string') texts.push(message.text);
  return texts.join('\n');
}

/** The reminder buttons' values in a message: Done, Log follow-up, and each snooze option. */
export function buttonsOf(blocks: unknown): { done: string; log: string; snooze: Record<string, string> } | undefined {
  const actions = (blocks as Array<{ type: string; elements?: Json[] }> | undefined)?.find(
    (block) => block.type === 'actions' && block.elements?.some((e) => e.action_id === ACTION.reminderDone),
  );
  if (!actions?.elements) return undefined;
  const byId = (id: string) => actions.elements?.find((element) => element.action_id === id);
  const options = (byId(ACTION.reminderSnooze)?.options ?? []) as Array<{ value: string }>;
  const snooze: Record<string, string> = {};
  for (const option of options) snooze[(JSON.parse(option.value) as { o: string }).o] = option.value;
  return {
    done: byId(ACTION.reminderDone)?.value as string,
    log: byId(ACTION.reminderLogFollowUp)?.value as string,
    snooze,
  };
}

/** The DMs the bot posted, in order. */
export const postedDms = (fake: FakeSlack): FakeSlackCall[] =>
  fake.callsTo('chat.postMessage').filter((call) => call.args.channel === BOB_DM);

export type PressTarget = { ts: string; channelId: string; isEphemeral?: boolean; responseUrl?: string };

/** Presses Done on a reminder message as `userId`. */
export const pressDone = (h: Harness, userId: string, value: string, on: PressTarget) =>
  h.action({
    userId,
    actions: [{ action_id: ACTION.reminderDone, block_id: 'reminder_actions', type: 'button', value }],
    message: { ts: on.ts, channelId: on.channelId, isEphemeral: on.isEphemeral ?? false },
    ...(on.responseUrl ? { responseUrl: on.responseUrl } : {}),
  });

/** Picks a snooze option on a reminder message as `userId`. */
export const pressSnooze = (h: Harness, userId: string, value: string, on: PressTarget) =>
  h.action({
    userId,
    actions: [
      {
        action_id: ACTION.reminderSnooze,
        block_id: 'reminder_actions',
        type: 'static_select',
        selected_option: { text: { type: 'plain_text', text: 'Snooze' }, value },
      },
    ],
    message: { ts: on.ts, channelId: on.channelId, isEphemeral: on.isEphemeral ?? false },
    ...(on.responseUrl ? { responseUrl: on.responseUrl } : {}),
  });

/** Bob's only reminder (the tests log one at a time). */
export async function onlyReminderOf(h: Harness, recipient = BOB): Promise<Reminder> {
  const all = await h.bot.deps.reminders.listOpenFor(recipient, new Date('2100-01-01T00:00:00Z'));
  expect(all).toHaveLength(1);
  return all[0] as Reminder;
}

export { ALICE, BOB };
