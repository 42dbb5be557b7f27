// The thread offer and notices ride in the view: built within Slack's limits, and read back exactly as built.
import type { Checkboxes, InputBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { BLOCK } from '../ids.js';
import { buildThreadOffer, type ThreadMessage, transcriptBudget } from '../interactions/index.js';
import { readFormExtras } from './form-extras.js';
import { listModalLimitViolations } from './limit-violations.js';
import { buildLogModal } from './log-modal.js';

const metadata = { uniqueId: 'u-1', replyTo: {}, source: 'shortcut' as const };
const huge = (i: number): ThreadMessage => ({
  ts: String(1764083040 + i),
  authorName: `Person ${i}`,
  text: `${'é'.repeat(20_000)}${'🙂'.repeat(10_000)}`,
  files: [{ name: `f${i}.pdf`, permalink: `https://files.example/${i}` }],
  fromBot: false,
});

describe('the thread in the log modal', () => {
  it('stays inside Slack’s limits for 200 messages of 40,000 characters at the largest setting, and reads back', () => {
    const thread = buildThreadOffer(
      Array.from({ length: 200 }, (_, i) => huge(i)),
      {
        timeZone: 'Europe/London',
        permalink: 'https://x.slack.com/archives/C1/p1764083040000000',
        budget: transcriptBudget(60_000),
      },
    );
    expect(thread.leftOut).toBeGreaterThan(0);
    const notices = ['#acme-shared is shared with Acme Corp; nothing you log is posted there.'];
    const view = buildLogModal({
      draft: { notes: 'n'.repeat(3000), thread },
      accountField: { kind: 'search' },
      metadata,
      submitterId: 'U1',
      channels: [{ id: 64, description: 'Sales' }],
      notices,
    });
    expect(listModalLimitViolations(view)).toEqual([]);
    expect(readFormExtras(view.blocks)).toEqual({ thread, notices });
  });

  it('offers the box ticked, says how many are left out, and unticked when the user unticked it', () => {
    const thread = {
      messageCount: 12,
      leftOut: 4,
      transcript: 'Slack thread (8 of 12 messages, the oldest 4 left out)',
    };
    const ticked = buildLogModal({
      draft: { thread },
      accountField: { kind: 'search' },
      metadata,
      submitterId: 'U1',
      channels: [],
    });
    const box = ticked.blocks.find((b): b is InputBlock => b.type === 'input' && b.block_id === BLOCK.attachThread);
    const element = box?.element as Checkboxes | undefined;
    expect(element?.options[0]?.text.text).toBe('Attach the thread (12 messages)');
    expect(element?.initial_options).toHaveLength(1);
    expect(box?.hint?.text).toContain('the oldest 4 messages are left out');
    const unticked = buildLogModal({
      draft: { thread, attachThread: false },
      accountField: { kind: 'search' },
      metadata,
      submitterId: 'U1',
      channels: [],
    });
    const again = unticked.blocks.find((b): b is InputBlock => b.type === 'input' && b.block_id === BLOCK.attachThread);
    expect(again).toBeDefined();
    expect((again?.element as Checkboxes | undefined)?.initial_options).toBeUndefined();
    expect(readFormExtras(unticked.blocks).thread).toEqual(thread);
  });

  it('reads nothing from a form without a thread', () => {
    const view = buildLogModal({
      draft: {},
      accountField: { kind: 'search' },
      metadata,
      submitterId: 'U1',
      channels: [],
    });
    expect(readFormExtras(view.blocks)).toEqual({ notices: [] });
  });
});
