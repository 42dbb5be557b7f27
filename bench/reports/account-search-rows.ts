// The account search table: block_suggestion latency at a paced rate with a large customer list, and the index's heap.

import { INDEX_HEAP_TARGET_MB, SUGGESTION_P99_TARGET_MS, type SuggestionResult } from '../scenarios/account-search.js';
import type { Row, Section } from './results-file.js';
import { mb, ms, none, plainRow } from './row-format.js';

export function buildSuggestionRows(result: SuggestionResult): Row[] {
  const section: Section = 'search';
  const row = (metric: string, bot: string, target = none, met?: boolean): Row =>
    plainRow(section, metric, { bot }, met === undefined ? { target } : { target, met });
  const { ack, heap } = result;
  return [
    row('block_suggestion: ack p50', ms(ack.p50)),
    row('block_suggestion: ack p95', ms(ack.p95)),
    row(
      'block_suggestion: ack p99',
      ms(ack.p99),
      `≤ ${SUGGESTION_P99_TARGET_MS} ms`,
      ack.p99 <= SUGGESTION_P99_TARGET_MS,
    ),
    row('block_suggestion: ack max', ms(ack.max)),
    row(
      'block_suggestion: throughput achieved / offered',
      `${result.throughputPerSec.toFixed(0)}/s / ${result.offeredPerSec}/s`,
    ),
    row('block_suggestion: requests (no-match answers)', `${result.requests} (${result.emptyAnswers})`),
    row('block_suggestion: errors', String(result.errors), '0', result.errors === 0),
    row(
      `index heap for ${result.customers} customers (${heap.named} named)`,
      mb(heap.totalMb),
      `≤ ${INDEX_HEAP_TARGET_MB} MB`,
      heap.totalMb <= INDEX_HEAP_TARGET_MB,
    ),
    row('index heap: V8 heap / typed arrays', `${mb(heap.heapMb)} / ${mb(heap.arrayBuffersMb)}`),
    row('index build time (in its own process)', ms(heap.buildMs)),
    row('bot spawn → search answering from the index', ms(result.searchReadyMs)),
    row('bot RSS with the list indexed / peak', `${mb(result.botRssMb.withIndex)} / ${mb(result.botRssMb.peak)}`),
  ];
}
