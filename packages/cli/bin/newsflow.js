#!/usr/bin/env node
// newsflow runs its TypeScript sources directly through tsx's loader: one code path for
// development, tests, CI and the container image, with no build step to forget.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
