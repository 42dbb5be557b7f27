// Registers every listener on the Bolt app; the only place that knows them all.
import type { App } from '@slack/bolt';
import { routeActions } from '../slack-app/index.js';
import { registerContactChoice } from './actions/contact-choice.js';
import { registerHomeButtons } from './actions/home-buttons.js';
import { registerJournalButtons } from './actions/journal-buttons.js';
import { registerModalChecks } from './actions/modal-checks.js';
import { registerQuickLogButtons } from './actions/quick-log-buttons.js';
import { registerReactionLogButton } from './actions/reaction-log-button.js';
import { registerReminderButtons } from './actions/reminder-buttons.js';
import { registerLogInteractionCommand } from './commands/log-interaction.js';
import type { ListenerDeps } from './deps.js';
import { registerAppHome } from './events/app-home.js';
import { registerReactionAdded } from './events/reaction-added.js';
import { registerLogInteractionStep } from './functions/log-interaction-step.js';
import { registerAccountSuggestions } from './options/account-suggestions.js';
import { registerLogFromMessageShortcut } from './shortcuts/log-from-message.js';
import { registerLogGlobalShortcut } from './shortcuts/log-global.js';
import { registerLogSubmission } from './views/log-submission.js';

export type { ListenerDeps } from './deps.js';

export function registerListeners(app: App, deps: ListenerDeps): void {
  const actions = routeActions(app, deps.logger);
  registerLogInteractionCommand(app, deps);
  registerLogFromMessageShortcut(app, deps);
  registerLogSubmission(app, deps);
  registerModalChecks(actions, deps);
  registerContactChoice(actions, deps);
  registerAccountSuggestions(app, deps);
  registerJournalButtons(actions, deps);
  registerQuickLogButtons(actions, deps);
  registerReminderButtons(actions, deps);
  registerLogGlobalShortcut(app, deps);
  registerAppHome(app, deps);
  registerHomeButtons(actions, deps);
  registerLogInteractionStep(app, deps);
  registerReactionAdded(app, deps);
  registerReactionLogButton(actions, deps);
}
