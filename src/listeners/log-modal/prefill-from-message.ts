// What a Slack message alone gives the form, before anything is asked of Slack: its text, time and permalink, an
// obvious kind, and a pasted email's sender as the contact (a colleague's own words name nobody).
import { contactFromEmailText, type Draft, draftFromMessage, unescapeSlackText } from '../../interactions/index.js';
import { describeContactFromEmail } from '../../views/index.js';

/** Slack's permalink format, built locally so nothing waits before views.open; chat.getPermalink when no domain. */
export function permalinkFor(teamDomain: string | undefined, conversationId: string, ts: string): string | undefined {
  if (!teamDomain) return undefined;
  return `https://${teamDomain}.slack.com/archives/${conversationId}/p${ts.replace('.', '')}`;
}

export function prefillFromMessage(
  message: { text: string; ts: string; permalink: string | undefined },
  timeZone: string,
): { draft: Draft; notices: string[] } {
  const draft = draftFromMessage(message, { timeZone });
  const fromEmail = draft.kind === 'E' ? contactFromEmailText(unescapeSlackText(message.text)) : undefined;
  if (!fromEmail) return { draft, notices: [] };
  return {
    draft: { ...draft, contactFirstName: fromEmail.firstName, contactSurname: fromEmail.surname },
    notices: [describeContactFromEmail(`${fromEmail.firstName} ${fromEmail.surname}`)],
  };
}
