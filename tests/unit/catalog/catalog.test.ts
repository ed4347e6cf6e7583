import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  BEHAVIOURS,
  type BehaviourId,
  allBehaviourIds,
  behaviourIdsInSection,
  behaviourInfo,
  isBehaviourId,
  SECTION_TITLES,
} from '../../../src/catalog/behaviours.js';
import { isSpecAnchor, specLabel, specUrl } from '../../../src/catalog/spec-links.js';
import type { Section } from '../../../src/catalog/types.js';
import { UNOBSERVABLE } from '../../../src/catalog/unobservable.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** CI checks the repository out with ../shared beside it; a bare clone may lack it. */
const catalogMarkdown = resolve(repoRoot, '../shared/entra-behaviours.md');

const LEVELS = ['required', 'recommended', 'gallery', 'validator', 'informational'];
const MODES = ['default', 'flag', 'both', 'legacy', 'validator', 'gallery'];

function expectedIds(section: Section, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${section}-${String(i + 1).padStart(2, '0')}`);
}

describe('behaviour catalog', () => {
  // No counts to keep up to date: a new entry only has to take the next number of its section (the set of ids is
  // compared with ../shared/entra-behaviours.md below, when it is there).
  it.each(Object.keys(SECTION_TITLES) as Section[])('section %s numbers its ids from 01 without gaps', (section) => {
    const inSection = behaviourIdsInSection(section);
    expect(inSection.length).toBeGreaterThan(0);
    expect(inSection).toEqual(expectedIds(section, inSection.length));
  });

  it('lists the sections in catalog order, every id in one of them', () => {
    expect((Object.keys(SECTION_TITLES) as Section[]).flatMap((section) => behaviourIdsInSection(section))).toEqual(
      allBehaviourIds(),
    );
  });

  it.each(allBehaviourIds())('%s has a complete, consistent entry', (id) => {
    const info = behaviourInfo(id);
    expect(info.id).toBe(id);
    expect(info.section).toBe(id.slice(0, 1));
    expect(info.title.trim()).not.toBe('');
    expect(info.title).not.toMatch(/`/);
    expect(LEVELS).toContain(info.level);
    expect(MODES).toContain(info.mode);
    expect(info.spec.length).toBeGreaterThan(0);
    expect(new Set(info.spec).size).toBe(info.spec.length);
    expect(info.entra.trim()).not.toBe('');
    // One sentence: ends with a full stop and has no sentence break inside.
    expect(info.entra).toMatch(/\.$/);
    expect(info.entra.slice(0, -1)).not.toMatch(/\.\s+[A-Z]/);
  });

  it.each(allBehaviourIds())('%s says what is sent and what passes, in short readable text', (id) => {
    const info = behaviourInfo(id);
    const texts: Array<[string, string | undefined]> = [
      ['sends', info.sends],
      ['passes', info.passes],
      ['levels', info.levels],
    ];
    for (const [field, text] of texts) {
      if (field === 'levels' && text === undefined) continue;
      expect(text, `${id}.${field}`).toBeDefined();
      const value = text!;
      expect(value, `${id}.${field}`).toBe(value.trim());
      expect(value.length, `${id}.${field} length`).toBeGreaterThanOrEqual(15);
      expect(value.length, `${id}.${field} length`).toBeLessThanOrEqual(900);
      expect(value, `${id}.${field} ends a sentence`).toMatch(/[.)]$/);
      // Code (paths, bodies, status codes) sits in backtick spans; an odd count means a span never closes.
      expect((value.match(/`/g) ?? []).length % 2, `${id}.${field} backticks`).toBe(0);
      expect(value, `${id}.${field} has no pointer outside the package`).not.toMatch(
        /§0|entra-behaviours|\.\.\/shared/,
      );
    }
    expect(info.passes, id).not.toBe(info.sends);
  });

  it("marks mixed levels only where they are mixed, naming the entry's own level among them", () => {
    const LEVEL_WORD = /\b(REQUIRED|RECOMMENDED|GALLERY|VALIDATOR)\b/g;
    for (const id of allBehaviourIds()) {
      const info = behaviourInfo(id);
      if (info.levels === undefined) continue;
      const words = new Set(info.levels.match(LEVEL_WORD));
      expect(words.size, `${id}.levels names at least two levels`).toBeGreaterThanOrEqual(2);
      expect(words.has(info.level.toUpperCase() as 'REQUIRED'), `${id}.levels names its level ${info.level}`).toBe(
        true,
      );
    }
  });

  // The December 2026 calibration corrects what these entries expect; the corrected text must be the one shipped.
  const corrections: Array<[BehaviourId, 'sends' | 'passes' | 'levels', RegExp]> = [
    ['D-04', 'passes', /may answer `400` or `401` \(RFC 6750 §3\.1\)/],
    ['G-20', 'passes', /`204`, or `200` with the resource.*both pass/],
    ['U-06', 'levels', /VALIDATOR: exactly `201`\. RECOMMENDED: a `Location` header/],
    ['G-05', 'levels', /VALIDATOR: exactly `201`/],
    ['U-06', 'passes', /or `200`/],
    ['D-08', 'passes', /`application\/json` is tolerated/],
    ['D-09', 'passes', /`status` as a number is tolerated and `scimType` is optional/],
    ['D-13', 'passes', /`405`, `501` or `404` for an unsupported method/],
    ['D-14', 'levels', /REQUIRED: `429`.*RECOMMENDED: `Retry-After` on every `429`/],
    ['F-02', 'levels', /VALIDATOR: literal `"` in the query string/],
    ['P-13', 'levels', /RECOMMENDED: Replace `emails\[type eq "work"\]\.primary`.*VALIDATOR: a string `primary`/],
    ['P-18', 'passes', /`invalidSyntax` or `invalidValue`/],
    ['U-08', 'levels', /RECOMMENDED: `409` for a duplicate that differs only in case, and `scimType: "uniqueness"`/],
    ['G-04', 'levels', /RECOMMENDED: `409` for a duplicate that differs only in case/],
    ['U-20', 'passes', /answers `409`, or `400` with `scimType: "uniqueness"`/],
    ['G-15', 'passes', /answers `409`, or `400` with `scimType: "uniqueness"`/],
    ['U-12', 'levels', /RECOMMENDED: the sent case of a `caseExact: false` attribute/],
    ['U-21', 'levels', /RECOMMENDED: the stored case/],
    ['U-04', 'levels', /REQUIRED when the profile maps externalId as a matching attribute; RECOMMENDED otherwise/],
    ['G-12', 'passes', /`400 noTarget` also passes/],
    [
      'X-08',
      'levels',
      /REQUIRED: `Remove` with the URN path\. GALLERY: `replace` with `""`\. VALIDATOR: `replace` with `\{"value":""\}`\. RECOMMENDED: a `null` value, and `remove manager\[value eq "<id>"\]` without the URN/,
    ],
    ['X-01', 'levels', /RECOMMENDED: the URN listed in `schemas` of responses/],
    ['X-11', 'levels', /RECOMMENDED: the URN listed in `schemas` of responses/],
    ['P-15', 'levels', /REQUIRED: the `id` stays the same\. RECOMMENDED:/],
    ['U-25', 'sends', /one `Add` may carry several such JSON-encoded strings/],
    ['U-25', 'passes', /`displayName` \(not the RFC's `display`\)/],
    ['U-30', 'levels', /RECOMMENDED otherwise/],
    ['G-23', 'passes', /inconclusive \(skipped with the reason\), not failed/],
    ['D-01', 'passes', /`\/\/Users`\) has not been seen from Entra and is not required/],
    ['D-22', 'passes', /A `406` to a request without a JSON `Accept` fails/],
    ['D-23', 'levels', /REQUIRED: answers within 60 s\. RECOMMENDED/],
  ];
  it.each(corrections)('%s.%s carries the calibrated expectation', (id, field, pattern) => {
    expect(behaviourInfo(id)[field]).toMatch(pattern);
  });

  it('resolves every spec anchor to an https URL and a label', () => {
    for (const id of allBehaviourIds()) {
      for (const anchor of BEHAVIOURS[id].spec) {
        expect(isSpecAnchor(anchor), `${id}: ${anchor}`).toBe(true);
        expect(specUrl(anchor)).toMatch(/^https:\/\//);
        expect(specLabel(anchor)).not.toBe('');
      }
    }
  });

  it('maps anchors to the documented URLs and labels', () => {
    expect(specUrl('rfc7644#section-3.5.2.3')).toBe('https://datatracker.ietf.org/doc/html/rfc7644#section-3.5.2.3');
    expect(specLabel('rfc7644#section-3.5.2.3')).toBe('RFC 7644 §3.5.2.3');
    expect(specUrl('rfc6750#section-3')).toBe('https://datatracker.ietf.org/doc/html/rfc6750#section-3');
    expect(specUrl('entra:DEV')).toBe(
      'https://learn.microsoft.com/en-us/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups',
    );
    expect(specUrl('entra:COMPAT')).toBe(
      'https://learn.microsoft.com/en-us/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility',
    );
    expect(specLabel('entra:DEV')).toBe('Microsoft: Develop a SCIM endpoint');
    expect(specUrl('gh:MicrosoftDocs/azure-docs#94189')).toBe(
      'https://github.com/MicrosoftDocs/azure-docs/issues/94189',
    );
    expect(specLabel('gh:MicrosoftDocs/azure-docs#94189')).toBe('MicrosoftDocs/azure-docs#94189');
    expect(specUrl('entra:DISCOVERY')).toBe(
      'https://learn.microsoft.com/en-us/entra/identity/app-provisioning/how-to-account-discovery',
    );
    expect(() => specUrl('gh:no-issue-number')).toThrow(/Unknown spec anchor/);
    expect(() => specUrl('entra:NOPE')).toThrow(/Unknown spec anchor/);
    expect(() => specUrl('rfc7644 3.5')).toThrow(/Unknown spec anchor/);
  });

  it('throws on an unknown id', () => {
    expect(() => behaviourInfo('U-99')).toThrow(/Unknown behaviour id "U-99"/);
    expect(isBehaviourId('U-99')).toBe(false);
    expect(isBehaviourId('U-14')).toBe(true);
  });

  it('lists only catalog ids as unobservable, each with a reason, and never a required behaviour the suites can send', () => {
    const entries = Object.entries(UNOBSERVABLE);
    expect(entries.length).toBeGreaterThan(0);
    for (const [id, reason] of entries) {
      expect(isBehaviourId(id), id).toBe(true);
      expect(reason?.trim()).not.toBe('');
    }
    // Spot checks of the conservative rule: observable behaviours must stay testable.
    for (const id of ['D-02', 'D-14', 'D-15', 'U-23', 'X-16'] as const) expect(UNOBSERVABLE[id]).toBeUndefined();
  });

  it.skipIf(!existsSync(catalogMarkdown))('matches the ids and headings of ../shared/entra-behaviours.md', () => {
    const markdown = readFileSync(catalogMarkdown, 'utf8');
    const headings = new Map<string, string>();
    for (const match of markdown.matchAll(/^### ([UFPGDX]-\d{2}) (.+)$/gm)) {
      headings.set(match[1]!, match[2]!.replace(/`/g, '').trim());
    }
    expect([...headings.keys()].sort()).toEqual([...allBehaviourIds()].sort());
    for (const [id, title] of headings) expect(behaviourInfo(id).title, id).toBe(title);
  });
});
