/**
 * The RFC 7643 §8.7.1 core User schema (urn:ietf:params:scim:schemas:core:2.0:User) as data.
 * @see https://datatracker.ietf.org/doc/html/rfc7643#section-8.7.1
 * @see https://datatracker.ietf.org/doc/html/rfc7643#section-4.1
 */
import type { SchemaDefinition } from '../schema-types.js';
import { URN } from '../urns.js';
import { attribute, complexAttribute, multiValuedQuartet, stringAttribute } from './attribute-builders.js';

const TYPE_WORK_HOME_OTHER = ['work', 'home', 'other'];

export const USER_SCHEMA: SchemaDefinition = {
  id: URN.User,
  name: 'User',
  description: 'User Account',
  attributes: [
    stringAttribute('userName', {
      description: 'Unique identifier for the User, typically used by the user to directly authenticate.',
      required: true,
      uniqueness: 'server',
    }),
    complexAttribute(
      'name',
      [
        stringAttribute('formatted', { description: 'The full name, formatted for display.' }),
        stringAttribute('familyName', { description: 'The family name of the User.' }),
        stringAttribute('givenName', { description: 'The given name of the User.' }),
        stringAttribute('middleName', { description: 'The middle name(s) of the User.' }),
        stringAttribute('honorificPrefix', { description: 'The honorific prefix(es) of the User.' }),
        stringAttribute('honorificSuffix', { description: 'The honorific suffix(es) of the User.' }),
      ],
      { description: "The components of the user's real name." },
    ),
    stringAttribute('displayName', { description: 'The name of the User, suitable for display to end-users.' }),
    stringAttribute('nickName', { description: 'The casual way to address the user in real life.' }),
    attribute('profileUrl', 'reference', {
      description: "A fully qualified URL pointing to a page representing the User's online profile.",
      referenceTypes: ['external'],
    }),
    stringAttribute('title', { description: "The user's title, such as 'Vice President'." }),
    stringAttribute('userType', {
      description: 'Used to identify the relationship between the organization and the user.',
    }),
    stringAttribute('preferredLanguage', { description: "Indicates the User's preferred written or spoken language." }),
    stringAttribute('locale', { description: "Used to indicate the User's default location." }),
    stringAttribute('timezone', { description: "The User's time zone in the 'Olson' time zone database format." }),
    attribute('active', 'boolean', { description: "A Boolean value indicating the User's administrative status." }),
    stringAttribute('password', {
      description: "The User's cleartext password.",
      mutability: 'writeOnly',
      returned: 'never',
    }),
    multiValuedQuartet('emails', 'Email addresses for the user.', { canonicalTypes: TYPE_WORK_HOME_OTHER }),
    multiValuedQuartet('phoneNumbers', 'Phone numbers for the User.', {
      canonicalTypes: ['work', 'home', 'mobile', 'fax', 'pager', 'other'],
    }),
    multiValuedQuartet('ims', 'Instant messaging addresses for the User.', {
      canonicalTypes: ['aim', 'gtalk', 'icq', 'xmpp', 'msn', 'skype', 'qq', 'yahoo'],
    }),
    multiValuedQuartet('photos', 'URLs of photos of the User.', {
      valueType: 'reference',
      referenceTypes: ['external'],
      canonicalTypes: ['photo', 'thumbnail'],
    }),
    complexAttribute(
      'addresses',
      [
        stringAttribute('formatted', { description: 'The full mailing address, formatted for display.' }),
        stringAttribute('streetAddress', { description: 'The full street address component.' }),
        stringAttribute('locality', { description: 'The city or locality component.' }),
        stringAttribute('region', { description: 'The state or region component.' }),
        stringAttribute('postalCode', { description: 'The zip code or postal code component.' }),
        stringAttribute('country', { description: 'The country name component.' }),
        stringAttribute('type', {
          description: "A label indicating the address's function.",
          canonicalValues: TYPE_WORK_HOME_OTHER,
        }),
        // @note §8.7.1 omits `primary` for addresses, but §4.1.2 gives every multi-valued attribute one and the
        // SCIM Validator sends "primary":"true" inside addresses (catalog P-13), so it is declared here.
        attribute('primary', 'boolean', { description: "Indicates the 'primary' or preferred address." }),
      ],
      { multiValued: true, description: 'A physical mailing address for this User.' },
    ),
    complexAttribute(
      'groups',
      [
        stringAttribute('value', { description: "The identifier of the User's group.", mutability: 'readOnly' }),
        attribute('$ref', 'reference', {
          description: "The URI of the corresponding 'Group' resource.",
          referenceTypes: ['User', 'Group'],
          caseExact: true,
          mutability: 'readOnly',
        }),
        stringAttribute('display', { description: 'A human-readable name.', mutability: 'readOnly' }),
        stringAttribute('type', {
          description: 'A label indicating the membership type.',
          canonicalValues: ['direct', 'indirect'],
          mutability: 'readOnly',
        }),
      ],
      { multiValued: true, mutability: 'readOnly', description: 'A list of groups to which the user belongs.' },
    ),
    multiValuedQuartet('entitlements', 'A list of entitlements for the User.'),
    multiValuedQuartet('roles', 'A list of roles for the User.'),
    multiValuedQuartet('x509Certificates', 'A list of certificates issued to the User.', { valueType: 'binary' }),
  ],
};
