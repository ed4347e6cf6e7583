/**
 * How to reproduce one failed test after the run has cleaned up (issue 17): a bash script of the test's own
 * requests in order, and the one-line rerun command.
 *
 * The script re-creates what the test created: every POST that answered with an `id` stores it in a shell
 * variable (ID1, ID2, …), and later URLs and bodies that carried that id use the variable instead, so they reach
 * the new resource. It ends with DELETEs of whatever it created and the test did not delete itself. The id is read
 * from the answer with grep and sed (the first `"id": "…"` of the body, which for a SCIM resource is its own id):
 * no jq, nothing beyond bash, curl, grep, sed and mktemp. The token comes from $SCIM_TOKEN, the target from
 * $SCIM_URL (default: the run's URL). Each step prints the status it got next to the one the run got.
 * Pure: built from a TestResult and the run's facts; the token is never in it (curl.ts writes $SCIM_TOKEN).
 */
import type { Exchange } from '../model/exchange.js';
import type { TestResult } from '../model/result.js';
import { curlArgs, shellQuote } from '../model/curl.js';

export interface RunFacts {
  /** The target URL as reports show it (no query string). */
  url: string;
  demo: boolean;
  seed: number;
  profile: string;
  failOn: string;
}

interface Created {
  variable: string;
  id: string;
  /** Collection URL the resource was POSTed to, e.g. http://host/scim/v2/Users. */
  collection: string;
}

/** Shell variables spliced into quoted words: the base URL at the start of a URL, and created ids anywhere. */
interface Substitution {
  literal: string;
  expression: string;
  prefixOnly: boolean;
}

function quoteWith(substitutions: readonly Substitution[]): (text: string) => string {
  return (text) => {
    const base = substitutions.find((sub) => sub.prefixOnly && sub.literal !== '' && text.startsWith(sub.literal));
    const quoted = base
      ? `${base.expression}${rest(text.slice(base.literal.length), substitutions)}`
      : rest(text, substitutions);
    return quoted || "''";
  };
}

/** Quote `text`, writing each created id as its variable (double-quoted, so it expands). */
function rest(text: string, substitutions: readonly Substitution[]): string {
  const ids = substitutions.filter((sub) => !sub.prefixOnly && sub.literal !== '');
  if (text === '') return '';
  for (const sub of ids) {
    const at = text.indexOf(sub.literal);
    if (at < 0) continue;
    const before = text.slice(0, at);
    const after = text.slice(at + sub.literal.length);
    return `${before ? shellQuote(before) : ''}${sub.expression}${rest(after, substitutions)}`;
  }
  return shellQuote(text);
}

function createdId(exchange: Exchange): string | undefined {
  const response = exchange.response;
  if (exchange.request.method.toUpperCase() !== 'POST' || !response || response.status < 200 || response.status > 299)
    return undefined;
  try {
    const body = JSON.parse(response.body) as { id?: unknown };
    return typeof body.id === 'string' && body.id !== '' ? body.id : undefined;
  } catch {
    return undefined;
  }
}

/** Exchanges worth replaying: sent ones, and for a request retried after 429 only its last attempt. */
function replayed(exchanges: readonly Exchange[]): Array<{ exchange: Exchange; index: number }> {
  return exchanges
    .map((exchange, index) => ({ exchange, index }))
    .filter(
      ({ exchange, index }) => exchange.error?.code !== 'not-sent' && !(exchanges[index + 1]?.seq === exchange.seq),
    );
}

const PRELUDE = [
  'set -u',
  ': "${SCIM_TOKEN:?set SCIM_TOKEN to the bearer token first}"',
  'OUT="$(mktemp)"; trap \'rm -f "$OUT"\' EXIT',
  '# step N RECORDED curl-arguments…: send one request, print its status, the status the run got, and the body.',
  'step() {',
  '  local n="$1" recorded="$2"; shift 2',
  '  local status; status="$(curl -sS -o "$OUT" -w \'%{http_code}\' "$@")"',
  '  echo "step $n: HTTP $status (in the run: $recorded)"',
  '  cat "$OUT"; echo',
  '}',
  '# The id of the resource in the last answer: its first "id" member (no jq needed).',
  'id_of() { grep -o \'"id"[[:space:]]*:[[:space:]]*"[^"]*"\' "$OUT" | head -n 1 | sed \'s/.*"\\([^"]*\\)"$/\\1/\'; }',
];

/** The bash script that replays `test`'s requests against the same target, or undefined when it sent none. */
export function reproductionScript(test: TestResult, run: RunFacts): string | undefined {
  const steps = replayed(test.exchanges);
  if (steps.length === 0) return undefined;
  const base = run.url.replace(/\/+$/, '');
  const substitutions: Substitution[] = [{ literal: base, expression: '"$BASE"', prefixOnly: true }];
  const created: Created[] = [];
  const lines = [
    '#!/usr/bin/env bash',
    `# Reproduces: ${oneLineComment(test.name)}`,
    `# scim-conformance, seed ${run.seed}. Needs bash, curl, grep, sed. Set SCIM_TOKEN first; SCIM_URL overrides the target.`,
    `# ${steps.length} request(s) of the test in order, then DELETEs of what they created.`,
    ...PRELUDE,
    `BASE="\${SCIM_URL:-${base.replace(/["\\$`]/g, '\\$&')}}"`,
    '',
  ];
  steps.forEach(({ exchange, index }, n) => {
    const recorded = exchange.response
      ? String(exchange.response.status)
      : `no answer (${exchange.error?.code ?? 'none'})`;
    if (test.failure?.exchange === index)
      lines.push(`# This request showed the failure in the run: ${oneLineComment(test.failure.message)}`);
    const args = curlArgs(exchange.request, quoteWith(substitutions));
    lines.push(`step ${n + 1} ${shellQuote(recorded)} ${args.join(' ')}`);
    const id = createdId(exchange);
    if (id !== undefined && !created.some((c) => c.id === id)) {
      const variable = `ID${created.length + 1}`;
      created.push({ variable, id, collection: exchange.request.url.split('?')[0]!.replace(/\/+$/, '') });
      substitutions.push({ literal: id, expression: `"$${variable}"`, prefixOnly: false });
      lines.push(`${variable}="$(id_of)"`);
    }
  });
  const deletedByTest = (c: Created) =>
    steps.some(
      ({ exchange }) =>
        exchange.request.method.toUpperCase() === 'DELETE' && exchange.request.url.split('?')[0]!.endsWith(`/${c.id}`),
    );
  const cleanup = created.filter((c) => !deletedByTest(c)).reverse();
  if (cleanup.length > 0) lines.push('', '# Cleanup: delete what this script created.');
  for (const c of cleanup) {
    const url = quoteWith(substitutions)(`${c.collection}/${c.id}`);
    lines.push(
      `curl -sS -o /dev/null -w 'cleanup: DELETE %{http_code}\\n' --globoff -X DELETE ${url} -H "Authorization: Bearer $SCIM_TOKEN"`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function oneLineComment(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').slice(0, 300);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `scim-conformance --url … --grep '^<name>$' --seed N`: reruns this one test with the same data. */
export function rerunCommand(grep: string, run: RunFacts): string {
  const parts = ['scim-conformance', ...(run.demo ? ['--demo'] : ['--url', shellQuote(run.url)])];
  if (run.profile !== 'entra-default') parts.push('--profile', shellQuote(run.profile));
  if (run.failOn !== 'required') parts.push('--fail-on', run.failOn);
  parts.push('--grep', shellQuote(grep), '--seed', String(run.seed));
  return parts.join(' ');
}

/** The --grep pattern that selects exactly this test, or every test of a behaviour. */
export function grepForTest(name: string): string {
  return `^${escapeRegex(name)}$`;
}

export function grepForBehaviour(behaviour: string): string {
  return `^${escapeRegex(behaviour)} `;
}

/** Adds `reproduce` to every failed and warning test (before redaction: the script holds no token anyway). */
export function addReproductions(tests: TestResult[], run: RunFacts): void {
  for (const test of tests) {
    if (test.status !== 'failed' && test.status !== 'warning') continue;
    const script = reproductionScript(test, run);
    test.reproduce = { rerun: rerunCommand(grepForTest(test.name), run), ...(script ? { script } : {}) };
  }
}
