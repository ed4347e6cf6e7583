/**
 * Catalog §3 Filters and queries (F-): the filter queries Entra uses to match objects.
 * Titles are the catalog headings (backticks removed); level, mode and the one-sentence Entra consequence are
 * taken from each entry's Level, Mode and "If wrong" / "Entra reaction" lines and from the vendor-mistake table (§9).
 * @see ../../../../shared/entra-behaviours.md
 */
import type { BehaviourInfo } from '../types.js';

export const FILTER_BEHAVIOURS = {
  'F-01': {
    section: 'F',
    title: 'Only eq and and',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.4.2.2', 'entra:DEV', 'entra:POSTMAN'],
    entra: 'Every match query uses eq (and the legacy reference check uses and), so an endpoint that cannot evaluate them cannot link or create any user.',
  },
  'F-02': {
    section: 'F',
    title: 'Query-string encoding as Entra and the validator send it',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.4.2.2', 'entra:DEV', 'entra:VALRUNS'],
    entra: 'If + is not decoded as a space, every Entra filter is unparseable and answered with 400, so Test Connection and every match fail.',
  },
  'F-03': {
    section: 'F',
    title: 'Names and keywords are case-insensitive',
    level: 'recommended',
    mode: 'both',
    spec: ['rfc7643#section-2.1', 'rfc7644#section-3.4.2.2', 'rfc7644#section-3.10', 'entra:POSTMAN'],
    entra: "Entra sends canonical camelCase and is unaffected, but Microsoft's Postman tests and other clients fail on case-varied attribute names or operators.",
  },
  'F-04': {
    section: 'F',
    title: 'String-value case rules',
    level: 'required',
    mode: 'both',
    spec: ['rfc7643#section-2.3.1', 'rfc7643#section-4.1.1', 'rfc7644#section-3.4.2.2', 'entra:VALRUNS'],
    entra: 'Case-sensitive userName or displayName matching misses existing objects, so Entra creates duplicates or loops on 409.',
  },
  'F-05': {
    section: 'F',
    title: 'Special characters in filter values',
    level: 'recommended',
    mode: 'both',
    spec: ['rfc7644#section-3.4.2.2', 'entra:KNOWN'],
    entra: 'Entra cannot provision objects whose joining value contains special characters at all, so these tests check RFC escaping for other clients rather than an Entra failure.',
  },
  'F-06': {
    section: 'F',
    title: 'Honour the filter exactly',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.4.2.2', 'entra:LOGS', 'entra:VALRUNS'],
    entra: 'Entra logs DuplicateTargetEntries and skips the user, or links and overwrites the wrong account when a single wrong result comes back.',
  },
  'F-07': {
    section: 'F',
    title: 'Query answers are always a ListResponse',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.4.2', 'entra:DEV', 'entra:VALRUNS'],
    entra: 'Entra cannot parse the answer to its match query (ServiceIncompatible), so the object is neither linked nor created.',
  },
  'F-08': {
    section: 'F',
    title: 'Filter on a multi-valued sub-attribute',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.4.2.2', 'rfc7644#section-3.10', 'entra:DEV'],
    entra: 'When work e-mail is a matching attribute every match query fails, so those users are never linked or created.',
  },
  'F-09': {
    section: 'F',
    title: 'Unsupported or malformed filter',
    level: 'recommended',
    mode: 'both',
    spec: ['rfc7644#section-3.4.2.2', 'rfc7644#section-3.12', 'entra:LOGS'],
    entra: 'A 500 leaves the admin without a cause, and an answer that silently ignores the filter looks like a duplicate match to Entra (F-06).',
  },
  'F-10': {
    section: 'F',
    title: 'Legacy reference check: id eq … and manager eq …',
    level: 'recommended',
    mode: 'legacy',
    spec: ['rfc7644#section-3.4.2.2', 'rfc7644#section-3.9', 'entra:LEGACY', 'entra:DEV'],
    entra: 'Old customappsso jobs cannot tell whether the manager is already set, so they fail or re-send the manager on every cycle.',
  },
  'F-11': {
    section: 'F',
    title: 'Group queries always exclude members',
    level: 'required',
    mode: 'both',
    spec: ['rfc7644#section-3.9', 'entra:DEV'],
    entra: 'Returning members on group queries makes large groups slow enough to time out, and Entra may log MultipleEntriesInResponse for the group.',
  },
} satisfies Record<`F-${string}`, Omit<BehaviourInfo, 'id'>>;
