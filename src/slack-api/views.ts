// views.open, views.update and views.publish with the view sent as its JSON text, which is what the form encoding of
// the Web API client sends anyway. Given an object, the client first copies it key by key through its `redact` and
// serializes the copy for a debug line, debug on or not: for the log modal that was a fifth of a command's CPU.
import type {
  ViewsOpenArguments,
  ViewsOpenResponse,
  ViewsPublishArguments,
  ViewsPublishResponse,
  ViewsUpdateArguments,
  ViewsUpdateResponse,
  WebClient,
} from '@slack/web-api';

const withViewAsJson = <Args extends { view: object }>(args: Args): Record<string, unknown> => ({
  ...args,
  view: JSON.stringify(args.view),
});

export const openView = (client: WebClient, args: ViewsOpenArguments): Promise<ViewsOpenResponse> =>
  client.apiCall('views.open', withViewAsJson(args));

export const updateView = (client: WebClient, args: ViewsUpdateArguments): Promise<ViewsUpdateResponse> =>
  client.apiCall('views.update', withViewAsJson(args));

export const publishView = (client: WebClient, args: ViewsPublishArguments): Promise<ViewsPublishResponse> =>
  client.apiCall('views.publish', withViewAsJson(args));
