// Typed failures of the Caliq client, each with a plain-words message and the underlying `cause` kept.

/** Base of every Caliq client failure; `endpoint` names the Caliq endpoint when a call was involved. */
export class CaliqError extends Error {
  readonly endpoint: string | undefined;

  constructor(message: string, options: { endpoint?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'CaliqError';
    this.endpoint = options.endpoint;
  }
}

/** One problem with an interaction before it is sent, named by Caliq's field. */
export type CaliqInputProblem = { field: string; message: string };

/** The interaction breaks Caliq's documented rules or limits; nothing was sent. */
export class CaliqInputError extends CaliqError {
  readonly problems: CaliqInputProblem[];

  constructor(problems: CaliqInputProblem[]) {
    super(`The interaction cannot be sent to Caliq: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}.`);
    this.name = 'CaliqInputError';
    this.problems = problems;
  }
}

/** Caliq could not be reached or said it is unavailable (503, timeout, network), after every retry. */
export class CaliqUnavailableError extends CaliqError {
  readonly reason: 'service_unavailable' | 'timeout' | 'network';

  constructor(endpoint: string, reason: CaliqUnavailableError['reason'], cause?: unknown, host?: string) {
    const why = {
      service_unavailable: 'answered 503 (service unavailable)',
      timeout: 'did not answer in time',
      network: 'could not be reached',
    }[reason];
    super(`Caliq${host ? ` at ${host}` : ''} ${why} on ${endpoint}.`, { endpoint, cause });
    this.name = 'CaliqUnavailableError';
    this.reason = reason;
  }
}

/** Caliq answered 401: the API key is not valid. */
export class CaliqUnauthorizedError extends CaliqError {
  constructor(endpoint: string) {
    super(`Caliq refused the API key (401) on ${endpoint}; check CALIQ_API_KEY.`, { endpoint });
    this.name = 'CaliqUnauthorizedError';
  }
}

/** Caliq answered 400: it could not interpret the body. `responseText` is what it sent back. */
export class CaliqBadRequestError extends CaliqError {
  readonly responseText: string;

  constructor(endpoint: string, responseText: string) {
    super(`Caliq could not interpret the request (400) on ${endpoint}${responseText ? `: ${responseText}` : ''}`, {
      endpoint,
    });
    this.name = 'CaliqBadRequestError';
    this.responseText = responseText;
  }
}

/** Caliq answered, but not with something the client can use (wrong shape, not JSON, an undocumented status). */
export class CaliqResponseShapeError extends CaliqError {
  readonly problem: string;
  readonly status: number;

  constructor(endpoint: string, status: number, problem: string, cause?: unknown) {
    super(`Caliq's answer on ${endpoint} (HTTP ${status}) was not as expected: ${problem}`, { endpoint, cause });
    this.name = 'CaliqResponseShapeError';
    this.problem = problem;
    this.status = status;
  }
}
