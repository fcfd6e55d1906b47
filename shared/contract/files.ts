import { z } from 'zod';

/** A file made by the core and handed to the user (export, batch, backup). */
export const exportFile = z.object({ fileName: z.string(), mime: z.string(), base64: z.string() });
export const exportFormat = z.enum(['csv', 'xlsx']);
