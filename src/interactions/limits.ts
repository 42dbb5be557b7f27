// Limits of the log modal's fields that Caliq does not document: Slack's plain_text_input holds at most 3000 characters.

/** Notes and follow-up notes: the modal's max_length and the cap when prefilling from a message. */
export const NOTES_MAX_LENGTH = 3000;
