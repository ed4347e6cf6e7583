import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/model/errors.js';
import { explainCommand, normaliseId, type ExplainIo } from '../../../src/cli/explain.js';
import { explainText } from '../../../src/catalog/text.js';

const ESC = '\u001b[';

function capture(io: Partial<ExplainIo>, argv: string[]): string {
  let text = '';
  explainCommand(argv, { out: (t) => (text += t), env: {}, isTTY: false, ...io });
  return text;
}

describe('explain command', () => {
  it('reads the forms of an id a user half-remembers, and leaves anything else alone', () => {
    expect(normaliseId('u-14')).toBe('U-14');
    expect(normaliseId('U14')).toBe('U-14');
    expect(normaliseId('p-5')).toBe('P-05');
    expect(normaliseId(' D-04 ')).toBe('D-04');
    expect(normaliseId('users')).toBe('users');
    expect(normaliseId('U-140')).toBe('U-140');
  });

  it('on a terminal wraps to its width and colours; NO_COLOR turns colour off', () => {
    const tty = capture({ isTTY: true, columns: 61 }, ['P-05']);
    expect(tty).toContain(ESC);
    const plain = capture({ isTTY: true, columns: 61, env: { NO_COLOR: '1' } }, ['P-05']);
    expect(plain).not.toContain(ESC);
    for (const line of plain.split('\n')) if (line.length > 60) expect(line.trim()).not.toContain(' ');
    expect(plain).not.toBe(explainText('P-05'));
  });

  it('keeps a usable width on very narrow or unknown terminals, and 80 columns off a terminal', () => {
    const narrow = capture({ isTTY: true, columns: 12, env: { NO_COLOR: '1' } }, ['U-01']);
    expect(narrow.split('\n').some((line) => line.length > 30)).toBe(true);
    expect(capture({ isTTY: false, columns: 200 }, ['U-01'])).toBe(explainText('U-01'));
  });

  it('rejects an unknown id with the documented one-line message', () => {
    expect(() => capture({}, ['U-99'])).toThrow(
      new UsageError('unknown behaviour id "U-99" (ids look like U-14; see docs/behaviours.md)'),
    );
  });
});
