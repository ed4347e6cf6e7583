/**
 * `scim-conformance explain [<id>…]`: what a behaviour means, from the catalog in this package, without a target.
 * No id lists every id with its level and title. An unknown id is a usage error (exit 2) with one line.
 */
import { parseArgs } from 'node:util';
import { palette, shouldUseColor } from '../../reporters/shared/color.js';
import { isBehaviourId, type BehaviourId } from '../catalog/behaviours.js';
import { explainText, listText, type TextStyle } from '../catalog/text.js';
import type { Level } from '../catalog/types.js';
import { UsageError } from '../model/errors.js';
import { ExitCode } from './exit-codes.js';
import { firstSentence } from './parse-errors.js';

export interface ExplainIo {
  out: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal, and its width when it is. */
  isTTY: boolean;
  columns?: number;
}

export function explainHelp(): string {
  return [
    'scim-conformance explain: what a behaviour id means (what Entra sends, what passes, sources)',
    '',
    'Usage:',
    '  scim-conformance explain U-14        one behaviour (several ids: one after the other)',
    '  scim-conformance explain             every id with its level and title',
    '',
    'The same text for every behaviour is in docs/behaviours.md. Colour only on a terminal; NO_COLOR turns it off.',
    '',
  ].join('\n');
}

/** Terminal width within reason: narrow panes still get readable paragraphs, wide ones no endless lines. */
function widthFor(io: ExplainIo): number {
  if (!io.isTTY || io.columns === undefined || io.columns <= 0) return 80;
  return Math.min(100, Math.max(40, io.columns - 1));
}

function styleFor(io: ExplainIo): TextStyle {
  const paint = palette(shouldUseColor(io.env, io.isTTY));
  const levelPaint: Record<Level, (text: string) => string> = {
    required: paint.red,
    recommended: paint.yellow,
    gallery: paint.cyan,
    validator: paint.cyan,
    informational: paint.dim,
  };
  return { width: widthFor(io), bold: paint.bold, dim: paint.dim, level: (level, text) => levelPaint[level](text) };
}

/** Parses the arguments after `explain` and prints; throws UsageError for a bad flag or an unknown id. */
export function explainCommand(argv: string[], io: ExplainIo): ExitCode {
  let parsed: ReturnType<typeof parseExplainArgs>;
  try {
    parsed = parseExplainArgs(argv);
  } catch (error) {
    throw new UsageError(`${firstSentence(error)}. Run scim-conformance explain --help for the usage.`);
  }
  if (parsed.values.help) {
    io.out(explainHelp());
    return ExitCode.Pass;
  }
  const ids: BehaviourId[] = parsed.positionals.map((raw) => {
    const id = normaliseId(raw);
    if (!isBehaviourId(id))
      throw new UsageError(`unknown behaviour id "${raw}" (ids look like U-14; see docs/behaviours.md)`);
    return id;
  });
  const style = styleFor(io);
  io.out(ids.length === 0 ? listText(style) : ids.map((id) => explainText(id, style)).join('\n'));
  return ExitCode.Pass;
}

/** `u-14`, `U14` and `U-4` are read as U-14 and U-04: the id a user half-remembers from a report. */
export function normaliseId(raw: string): string {
  const match = /^([a-z])-?(\d{1,2})$/i.exec(raw.trim());
  return match ? `${match[1]!.toUpperCase()}-${match[2]!.padStart(2, '0')}` : raw.trim();
}

function parseExplainArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    options: { help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: true,
  });
}
