import { ConfigError, loadConfigFromProcess, type Config } from '@newsflow/config';

/** The CLI's configuration; a bad config ends the process with every problem listed. */
export function configFromEnv(): Config {
  try {
    return loadConfigFromProcess();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`newsflow: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}
