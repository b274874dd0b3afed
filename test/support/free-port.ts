// One implementation, shared with the CLI's local-service helpers.
export { freePort } from '../../packages/cli/src/local/free-port';
