// Remembered contacts come from the journal: after a restart, on SQLite and on PostgreSQL alike, the form offers the
// people logged with the account before, and choosing one sends Caliq the same names as typing them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BLOCK, ELEMENT } from '../../src/ids.js';
import { type CaliqSimulator, startCaliqSimulator } from '../../tools/caliq-simulator/index.js';
import { type FakeSlack, startFakeSlack } from '../../tools/slack-stand-in/fake-slack.js';
import { stateValues } from '../../tools/slack-stand-in/slack-requests.js';
import { CALIQ_KEY, type Harness, type HarnessOptions, startHarness, VALID_CALL } from '../support/bot-harness.js';
import { describePostgres, dropSchema, TEST_DATABASE_URL, uniqueSchema } from '../support/postgres.js';

type Option = { text: { text: string }; value: string };
type Block = { block_id?: string; element?: { options?: Option[] } };
const choiceOptions = (view: Record<string, unknown>) =>
  (view.blocks as Block[]).find((block) => block.block_id === BLOCK.contactChoice)?.element?.options ?? [];
const offering = (call: { args: Record<string, unknown> }) => choiceOptions(call.args.view as never).length > 0;

type World = { fake: FakeSlack; sim: CaliqSimulator; options: HarnessOptions; cleanUp: () => Promise<void> };

/** Logs Jane Smith (then Raj Patel) with ACME01, restarts the bot on the same database, and checks the form. */
async function rememberAcrossRestart(world: World): Promise<void> {
  const base = { ...world.options, fakeSlack: world.fake, simulator: world.sim };
  let h: Harness = await startHarness(base);
  try {
    const opens = (n: number) => vi.waitFor(() => expect(world.fake.callsTo('views.open')).toHaveLength(n));
    await h.command({ text: '' });
    await opens(1);
    await h.submit(VALID_CALL);
    await h.command({ text: '' });
    await opens(2);
    await h.submit({ ...VALID_CALL, contactFirstName: 'Raj', contactSurname: 'Patel' });
    await vi.waitFor(() => expect(world.sim.interactions).toHaveLength(2));
    await h.stop({ keepServers: true });

    h = await startHarness(base);
    // Prefilled account (typed in the command): offered once the form is open.
    await h.command({ text: 'call ACME01' });
    const offered = await h.fake.waitForCall('views.update', offering);
    expect(choiceOptions(offered.args.view as never).map((option) => option.text.text)).toEqual([
      expect.stringMatching(/^Raj Patel · last logged \d{1,2} [A-Z][a-z]{2}$/),
      expect.stringMatching(/^Jane Smith · last logged/),
      'Someone new',
    ]);

    // An account chosen in the form: the same offer.
    world.fake.reset();
    await h.command({ text: '' });
    const opened = await h.lastOpenedView();
    await h.action({
      actions: [
        {
          action_id: ELEMENT.account,
          block_id: BLOCK.account,
          type: 'external_select',
          selected_option: { text: { type: 'plain_text', text: 'ACME01' }, value: 'ACME01' },
        },
      ],
      view: {
        id: 'V0FAKE00001',
        private_metadata: opened.private_metadata as string,
        blocks: opened.blocks as unknown[],
        state: { values: stateValues({ account: { text: 'ACME01', value: 'ACME01' } }, { onlyGiven: true }) },
      },
    });
    const chosen = (await h.fake.waitForCall('views.update', offering)).args.view as Record<string, unknown>;
    const jane = choiceOptions(chosen).find((option) => option.text.text.startsWith('Jane Smith'));
    expect(jane).toBeDefined();
    await h.submit(
      { ...VALID_CALL, contactFirstName: null, contactSurname: null, contactChoice: jane?.value ?? '' },
      { view: chosen },
    );
    await vi.waitFor(() => expect(world.sim.interactions).toHaveLength(3));
    expect(world.sim.interactions[2]?.body).toMatchObject({ ContactedFirstName: 'Jane', ContactedSurname: 'Smith' });
  } finally {
    await h.stop({ keepServers: true });
  }
}

describe('remembered contacts on SQLite', () => {
  let world: World | undefined;
  afterEach(async () => world?.cleanUp());

  it('are offered after a restart, and a chosen one sends the same names', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'caliq-remembered-'));
    const fake = await startFakeSlack();
    const sim = await startCaliqSimulator({ apiKey: CALIQ_KEY });
    world = {
      fake,
      sim,
      options: { databasePath: join(folder, 'journal.db') },
      cleanUp: async () => {
        await Promise.all([fake.close(), sim.close()]);
        rmSync(folder, { recursive: true, force: true });
      },
    };
    await rememberAcrossRestart(world);
  });
});

describePostgres('remembered contacts on PostgreSQL', () => {
  let world: World | undefined;
  afterEach(async () => world?.cleanUp());

  it('are offered after a restart, and a chosen one sends the same names', async () => {
    const fake = await startFakeSlack();
    const sim = await startCaliqSimulator({ apiKey: CALIQ_KEY });
    const schema = uniqueSchema('remembered');
    world = {
      fake,
      sim,
      options: { env: { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema } },
      cleanUp: async () => {
        await Promise.all([fake.close(), sim.close()]);
        await dropSchema(schema);
      },
    };
    await rememberAcrossRestart(world);
  });
});
