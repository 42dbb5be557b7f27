// Listeners for external_select menus (block_suggestion): answered from memory within Slack's 3 seconds.
export { registerAccountSuggestions } from './account-suggestions.js';
