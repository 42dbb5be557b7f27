// Caliq's issue list shown word for word (escaped), split across sections so no block passes Slack's limits.
import type { KnownBlock } from '@slack/types';
import type { CaliqIssue } from '../caliq/index.js';
import { sectionBlock } from './blocks.js';
import { escapeMrkdwn, truncateMrkdwn } from './escape.js';
import { SLACK_LIMITS } from './limits.js';

/** "• Customer not found — ACME01 (ID 1204)": Message, ExtraData when non-empty, and the issue ID. */
export function formatIssue(issue: CaliqIssue): string {
  const message = issue.message.trim() === '' ? '(no message)' : escapeMrkdwn(issue.message);
  const extra = issue.extraData.trim() === '' ? '' : ` — ${escapeMrkdwn(issue.extraData)}`;
  return `• ${message}${extra} (ID ${issue.id})`;
}

/** Sections of issue lines, packed up to the section limit, at most `maxBlocks` (the last says how many are left). */
export function buildIssueBlocks(issues: readonly CaliqIssue[], maxBlocks: number): KnownBlock[] {
  // Room is left for the "…and N more" line.
  const limit = SLACK_LIMITS.sectionText - 40;
  const sections: string[] = [];
  let current = '';
  let shown = 0;
  for (const issue of issues) {
    const line = truncateMrkdwn(formatIssue(issue), limit);
    if (current !== '' && current.length + 1 + line.length > limit) {
      if (sections.length + 1 >= maxBlocks) break;
      sections.push(current);
      current = '';
    }
    current = current === '' ? line : `${current}\n${line}`;
    shown += 1;
  }
  if (current !== '') sections.push(current);
  const blocks: KnownBlock[] = sections.map(sectionBlock);
  if (shown < issues.length) {
    const more = issues.length - shown;
    const last = blocks.length - 1;
    blocks[last] = sectionBlock(`${sections[last] ?? ''}\n…and ${more} more`);
  }
  return blocks;
}
