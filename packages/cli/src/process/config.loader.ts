import { ConfigError, loadConfig, type Config } from '@newsflow/config';

/** The only place that reads process.env; a bad config ends the process with every problem listed. */
export function configFromEnv(): Config {
  try {
    return loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`newsflow: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}
