// The simulator's reference data (customers, channels, employees): the bundled seed.json or a file of the same shape.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import bundledSeed from './seed.json' with { type: 'json' };

const seedSchema = z.object({
  customers: z.array(
    z.object({
      ID: z.number().int().positive(),
      AccountNo: z.string().min(1).max(10),
      Name: z.string().optional(),
      /** Back orders, on this channel: such a customer is listed, with its name, by CustomersWithOrders. */
      OrderCount: z.number().int().nonnegative().optional(),
      OrderChannelID: z.number().int().positive().optional(),
      /** YYYYMMDD of the last change, for CustomerChange with ChangesSince. */
      ChangedOn: z
        .string()
        .regex(/^\d{8}$/)
        .optional(),
    }),
  ),
  channels: z.array(z.object({ ID: z.number().int().positive(), Description: z.string() })),
  employees: z.array(z.object({ ID: z.string().min(1).max(10), Name: z.string(), Email: z.string().optional() })),
});

/** Caliq-shaped (PascalCase) records, as the simulator answers them. */
export type SimulatorSeed = z.infer<typeof seedSchema>;

/** Reads and checks a seed file; throws naming the broken fields. */
export function loadSimulatorSeed(path: string): SimulatorSeed {
  const result = seedSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!result.success) throw new Error(`Simulator seed ${path} is not valid: ${z.prettifyError(result.error)}`);
  return result.data;
}

/** The seed shipped beside the simulator. */
export function readDefaultSeed(): SimulatorSeed {
  return seedSchema.parse(bundledSeed);
}
