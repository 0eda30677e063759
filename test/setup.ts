import { fc } from '@fast-check/vitest';

// Property run counts are settable for CI (FC_RUNS); failures print the seed and path to replay.
fc.configureGlobal({ numRuns: Number(process.env.FC_RUNS ?? 200) });
