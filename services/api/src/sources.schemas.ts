import { z } from 'zod';
import { MAX_URL_LENGTH, SOURCE_ID_PATTERN } from '@newsflow/contracts';

export const sourceBodySchema = z.object({
  url: z
    .string({ message: 'url must be a string' })
    .min(1, 'url must not be empty')
    .max(MAX_URL_LENGTH, `url is longer than ${MAX_URL_LENGTH} characters`),
  every: z.string({ message: 'every must be a string such as "15m"' }).max(40).optional(),
});

export const sourceIdSchema = z.string().regex(SOURCE_ID_PATTERN, 'a source id is 32 lowercase hex characters');
