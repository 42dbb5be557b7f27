// Conversions between column values and domain values, shared by the stores so every table stores instants alike.

/** Instants are stored as INTEGER epoch milliseconds. */
export const toMillis = (at: Date): number => at.getTime();

export const fromOptionalMillis = (ms: number | null): Date | undefined => (ms === null ? undefined : new Date(ms));

export const fromNullable = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

export const toNullable = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

/** JSON columns are written by this code only, so parsing trusts their shape. */
export const parseJson = <T>(text: string): T => JSON.parse(text) as T;
