import { z } from 'zod';
import { loadConfig, type Config } from './config';

// The process environment is read here and nowhere else (a lint rule keeps it so): settings go
// through the zod schema once, and the few other uses of the environment have a name.

/** The configuration from this process's environment; throws ConfigError listing every problem. */
export function loadConfigFromProcess(): Config {
  return loadConfig(process.env);
}

/**
 * The environment a child process of newsflow starts with: this one's, so that the child parses
 * the same settings itself, with the overrides (a port or URL the parent chose) on top.
 */
export function childProcessEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}

const kibanaSecretsSchema = z.object({
  KIBANA_PASSWORD: z.string().min(1).optional(),
  KIBANA_API_KEY: z.string().min(1).optional(),
});

/**
 * Kibana credentials for `newsflow kibana import`, from the environment rather than the command
 * line where `ps` shows them. Not part of Config: no service uses them.
 */
export function kibanaSecretsFromProcess(): { password?: string; apiKey?: string } {
  const env = kibanaSecretsSchema.parse({
    KIBANA_PASSWORD: process.env.KIBANA_PASSWORD || undefined,
    KIBANA_API_KEY: process.env.KIBANA_API_KEY || undefined,
  });
  return {
    ...(env.KIBANA_PASSWORD ? { password: env.KIBANA_PASSWORD } : {}),
    ...(env.KIBANA_API_KEY ? { apiKey: env.KIBANA_API_KEY } : {}),
  };
}
