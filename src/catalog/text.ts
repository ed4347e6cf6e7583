/**
 * The terminal form of the catalog, for `scim-conformance explain`: one behaviour in full, or the list of ids.
 * Pure: the caller decides the width and passes the paint functions (identity when colour is off).
 */
import { behaviourIdsInSection, SECTION_TITLES, type BehaviourId } from './behaviours.js';
import { describeBehaviour, MODE_MEANINGS } from './describe.js';
import type { Level, Section } from './types.js';

type Paint = (text: string) => string;

export interface TextStyle {
  /** Columns to wrap at. */
  width: number;
  bold: Paint;
  dim: Paint;
  /** How a level is painted (e.g. red for required); identity when colour is off. */
  level: (level: Level, text: string) => string;
}

const plain: Paint = (text) => text;

/** No colour, 80 columns: what a pipe or a file gets. */
export const PLAIN_STYLE: TextStyle = { width: 80, bold: plain, dim: plain, level: (_level, text) => text };

/**
 * Greedy word wrap at `width` columns, every line prefixed by `indent`. Words longer than a line (a JSON body, a
 * URL) stay whole on their own line rather than being cut, so they can still be copied.
 * @note Hand-written: a dozen lines, and none of the project's dependencies wraps text.
 */
export function wrap(text: string, width: number, indent = ''): string[] {
  const room = Math.max(10, width - indent.length);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > room) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(indent + line);
  return lines;
}

/** One behaviour, in full: heading, level and mode, then each part as a short paragraph, then the sources. */
export function explainText(id: BehaviourId, style: TextStyle = PLAIN_STYLE): string {
  const d = describeBehaviour(id);
  const lines = [
    ...wrap(`${d.id} ${d.title}`, style.width).map(style.bold),
    ...wrap(`Level: ${d.level} · Mode: ${MODE_MEANINGS[d.mode]}`, style.width).map((line, i) =>
      i === 0 ? line.replace(d.level, style.level(d.level, d.level)) : line,
    ),
  ];
  for (const part of d.parts) lines.push('', style.bold(part.label), ...wrap(part.text, style.width, '  '));
  lines.push('', style.bold('Sources'));
  for (const source of d.sources) lines.push(...wrap(source.label, style.width, '  '), style.dim(`    ${source.url}`));
  lines.push(
    '',
    ...wrap(`All behaviours: docs/behaviours.md (this one: docs/behaviours.md#${d.id.toLowerCase()})`, style.width).map(
      style.dim,
    ),
  );
  return `${lines.join('\n')}\n`;
}

/** Every id with its level and title, grouped by section; titles wrap under themselves. */
export function listText(style: TextStyle = PLAIN_STYLE): string {
  const lines: string[] = [];
  const pad = ' '.repeat(2 + 4 + 2 + 13 + 1); // '  U-01  required      '
  for (const section of Object.keys(SECTION_TITLES) as Section[]) {
    if (lines.length > 0) lines.push('');
    lines.push(style.bold(`${section}- ${SECTION_TITLES[section]}`));
    for (const id of behaviourIdsInSection(section)) {
      const d = describeBehaviour(id);
      const [first = '', ...rest] = wrap(d.title, style.width - pad.length);
      lines.push(`  ${id}  ${style.level(d.level, d.level.padEnd(13))} ${first}`, ...rest.map((l) => pad + l));
    }
  }
  lines.push(
    '',
    ...wrap('Run scim-conformance explain <id> for one behaviour; all of them: docs/behaviours.md', style.width),
  );
  return `${lines.join('\n')}\n`;
}
