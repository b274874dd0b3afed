export * from './config';
export { envSchema, type Env } from './config.schema';
export * from './process-env';
