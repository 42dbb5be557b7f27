// Delivery outcomes change what a Home tab shows: each notice also asks for the Home of the people it concerns.
import type { DeliveryNotices } from '../delivery/index.js';
import type { HomeRefresher } from './home-refresher.js';

/** The delivery notices, each also refreshing the Home of the person it concerns (and of the follow-up person). */
export function withHomeRefresh(notices: DeliveryNotices, home: HomeRefresher): DeliveryNotices {
  return {
    logged(entry, info) {
      home.request(entry.slackUserId);
      if (entry.followUpSlackUserId) home.request(entry.followUpSlackUserId);
      return notices.logged(entry, info);
    },
    rejected(entry) {
      home.request(entry.slackUserId);
      return notices.rejected(entry);
    },
    savedForLater(entry) {
      home.request(entry.slackUserId);
      return notices.savedForLater(entry);
    },
    misconfigured(entry) {
      home.request(entry.slackUserId);
      return notices.misconfigured(entry);
    },
    failed(entry, reason) {
      home.request(entry.slackUserId);
      return notices.failed(entry, reason);
    },
    gaveUp(entry) {
      home.request(entry.slackUserId);
      return notices.gaveUp(entry);
    },
  };
}
