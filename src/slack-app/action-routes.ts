// Every button, select and date hint reaches the bot through one Bolt listener, which finds the handler by action_id.
// Bolt runs every request (a command, a submission) through each registered listener's middleware in turn, so two
// dozen action listeners cost every request two dozen chains; one listener and a map cost one lookup.
import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Logger } from '../logger.js';

export type ActionArgs<Action extends BlockAction = BlockAction> = SlackActionMiddlewareArgs<Action> &
  AllMiddlewareArgs;

export type ActionHandler<Action extends BlockAction = BlockAction> = (args: ActionArgs<Action>) => Promise<void>;

export type ActionRoutes = {
  /**
   * Handles the action whose action_id is `actionId`, or matches it (a pattern is tried only when no exact ID is
   * registered). The handler acks, as a Bolt listener does. The type parameter narrows the action as Bolt's does.
   */
  on<Action extends BlockAction = BlockAction>(actionId: string | RegExp, handler: ActionHandler<Action>): void;
};

/** Registers the one Bolt listener for block actions on `app` and returns where handlers are added. */
export function routeActions(app: App, logger: Logger): ActionRoutes {
  const exact = new Map<string, ActionHandler>();
  const patterns: Array<{ pattern: RegExp; handler: ActionHandler }> = [];
  const log = logger.child({ module: 'action-routes' });

  app.action<BlockAction>({ type: 'block_actions' }, async (args) => {
    const actionId = args.action.action_id;
    const handler = exact.get(actionId) ?? patterns.find(({ pattern }) => pattern.test(actionId))?.handler;
    if (handler) return handler(args);
    // A link button, or a button of a message sent by an older version: Slack wants its ack all the same.
    await args.ack();
    log.info({ actionId }, 'no handler for this action; acknowledged it');
  });

  return {
    on(actionId, handler) {
      const route = handler as unknown as ActionHandler;
      if (actionId instanceof RegExp) {
        patterns.push({ pattern: actionId, handler: route });
        return;
      }
      if (exact.has(actionId)) throw new Error(`two handlers for the action ${actionId}`);
      exact.set(actionId, route);
    },
  };
}
