// GET /metrics after real signed requests through the Bolt app: counters, histograms and gauges move, labels stay bounded.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACTION, FUNCTION } from '../../src/ids.js';
import { functionExecutedEvent } from '../../tools/slack-stand-in/slack-requests.js';
import { ALICE, type Harness, startHarness, VALID_CALL } from '../support/bot-harness.js';

/** The value of one sample in Prometheus text, matching every given label; undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

async function scrape(h: Harness): Promise<string> {
  const response = await fetch(`${h.baseUrl}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

/** Alice logs VALID_CALL through the command and the modal; resolves once the modal was accepted. */
async function logCall(h: Harness): Promise<void> {
  await h.command({ text: 'call ACME01', userId: ALICE });
  const reply = await h.submit(VALID_CALL);
  expect(reply.body).toBe('');
}

describe('GET /metrics', () => {
  let h: Harness | undefined;

  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('counts a submission from journal to Caliq, and times its ack and its Caliq call', async () => {
    h = await startHarness();
    const before = await scrape(h);
    expect(sample(before, 'caliq_slack_interactions_journaled_total')).toBe(0);
    expect(sample(before, 'caliq_slack_process_resident_memory_bytes')).toBeGreaterThan(0);

    await logCall(h);
    const harness = h;
    await vi.waitFor(async () => {
      expect(sample(await scrape(harness), 'caliq_slack_delivery_outcomes_total', { outcome: 'logged' })).toBe(1);
    });
    const after = await scrape(h);
    expect(sample(after, 'caliq_slack_interactions_journaled_total')).toBe(1);
    expect(sample(after, 'caliq_slack_ack_duration_seconds_count', { kind: 'command' })).toBe(1);
    expect(sample(after, 'caliq_slack_ack_duration_seconds_count', { kind: 'submission' })).toBe(1);
    // Slack allows 3 s; the acks here are well inside the 3 s bucket.
    expect(sample(after, 'caliq_slack_ack_duration_seconds_bucket', { kind: 'submission', le: '3' })).toBe(1);
    expect(
      sample(after, 'caliq_slack_caliq_request_duration_seconds_count', {
        endpoint: 'InteractionCreate',
        outcome: 'ok',
      }),
    ).toBe(1);
    expect(
      sample(after, 'caliq_slack_caliq_request_duration_seconds_count', { endpoint: 'Channel', outcome: 'ok' }),
    ).toBe(1);
    expect(sample(after, 'caliq_slack_journal_entries', { state: 'logged' })).toBe(1);
    expect(sample(after, 'caliq_slack_journal_entries', { state: 'pending' })).toBe(0);
    expect(sample(after, 'caliq_slack_journal_oldest_pending_age_seconds')).toBe(0);

    // No label value (nor anything else) names the user, the customer or the entry.
    const uniqueId = (await h.bot.deps.journal.listForUser(ALICE, new Date(0), ['logged']))[0]?.uniqueId;
    expect(uniqueId).toBeDefined();
    for (const personal of [ALICE, 'ACME01', 'Jane', 'JSMITH', uniqueId as string])
      expect(after).not.toContain(personal);
  });

  it('shows a Caliq 503 in the Caliq histogram and the waiting entry in the journal gauges', async () => {
    let clock = new Date('2026-11-20T12:00:00Z');
    h = await startHarness({ now: () => clock, env: { DELIVERY_RETRY_BASE_SECONDS: '60' } });
    await h.command({ text: 'call ACME01', userId: ALICE });
    h.sim.setFaults({ down: true });
    expect((await h.submit(VALID_CALL)).body).toBe('');
    const harness = h;
    await vi.waitFor(async () => {
      expect(sample(await scrape(harness), 'caliq_slack_delivery_outcomes_total', { outcome: 'unavailable' })).toBe(1);
    });
    clock = new Date(clock.getTime() + 90_000);
    const text = await scrape(h);
    expect(
      sample(text, 'caliq_slack_caliq_request_duration_seconds_count', {
        endpoint: 'InteractionCreate',
        outcome: 'unavailable',
      }),
    ).toBe(1);
    expect(sample(text, 'caliq_slack_journal_entries', { state: 'pending' })).toBe(1);
    expect(sample(text, 'caliq_slack_journal_oldest_pending_age_seconds')).toBe(90);
  });

  it('counts a Caliq 401 and a Slack Web API error by method and error code', async () => {
    h = await startHarness({ env: { DELIVERY_RETRY_BASE_SECONDS: '60' } });
    h.fake.respondWith('views.open', { ok: false, error: 'expired_trigger_id' }, { times: 1 });
    await h.command({ text: 'call ACME01' });
    await h.command({ text: 'call ACME01' });
    h.sim.failNext(1, '401');
    await h.submit(VALID_CALL);
    const harness = h;
    await vi.waitFor(async () => {
      const text = await scrape(harness);
      expect(sample(text, 'caliq_slack_delivery_outcomes_total', { outcome: 'unauthorized' })).toBe(1);
      expect(
        sample(text, 'caliq_slack_caliq_request_duration_seconds_count', {
          endpoint: 'InteractionCreate',
          outcome: 'unauthorized',
        }),
      ).toBe(1);
      expect(
        sample(text, 'caliq_slack_slack_api_errors_total', { method: 'views.open', error: 'expired_trigger_id' }),
      ).toBe(1);
    });
  });

  it('is served by the health server in Socket Mode', async () => {
    h = await startHarness({ socketMode: true });
    const text = await scrape(h);
    expect(sample(text, 'caliq_slack_journal_entries', { state: 'pending' })).toBe(0);
  });

  it('is absent when METRICS_ENABLED is false', async () => {
    h = await startHarness({ env: { METRICS_ENABLED: 'false' } });
    expect(h.bot.metrics.enabled).toBe(false);
    expect((await fetch(`${h.baseUrl}/metrics`)).status).toBe(404);
    expect((await fetch(`${h.baseUrl}/healthz`)).status).toBe(200);
  });

  it('times a quick log, its card buttons and the workflow step under request kinds of their own', async () => {
    h = await startHarness({ env: { CALIQ_DEFAULT_CHANNEL_ID: '64' } });
    const harness = h;
    const card = await harness.commandAnswer({ text: 'call ACME01 with Jane Smith yesterday 3pm' });
    await harness.command({ text: 'call ACME01 yesterday 3pm' });
    const blocks = card.blocks as Array<{ type: string; elements?: Array<{ value: string }> }>;
    const value = blocks.find((block) => block.type === 'actions')?.elements?.[0]?.value ?? '';
    await harness.action({
      actions: [{ action_id: ACTION.quickLogCancel, value }],
      responseUrl: harness.fake.responseUrl(),
    });
    const inputs = { person: ALICE, account: 'ACME01', kind: 'call', contact: 'Jane Smith' };
    await harness.event(functionExecutedEvent({ callbackId: FUNCTION.logInteraction, inputs }));
    await harness.fake.waitForCall('functions.completeSuccess');
    const text = await scrape(harness);
    expect(sample(text, 'caliq_slack_ack_duration_seconds_count', { kind: 'quick_log' })).toBe(1);
    expect(sample(text, 'caliq_slack_ack_duration_seconds_count', { kind: 'command' })).toBe(1);
    expect(sample(text, 'caliq_slack_ack_duration_seconds_count', { kind: 'quick_log_button' })).toBe(1);
    expect(sample(text, 'caliq_slack_ack_duration_seconds_count', { kind: 'workflow_step' })).toBe(1);
    expect(sample(text, 'caliq_slack_ack_duration_seconds_count', { kind: 'action' })).toBeUndefined();
  });
});
