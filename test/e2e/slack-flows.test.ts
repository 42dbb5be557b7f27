// The message shortcut, users in other time zones across daylight-saving changes, and the health routes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BLOCK } from '../../src/ids.js';
import { ALICE, type Harness, startHarness, VALID_CALL } from '../support/bot-harness.js';

type Block = { block_id?: string; element?: Record<string, unknown> };
const initialValue = (view: Record<string, unknown>, blockId: string) =>
  (view.blocks as Block[]).find((block) => block.block_id === blockId)?.element?.initial_value;

describe('Slack flows', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('the message shortcut opens the modal prefilled with the text, the message time and its permalink', async () => {
    h = await startHarness({ users: { [ALICE]: { tz: 'Europe/London' } } });
    const callsBefore = h.fake.calls.length;
    const reply = await h.shortcut({
      channelId: 'C0SALES01',
      messageTs: '1764083040.000200',
      messageText: 'From: Jane Smith <jane@acme.example>\nSubject: Renewal\n\nCan we talk about the &lt;renewal&gt;?',
    });
    expect(reply.status).toBe(200);
    const view = await h.lastOpenedView();
    expect(h.fake.calls[callsBefore]?.method).toBe('views.open');
    const notes = String(initialValue(view, BLOCK.notes));
    expect(notes).toContain('Can we talk about the <renewal>?');
    expect(notes).toContain('https://caliq-test.slack.com/archives/C0SALES01/p1764083040000200');
    // 1764083040 is Tue 25 Nov 2025 15:04 UTC = 15:04 in London (GMT).
    expect(initialValue(view, BLOCK.when)).toMatch(/25 Nov 2025 15:04/);
    const kind = (view.blocks as Block[]).find((block) => block.block_id === BLOCK.kind)?.element?.initial_option;
    expect((kind as { value: string } | undefined)?.value).toBe('E');
  });

  it('reads "yesterday 3pm" in the user’s own zone across their daylight-saving change', async () => {
    // Monday 9 March 2026: New York moved to EDT on Sunday 8 March; London is still on GMT until 29 March.
    const now = new Date('2026-03-09T16:00:00Z');
    h = await startHarness({ now: () => now, users: { [ALICE]: { tz: 'America/New_York' } } });
    await h.command({ text: '' });
    await h.submit({ ...VALID_CALL, kind: 'V' });
    await vi.waitFor(() => expect(h?.sim.interactions).toHaveLength(1));
    // Sunday 8 March 15:00 EDT (UTC-4) = 19:00 UTC = 19:00 in London (GMT), Caliq's zone.
    expect((h.sim.interactions[0]?.body as Record<string, unknown> | undefined)?.OnDateTime).toBe(
      '2026-03-08T19:00:00',
    );
    const response = await h.fake.waitForResponse();
    expect(JSON.stringify(response.body)).toContain('Sun 8 Mar 2026, 15:00');
  });

  it('sends Caliq local time across London’s own change, and refuses an interaction in the future', async () => {
    // Monday 30 March 2026 10:00 BST: London moved to BST on Sunday 29 March.
    const now = new Date('2026-03-30T09:00:00Z');
    h = await startHarness({ now: () => now, users: { [ALICE]: { tz: 'Europe/London' } } });
    await h.command({ text: '' });
    const future = await h.submit({ ...VALID_CALL, when: 'tomorrow 3pm' });
    expect((future.json as { errors: Record<string, string> }).errors[BLOCK.when]).toMatch(/future/);
    await h.submit(VALID_CALL);
    await vi.waitFor(() => expect(h?.sim.interactions).toHaveLength(1));
    expect((h.sim.interactions[0]?.body as Record<string, unknown> | undefined)?.OnDateTime).toBe(
      '2026-03-29T15:00:00',
    );
  });

  it('answers /healthz and /readyz (Caliq Pulse and the database)', async () => {
    h = await startHarness();
    const health = await fetch(`${h.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${h.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
    h.sim.setFaults({ down: true });
    const notReady = await fetch(`${h.baseUrl}/readyz`);
    expect(notReady.status).toBe(503);
    expect(JSON.stringify(await notReady.json())).toContain('caliq');
  });
});
