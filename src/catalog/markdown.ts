/**
 * docs/behaviours.md, made from the catalog: an index, then every behaviour grouped by section with its level,
 * mode, requests, what passes, Entra's consequence, sources as links and, for the ids no request can observe, the
 * reason. Pure; `scripts/write-behaviours-doc.mjs` writes it and a project test keeps the committed file current.
 */
import { allBehaviourIds, behaviourIdsInSection, SECTION_TITLES, type BehaviourId } from './behaviours.js';
import { describeBehaviour, LEVEL_MEANINGS, MODE_MEANINGS, type BehaviourDescription } from './describe.js';
import type { Section } from './types.js';

/**
 * Escape Markdown syntax in running text, leaving `code spans` as they are (their content is literal already).
 * `<` matters most: `<id>` outside a code span would be swallowed as an HTML tag.
 */
export function markdownText(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((piece, i) => (i % 2 === 1 ? piece : piece.replace(/[\\*_<>[\]]/g, (c) => `\\${c}`)))
    .join('');
}

/** The HTML anchor of a behaviour: `U-14` → `u-14` (explicit, so links do not depend on the title). */
export function behaviourAnchor(id: BehaviourId): string {
  return id.toLowerCase();
}

function sectionAnchor(section: Section): string {
  return `section-${section.toLowerCase()}`;
}

function entry(d: BehaviourDescription): string[] {
  const lines = [
    `<a id="${behaviourAnchor(d.id)}"></a>`,
    `### ${d.id} ${markdownText(d.title)}`,
    '',
    `**Level:** ${d.level} · **Mode:** ${markdownText(MODE_MEANINGS[d.mode])}`,
    '',
  ];
  for (const part of d.parts) lines.push(`**${part.label}:** ${markdownText(part.text)}`, '');
  const links = d.sources.map((s) => `[${markdownText(s.label)}](${s.url})`);
  lines.push(`**Sources:** ${links.join(', ')}`, '');
  return lines;
}

function index(sections: Section[]): string[] {
  const lines = ['## Index', ''];
  for (const section of sections) {
    lines.push(`**[${section}- ${SECTION_TITLES[section]}](#${sectionAnchor(section)})**`, '');
    for (const id of behaviourIdsInSection(section)) {
      const d = describeBehaviour(id);
      lines.push(`- [${id}](#${behaviourAnchor(id)}) ${markdownText(d.title)} (${d.level})`);
    }
    lines.push('');
  }
  return lines;
}

/** The whole of docs/behaviours.md. */
export function behavioursMarkdown(): string {
  const sections = Object.keys(SECTION_TITLES) as Section[];
  const lines = [
    '# Behaviours',
    '',
    '<!-- Generated from src/catalog by `npm run docs:behaviours`. Do not edit by hand: change src/catalog/sections/*.ts and run it again. -->',
    '',
    `Every test of scim-conformance checks one of these ${allBehaviourIds().length} behaviours of Microsoft Entra ID's provisioning service`,
    'and carries its id (U-14, P-05, …) in its name and in every report. Each entry says which requests are behind it,',
    'which answers pass, what Entra does when an endpoint gets it wrong, and where that is documented. The same text',
    'is printed by `scim-conformance explain <id>`.',
    '',
    'The rule behind every "passes": never stricter than both the RFC and Entra. When RFC 7643/7644 allow an answer',
    'and Entra copes with it, the answer passes; what only the RFC asks is RECOMMENDED and does not fail a run by default.',
    'A shape that many behaviours share (error body, `Content-Type`, `meta`) is judged in its own behaviour only.',
    '',
    '**Levels.**',
    '',
    ...Object.entries(LEVEL_MEANINGS).map(([level, meaning]) => `- **${level}**: ${markdownText(meaning)}`),
    '',
    '**Modes** (which Entra client sends it).',
    '',
    ...Object.entries(MODE_MEANINGS).map(([mode, meaning]) => `- **${mode}**: ${markdownText(meaning)}`),
    '',
    ...index(sections),
  ];
  for (const section of sections) {
    lines.push(`<a id="${sectionAnchor(section)}"></a>`, `## ${section}- ${SECTION_TITLES[section]}`, '');
    for (const id of behaviourIdsInSection(section)) lines.push(...entry(describeBehaviour(id)));
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
