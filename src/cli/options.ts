/**
 * Every flag of the run command, once: its parse type, help line and default. parse-args.ts tokenises with
 * node:util parseArgs from this table and validates with the zod schema below; --help is generated from it.
 */
import { z } from 'zod';
import { DEFAULT_NUM_RUNS } from '../model/target.js';
import type { FailOn } from '../model/result.js';
import { REPORTERS, type ReporterName } from '../../reporters/index.js';

export interface FlagSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  value?: string;
  help: string;
}

export const RUN_FLAGS = {
  url: {
    type: 'string',
    value: 'URL',
    help: "Base URL of the SCIM endpoint, as entered in Entra's Tenant URL (e.g. https://app.example.com/scim/v2)",
  },
  token: {
    type: 'string',
    value: 'TOKEN',
    help: 'Bearer token (prefer SCIM_TOKEN or --token-file: a token on the command line leaks into shell history)',
  },
  'token-file': { type: 'string', value: 'FILE', help: 'Read the bearer token from FILE' },
  demo: { type: 'boolean', help: 'Start the bundled reference server and run against it' },
  profile: {
    type: 'string',
    value: 'NAME|FILE',
    help: 'Target app profile: a built-in name (entra-default, uniflow-online, oneflow, mediusflow, microsoft-365), a JSON file, or "discover" (read from the target\'s /Schemas) (default: entra-default)',
  },
  suite: {
    type: 'string',
    multiple: true,
    value: 'NAME',
    help: 'Run only these suites (repeat or comma-separate), e.g. users,groups',
  },
  grep: {
    type: 'string',
    value: 'PATTERN',
    help: 'Run only tests whose name matches PATTERN (a regular expression), e.g. "U-1[0-9]"',
  },
  reporter: {
    type: 'string',
    multiple: true,
    value: 'NAME',
    help: `Reporters (repeat or comma-separate): ${Object.keys(REPORTERS).join(', ')} (default: all)`,
  },
  'out-dir': { type: 'string', value: 'DIR', help: 'Where report files go (default: reports)' },
  seed: {
    type: 'string',
    value: 'N',
    help: 'Seed for generated test data; a failing run prints the seed that replays it',
  },
  'num-runs': {
    type: 'string',
    value: 'N',
    help: 'Random cases per property of the properties suite, on top of its hand-picked examples, which always run (default: 5; a CI job without --seed adds new random cases each run; nightly: 100)',
  },
  timeout: {
    type: 'string',
    value: 'DURATION',
    help: 'Per-request timeout, e.g. 60s or 5000ms; a bare number is milliseconds (default: 60s, how long Entra waits)',
  },
  concurrency: { type: 'string', value: 'N', help: 'Most requests in flight at once (default: 4)' },
  rate: {
    type: 'string',
    value: 'N',
    help: 'Most requests per second, run-wide (retries and cleanup included), e.g. 25 for a tenant limited to 25/s (default: as fast as the target allows; a 429 slows the run down)',
  },
  insecure: { type: 'boolean', help: 'Do not verify the TLS certificate (test servers only)' },
  ca: { type: 'string', value: 'FILE', help: 'Trust the certificate authority in this PEM file' },
  'no-cleanup': { type: 'boolean', help: 'Leave the users and groups the tests create on the target' },
  'read-only': {
    type: 'boolean',
    help: 'Run only the tests that change nothing (tag read-only); never sends POST, PUT, PATCH or DELETE',
  },
  list: { type: 'boolean', help: 'Print the tests that would run and exit; sends nothing' },
  baseline: {
    type: 'string',
    value: 'FILE',
    help: 'A results.json of an earlier run: failures it had too are known and do not block (pin --seed to compare like with like)',
  },
  'fail-on': {
    type: 'string',
    value: 'required|gallery|all',
    help: 'Which failed levels block (exit 1): required (default: what breaks Entra provisioning), gallery (also gallery and validator levels), all (every level); failures below it are warnings',
  },
  json: {
    type: 'boolean',
    help: 'Print the verdict as one JSON line on stdout (verdict, exitCode, failOn, counts, failing behaviour ids, report paths) and everything else on stderr, for pipelines',
  },
  quiet: {
    type: 'boolean',
    short: 'q',
    help: 'Compact console: one counter line per area, then the failures grouped by behaviour and the verdict (the default when CI=true)',
  },
  verbose: {
    type: 'boolean',
    help: 'One console line per test (the default on a terminal; with CI=true, asks for it)',
  },
  help: { type: 'boolean', short: 'h', help: 'Show this help' },
  version: { type: 'boolean', short: 'v', help: 'Print the version' },
} as const satisfies Record<string, FlagSpec>;

/**
 * The values of --fail-on before severity decided the exit code (issue 14): `any` failed on every failed test and
 * `new` on every failure not in the baseline, whatever its level. Both mean `all` now (with --baseline, known
 * failures never block); parse-args accepts them with a one-line deprecation warning.
 */
export const DEPRECATED_FAIL_ON = ['any', 'new'] as const;

const duration = z.string().transform((text, ctx) => {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s)?$/.exec(text.trim());
  if (!match) {
    ctx.addIssue({ code: 'custom', message: `expected a duration such as 15s or 5000ms, got "${text}"` });
    return z.NEVER;
  }
  const ms = Number(match[1]) * (match[2] === 's' ? 1000 : 1);
  if (ms < 100 || ms > 600_000) {
    ctx.addIssue({ code: 'custom', message: `must be between 100ms and 600s, got "${text}"` });
    return z.NEVER;
  }
  return Math.round(ms);
});

const positiveInt = (name: string, max: number) =>
  z.string().transform((text, ctx) => {
    const n = Number(text);
    if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < 1 || n > max) {
      ctx.addIssue({ code: 'custom', message: `${name} must be a whole number from 1 to ${max}, got "${text}"` });
      return z.NEVER;
    }
    return n;
  });

const reporterName = z.enum(Object.keys(REPORTERS) as [ReporterName, ...ReporterName[]], {
  error: (issue) => `unknown reporter "${String(issue.input)}"; choose from ${Object.keys(REPORTERS).join(', ')}`,
});

const httpUrl = z.string().transform((text, ctx) => {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    ctx.addIssue({
      code: 'custom',
      message: `"${text}" is not a URL; expected something like https://app.example.com/scim/v2`,
    });
    return z.NEVER;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    ctx.addIssue({
      code: 'custom',
      message: `the URL must start with https:// (or http:// for a local server), got "${url.protocol}"`,
    });
    return z.NEVER;
  }
  if (url.username || url.password) {
    ctx.addIssue({ code: 'custom', message: 'put credentials in --token, not in the URL' });
    return z.NEVER;
  }
  return url.toString();
});

/** Validated run options (after tokenising; the token itself is resolved in parse-args). */
export const RunOptionsSchema = z.object({
  url: httpUrl.optional(),
  demo: z.boolean().default(false),
  profile: z.string().min(1).default('entra-default'),
  suite: z.array(z.string().min(1)).default([]),
  grep: z
    .string()
    .refine((p) => {
      try {
        new RegExp(p);
        return true;
      } catch {
        return false;
      }
    }, 'is not a valid regular expression')
    .optional(),
  reporter: z.array(reporterName).default(Object.keys(REPORTERS) as ReporterName[]),
  outDir: z.string().min(1).default('reports'),
  seed: z
    .string()
    .regex(/^-?\d+$/, 'must be a whole number')
    .transform(Number)
    .refine((n) => Number.isSafeInteger(n), 'is too large')
    .optional(),
  /** Entra waits 60 s for an answer (catalog D-23); a slower answer is a timeout to Entra too. */
  timeout: duration.default(60_000),
  concurrency: positiveInt('--concurrency', 64).default(4),
  numRuns: positiveInt('--num-runs', 100_000).default(DEFAULT_NUM_RUNS),
  rate: z
    .string()
    .transform((text, ctx) => {
      const n = Number(text);
      if (!/^\d+(\.\d+)?$/.test(text.trim()) || !(n >= 0.1 && n <= 10_000)) {
        ctx.addIssue({
          code: 'custom',
          message: `--rate must be a number of requests per second from 0.1 to 10000, got "${text}"`,
        });
        return z.NEVER;
      }
      return n;
    })
    .optional(),
  insecure: z.boolean().default(false),
  ca: z.string().optional(),
  noCleanup: z.boolean().default(false),
  readOnly: z.boolean().default(false),
  list: z.boolean().default(false),
  json: z.boolean().default(false),
  quiet: z.boolean().default(false),
  verbose: z.boolean().default(false),
  baseline: z.string().min(1).optional(),
  failOn: z
    .enum(['required', 'gallery', 'all', ...DEPRECATED_FAIL_ON], {
      error: (issue) => `expected required, gallery or all, got "${String(issue.input)}"`,
    })
    .default('required'),
});

export type RunOptions = Omit<z.output<typeof RunOptionsSchema>, 'failOn'> & { failOn: FailOn } & {
  token?: string;
  tokenSource?: 'flag' | 'file' | 'env' | 'demo';
  /** The PEM text of --ca, read once by parse-args. */
  caPem?: string;
};
