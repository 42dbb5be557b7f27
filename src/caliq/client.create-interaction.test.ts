// The Caliq client's createInteraction over real HTTP: every outcome, retries with the same UniqueID, input errors.
import { describe, expect, it } from 'vitest';
import {
  API_KEY,
  clientFor,
  closedUrl,
  garbageHits,
  garbageUrl,
  sentUniqueIds,
  setUpCaliqClientTests,
  simulator,
  validInput,
} from '../../test/support/caliq-client-fixtures.js';
import { CaliqInputError } from './errors.js';

setUpCaliqClientTests();

describe('createInteraction', () => {
  it('logs an interaction, formatted in Caliq zone', async () => {
    const input = validInput({ followUp: { at: '2026-01-10T09:00:00Z', by: 'RPATEL' } });
    const outcome = await clientFor().createInteraction(input);
    expect(outcome).toEqual({ status: 'logged', issues: [] });
    expect(simulator.interactions).toHaveLength(1);
    expect(simulator.interactions[0]?.body).toMatchObject({
      apiKey: API_KEY,
      UniqueID: input.uniqueId,
      OnDateTime: '2026-07-15T16:00:00',
      FollowUpDateTime: '2026-01-10T09:00:00',
    });
  });

  it('returns Caliq issues word for word when it rejects the data', async () => {
    const outcome = await clientFor().createInteraction(
      validInput({ customer: { accountNo: 'NOPE99' }, contactedBy: 'GHOST', channelId: 99 }),
    );
    expect(outcome).toEqual({
      status: 'rejected',
      issues: [
        { id: 3, message: 'Channel not found', extraData: '99' },
        { id: 1, message: 'Customer not found', extraData: 'NOPE99' },
        { id: 4, message: 'Employee not found', extraData: 'GHOST' },
      ],
    });
    expect(simulator.interactions).toHaveLength(0);
  });

  it('keeps the issues of a logged answer (a repeat is "already logged")', async () => {
    const client = clientFor();
    const input = validInput();
    await client.createInteraction(input);
    const again = await client.createInteraction(input);
    expect(again).toEqual({
      status: 'logged',
      issues: [{ id: 100, message: 'Interaction already logged', extraData: input.uniqueId }],
    });
    expect(simulator.interactions).toHaveLength(1);
  });

  it('answers unauthorized for a wrong key and never retries it', async () => {
    const outcome = await clientFor({ apiKey: 'wrong-key-123' }).createInteraction(validInput());
    expect(outcome).toEqual({ status: 'unauthorized' });
    expect(simulator.received).toHaveLength(1);
  });

  it('answers bad_request with Caliq text for a 400 and never retries it', async () => {
    const outcome = await clientFor({ baseUrl: garbageUrl }).createInteraction(validInput({ notes: 'status-400' }));
    expect(outcome).toEqual({ status: 'bad_request', message: 'The request is invalid.' });
    expect(garbageHits.filter((hit) => hit === '/api/v1/InteractionCreate')).toHaveLength(1);
  });

  it('retries a 503 with the same UniqueID and stops after success', async () => {
    simulator.failNext(2, '503');
    const input = validInput();
    const outcome = await clientFor().createInteraction(input);
    expect(outcome).toEqual({ status: 'logged', issues: [] });
    expect(sentUniqueIds()).toEqual([input.uniqueId, input.uniqueId, input.uniqueId]);
    expect(simulator.received.map((request) => request.status)).toEqual([503, 503, 200]);
    expect(simulator.interactions).toHaveLength(1);
    expect(simulator.duplicateCount(input.uniqueId)).toBe(0);
  });

  it('gives up as unavailable after the retries, re-sending identical bodies', async () => {
    simulator.setFaults({ down: true });
    const outcome = await clientFor({ retries: 3 }).createInteraction(validInput());
    expect(outcome).toMatchObject({ status: 'unavailable', reason: 'service_unavailable' });
    expect((outcome as { cause: unknown }).cause).toBeInstanceOf(Error);
    expect(simulator.received).toHaveLength(4);
    const bodies = simulator.received.map((request) => JSON.stringify(request.body));
    expect(new Set(bodies).size).toBe(1);
  });

  it('times out when Caliq is slower than the timeout, retrying each attempt', async () => {
    simulator.setFaults({ latencyMs: 400 });
    const started = Date.now();
    const outcome = await clientFor({ timeoutMs: 100, retries: 1 }).createInteraction(validInput());
    expect(outcome).toMatchObject({ status: 'unavailable', reason: 'timeout' });
    expect(simulator.received).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('recovers from a held request by retrying the same UniqueID', async () => {
    simulator.failNext(1, 'timeout');
    const input = validInput();
    const outcome = await clientFor({ timeoutMs: 150 }).createInteraction(input);
    expect(outcome).toEqual({ status: 'logged', issues: [] });
    expect(sentUniqueIds()).toEqual([input.uniqueId, input.uniqueId]);
  });

  it('reports a dropped connection as a network failure, and recovers when it comes back', async () => {
    simulator.failNext(3, 'drop');
    const outcome = await clientFor().createInteraction(validInput());
    expect(outcome).toMatchObject({ status: 'unavailable', reason: 'network' });
    expect(simulator.received).toHaveLength(3);
    simulator.failNext(1, 'drop');
    expect(await clientFor().createInteraction(validInput())).toMatchObject({ status: 'logged' });
  });

  it('reports a closed port as a network failure', async () => {
    const outcome = await clientFor({ baseUrl: closedUrl, retries: 1 }).createInteraction(validInput());
    expect(outcome).toMatchObject({ status: 'unavailable', reason: 'network' });
  });

  it.each([
    ['html', 'the answer was not JSON (starts with "<html><body>Server Error</body></html>")'],
    ['empty', 'the answer was empty'],
    ['wrong-shape', 'InteractionAddData.OK: Invalid input: expected boolean, received string'],
    ['status-500', 'HTTP 500 is not a documented answer'],
  ])('answers unexpected_response for %s', async (kind, problem) => {
    const outcome = await clientFor({ baseUrl: garbageUrl }).createInteraction(validInput({ notes: kind }));
    expect(outcome).toEqual({ status: 'unexpected_response', problem });
  });

  it('throws a CaliqInputError before sending anything when the input breaks the rules', async () => {
    await expect(clientFor().createInteraction(validInput({ kind: 'Z' as never }))).rejects.toBeInstanceOf(
      CaliqInputError,
    );
    expect(simulator.received).toHaveLength(0);
  });
});
