import { inject } from 'vitest';

// Runs in each worker before the tests: the keyring library and the S3 helpers read process.env.
Object.assign(process.env, inject('serviceEnv'));
