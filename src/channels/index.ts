// Slack channels linked to a Caliq account: the links in memory (read before views.open), changed through the store.
export { createLinkedChannels, type LinkedChannels } from './linked-channels.js';
