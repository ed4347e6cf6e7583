import { describe, expect, it } from 'vitest';
import { palette } from '../../../reporters/shared/color.js';
import { allBehaviourIds } from '../../../src/catalog/behaviours.js';
import { explainText, listText, PLAIN_STYLE, wrap, type TextStyle } from '../../../src/catalog/text.js';

const ESC = '\u001b[';

function colourStyle(width: number): TextStyle {
  const paint = palette(true);
  return {
    width,
    bold: paint.bold,
    dim: paint.dim,
    level: (level, text) => (level === 'required' ? paint.red(text) : text),
  };
}

describe('wrap', () => {
  it('fills lines greedily up to the width, each with the indent', () => {
    expect(wrap('aa bb cc dd ee', 10, '  ')).toEqual(['  aa bb cc', '  dd ee']);
  });

  it('keeps a word longer than the line whole, on its own line', () => {
    const body = '{"op":"Replace","path":"active","value":"False"}';
    expect(wrap(`send ${body} now`, 30)).toEqual(['send', body, 'now']);
  });

  it('collapses runs of white space and returns nothing for empty text', () => {
    expect(wrap('a \n  b', 80)).toEqual(['a b']);
    expect(wrap('   ', 80)).toEqual([]);
  });
});

describe('explainText', () => {
  it('prints one behaviour: heading, level and mode, requests, what passes, consequence and linked sources', () => {
    const text = explainText('D-04');
    const lines = text.split('\n');
    expect(lines[0]).toBe('D-04 Missing or wrong token → 401');
    expect(lines[1]).toBe('Level: required · Mode: both dialects');
    for (const label of ['Requests', 'Passes', 'When it is wrong', 'Sources']) expect(lines).toContain(label);
    expect(text).not.toContain('Not tested');
    expect(text.replace(/\s+/g, ' ')).toContain('may answer `400` or `401` (RFC 6750 §3.1)');
    expect(text).toContain('    https://datatracker.ietf.org/doc/html/rfc6750#section-3\n');
    expect(text).toContain('docs/behaviours.md#d-04');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('adds the reason for an id no request can observe, and the levels of a mixed entry', () => {
    expect(explainText('D-16')).toMatch(/\nNot tested\n {2}The escrow retry schedule/);
    expect(explainText('D-14')).toMatch(/\nLevels\n {2}REQUIRED: `429`/);
    expect(explainText('U-14')).not.toMatch(/\nLevels\n/);
  });

  it.each([40, 60, 100])('wraps paragraphs within %i columns, except single words that cannot be broken', (width) => {
    for (const id of allBehaviourIds()) {
      for (const line of explainText(id, { ...PLAIN_STYLE, width }).split('\n')) {
        if (line.length > width) expect(line.trim(), `${id} at ${width}: "${line}"`).not.toContain(' ');
      }
    }
  });

  it('uses no escape codes in the plain style, and paints heading and level when colour is on', () => {
    expect(explainText('U-14')).not.toContain(ESC);
    const coloured = explainText('U-14', colourStyle(80));
    expect(coloured).toContain(`${ESC}1mU-14 Disable user`);
    expect(coloured).toContain(`${ESC}31mrequired${ESC}39m`);
  });
});

describe('listText', () => {
  it('lists every id once with its level and title, grouped under the section headings', () => {
    const text = listText();
    const idLines = text.split('\n').filter((l) => /^ {2}[UFPGDX]-\d{2} {2}/.test(l));
    expect(idLines.map((l) => l.slice(2, 6))).toEqual(allBehaviourIds());
    expect(text).toContain('  U-14  required      Disable user — default mode (string "False")');
    expect(text).toContain('  P-18  validator     Empty Operations');
    for (const heading of [
      'U- Users',
      'F- Filters and queries',
      'P- PATCH semantics',
      'G- Groups',
      'X- Schema extensions',
    ]) {
      expect(text).toMatch(new RegExp(`(^|\n)${heading}\n`));
    }
    expect(text).not.toContain(ESC);
  });

  it('wraps a long title under itself, not under the id', () => {
    const text = listText({ ...PLAIN_STYLE, width: 50 });
    const at = text.split('\n').findIndex((l) => l.startsWith('  P-04  '));
    expect(text.split('\n')[at + 1]).toMatch(/^ {22}\S/);
  });
});
