// zod schemas of Caliq's documented JSON answers, lenient where .NET may send null, strict where the bot depends on it.
import { z } from 'zod';
import type { CaliqChannel, CaliqCustomer, CaliqCustomerWithOrders, CaliqIssue, CaliqMessage } from './types.js';

/** .NET serializes an empty list as null as often as []; both mean "none". */
const listOf = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((items) => items ?? []);

/** Integer IDs, also when sent as numeric strings. */
const integerId = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

const textOrNull = z
  .string()
  .nullish()
  .transform((text) => text ?? '');

const issueSchema = z
  .object({ ID: integerId, Message: textOrNull, ExtraData: textOrNull })
  .transform((issue): CaliqIssue => ({ id: issue.ID, message: issue.Message, extraData: issue.ExtraData }));

export const interactionCreateAnswerSchema = z.object({
  InteractionAddData: z.object({ OK: z.boolean(), InteractionCreateIssues: listOf(issueSchema) }),
});

export const channelAnswerSchema = z.object({
  ChannelList: listOf(
    z
      .object({ ID: integerId, Description: textOrNull })
      .transform((channel): CaliqChannel => ({ id: channel.ID, description: channel.Description })),
  ),
});

export const customerChangeAnswerSchema = z.object({
  CustomerChangeList: listOf(
    z
      .object({ ID: integerId, AccountNo: z.string() })
      .transform((customer): CaliqCustomer => ({ id: customer.ID, accountNo: customer.AccountNo.trim() })),
  ),
});

/** Money and counts may come as numbers, numeric strings or null; only the ID, number and name matter to the bot. */
const looseNumber = z
  .union([z.number(), z.string(), z.null()])
  .optional()
  .transform((value) => (value === null || value === undefined || value === '' ? 0 : Number(value)));

export const customersWithOrdersAnswerSchema = z.object({
  CustomerWithOrderList: listOf(
    z
      .object({ ID: integerId, AccountNo: z.string(), Name: textOrNull, OrderCount: looseNumber, OSValue: looseNumber })
      .transform(
        (customer): CaliqCustomerWithOrders => ({
          id: customer.ID,
          accountNo: customer.AccountNo.trim(),
          name: customer.Name.trim(),
          orderCount: customer.OrderCount,
          osValue: customer.OSValue,
        }),
      ),
  ),
});

export const messageAnswerSchema = z.object({
  MessagesList: listOf(
    z
      .object({ ID: integerId, Description: textOrNull })
      .transform((message): CaliqMessage => ({ id: message.ID, description: message.Description })),
  ),
});

export const pulseAnswerSchema = z.object({ SecondsFromMidnight: z.number() });

/** "InteractionAddData.OK: expected boolean, received string; …": what was wrong, by path, for logs and errors. */
export function describeZodIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
