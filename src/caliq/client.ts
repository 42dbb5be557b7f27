// The Caliq HTTP client: InteractionCreate as a typed outcome, reference lists as values or typed errors.
import type { Logger } from 'pino';
import type { z } from 'zod';
import { parseEmployees } from './employees.js';
import {
  CaliqBadRequestError,
  CaliqInputError,
  CaliqResponseShapeError,
  CaliqUnauthorizedError,
  CaliqUnavailableError,
} from './errors.js';
import { buildInteractionBody } from './interaction-body.js';
import {
  channelAnswerSchema,
  customerChangeAnswerSchema,
  customersWithOrdersAnswerSchema,
  describeZodIssues,
  interactionCreateAnswerSchema,
  messageAnswerSchema,
  pulseAnswerSchema,
} from './schemas.js';
import { type AttemptObserver, createTransport, type TransportResult } from './transport.js';
import type { CaliqClient, InteractionInput, InteractionOutcome } from './types.js';

export type CaliqClientOptions = {
  baseUrl: string;
  apiKey: string;
  timeZone: string;
  /** luxon format of OnDateTime / FollowUpDateTime in Caliq's zone. */
  dateFormat: string;
  /** Per attempt. */
  timeoutMs: number;
  /** Extra attempts for 503, timeouts and network errors. */
  retries: number;
  retryBaseDelayMs?: number;
  logger: Logger;
  /** Told of every HTTP attempt (endpoint, outcome, duration), e.g. for metrics. */
  onAttempt?: AttemptObserver;
};

type Parsed = { ok: true; value: unknown } | { ok: false; problem: string };

/** JSON.parse that names what it got instead of throwing, for HTML error pages and empty bodies. */
function parseJson(text: string): Parsed {
  if (text.trim() === '') return { ok: false, problem: 'the answer was empty' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, problem: `the answer was not JSON (starts with ${JSON.stringify(text.trim().slice(0, 60))})` };
  }
}

export function createCaliqClient(options: CaliqClientOptions): CaliqClient {
  const logger = options.logger.child({ module: 'caliq' });
  const transport = createTransport({
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    retryBaseDelayMs: options.retryBaseDelayMs ?? 300,
    logger,
    onAttempt: options.onAttempt,
  });
  const send = transport.send;
  const keyOnly = (): string => JSON.stringify({ apiKey: options.apiKey });

  /** Posts to a list endpoint and returns the parsed value, or throws the matching CaliqError. */
  async function readList<T>(
    endpoint: string,
    body: string,
    read: (json: unknown) => { ok: true; value: T } | { ok: false; problem: string },
    whenNoContent: T | undefined,
  ): Promise<T> {
    const result = await send(endpoint, body);
    if (result.kind === 'unavailable') {
      throw new CaliqUnavailableError(endpoint, result.reason, result.cause, new URL(options.baseUrl).host);
    }
    const { status, text } = result;
    if (status === 401) throw new CaliqUnauthorizedError(endpoint);
    if (status === 400) throw new CaliqBadRequestError(endpoint, text.trim());
    if (status === 204 && whenNoContent !== undefined) return whenNoContent;
    if (status !== 200)
      throw new CaliqResponseShapeError(endpoint, status, `HTTP ${status} is not a documented answer`);
    const parsed = parseJson(text);
    const answer = parsed.ok ? read(parsed.value) : parsed;
    if (!answer.ok) {
      logger.warn({ endpoint, status, problem: answer.problem }, 'caliq answer has an unexpected shape');
      throw new CaliqResponseShapeError(endpoint, status, answer.problem);
    }
    return answer.value;
  }

  const withSchema =
    <S extends z.ZodType, T>(schema: S, pick: (data: z.output<S>) => T) =>
    (json: unknown): { ok: true; value: T } | { ok: false; problem: string } => {
      const result = schema.safeParse(json);
      return result.success
        ? { ok: true, value: pick(result.data) }
        : { ok: false, problem: describeZodIssues(result.error) };
    };

  async function createInteraction(input: InteractionInput): Promise<InteractionOutcome> {
    const endpoint = 'InteractionCreate';
    // Built once: every retry re-sends these exact bytes, so Caliq sees one UniqueID however often it is asked.
    const body = JSON.stringify(buildInteractionBody(input, options));
    const result = await send(endpoint, body, { uniqueId: input.uniqueId });
    const outcome = readInteractionOutcome(result);
    logger.info(
      {
        endpoint,
        uniqueId: input.uniqueId,
        outcome: outcome.status,
        ...('issues' in outcome ? { issueIds: outcome.issues.map((issue) => issue.id) } : {}),
        ...('problem' in outcome ? { problem: outcome.problem } : {}),
      },
      'caliq interaction outcome',
    );
    return outcome;
  }

  return {
    createInteraction,
    close: () => transport.close(),
    listChannels: () =>
      readList(
        'Channel',
        keyOnly(),
        withSchema(channelAnswerSchema, (data) => data.ChannelList),
        [],
      ),
    listEmployees: () =>
      readList(
        'Employee',
        keyOnly(),
        (json) => {
          const employees = parseEmployees(json);
          return employees
            ? { ok: true, value: employees }
            : { ok: false, problem: 'no list of objects with an ID, EmployeeID, Code or Id field' };
        },
        [],
      ),
    listCustomers: (changesSince?: string) => {
      if (changesSince !== undefined && changesSince !== '' && !/^\d{8}$/.test(changesSince)) {
        return Promise.reject(new CaliqInputError([{ field: 'ChangesSince', message: 'must be a date as YYYYMMDD' }]));
      }
      return readList(
        'CustomerChange',
        JSON.stringify({ apiKey: options.apiKey, ChangesSince: changesSince ?? '' }),
        withSchema(customerChangeAnswerSchema, (data) => data.CustomerChangeList),
        [],
      );
    },
    listCustomersWithOrders: (channelId: number) =>
      readList(
        'CustomersWithOrders',
        JSON.stringify({ apiKey: options.apiKey, ChannelID: channelId }),
        withSchema(customersWithOrdersAnswerSchema, (data) => data.CustomerWithOrderList),
        [],
      ),
    listMessages: () =>
      readList(
        'Message',
        keyOnly(),
        withSchema(messageAnswerSchema, (data) => data.MessagesList),
        [],
      ),
    pulse: () =>
      readList(
        'Pulse',
        '{}',
        withSchema(pulseAnswerSchema, (data) => ({ secondsFromMidnight: data.SecondsFromMidnight })),
        undefined,
      ),
  };
}

/** Maps what the transport saw to the outcome callers must handle; never throws. */
function readInteractionOutcome(result: TransportResult): InteractionOutcome {
  if (result.kind === 'unavailable') return { status: 'unavailable', reason: result.reason, cause: result.cause };
  const { status, text } = result;
  if (status === 400) return { status: 'bad_request', message: text.trim() };
  if (status === 401) return { status: 'unauthorized' };
  if (status !== 200) return { status: 'unexpected_response', problem: `HTTP ${status} is not a documented answer` };
  const parsed = parseJson(text);
  if (!parsed.ok) return { status: 'unexpected_response', problem: parsed.problem };
  const answer = interactionCreateAnswerSchema.safeParse(parsed.value);
  if (!answer.success) return { status: 'unexpected_response', problem: describeZodIssues(answer.error) };
  const { OK, InteractionCreateIssues: issues } = answer.data.InteractionAddData;
  return OK ? { status: 'logged', issues } : { status: 'rejected', issues };
}
