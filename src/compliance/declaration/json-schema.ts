import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { declarationSchemaPath, type DeclarationKind } from '../paths.ts';

const text = { type: 'string', minLength: 1 } as const;
const optionalText = { type: ['string', 'null'], minLength: 1 } as const;
const address = { type: 'array', items: text, minItems: 1 } as const;
const isoDate = { type: 'string', format: 'date' } as const;
const common = {
  id: text,
  status: { enum: ['draft', 'issued'], description: 'A draft is not a declaration of conformity.' },
  sample: { type: 'boolean', description: 'True for sample data that only exercises the publishing chain.' },
  lang: { enum: ['en', 'fr'] },
  date: { ...isoDate, description: 'Date of the text; the date of issue once issued.' },
  title: text,
  regulation: { const: 'Regulation (EU) 2024/2847' },
  fullTextUrl: { type: 'string', format: 'uri', pattern: '^https://' },
} as const;

/**
 * JSON Schema (2020-12) of the published declaration JSON. An issued declaration must carry every
 * Annex V field (the `if`/`then` below), exactly as the input schema demands, so a consumer can
 * check a file it downloaded without trusting this site.
 */
function fullSchema(origin: string) {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${origin}${declarationSchemaPath('full')}`,
    title: 'EU declaration of conformity (Regulation (EU) 2024/2847, Annex V)',
    type: 'object',
    additionalProperties: false,
    required: [
      '$schema',
      'documentType',
      ...Object.keys(common),
      'product',
      'manufacturer',
      'authorisedRepresentative',
      'soleResponsibility',
      'object',
      'conformity',
      'standards',
      'conformityAssessment',
      'additionalInformation',
      'signature',
    ],
    properties: {
      $schema: { type: 'string', format: 'uri' },
      documentType: { const: 'eu-declaration-of-conformity' },
      ...common,
      product: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'type', 'version', 'identification'],
        properties: { name: text, type: text, version: text, identification: optionalText },
      },
      manufacturer: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'address', 'website'],
        properties: { name: text, address, website: { type: 'string', format: 'uri' } },
      },
      authorisedRepresentative: {
        type: ['object', 'null'],
        additionalProperties: false,
        required: ['name', 'address'],
        properties: { name: text, address },
      },
      soleResponsibility: text,
      object: optionalText,
      conformity: {
        type: 'object',
        additionalProperties: false,
        required: ['statement', 'legislation'],
        properties: {
          statement: text,
          legislation: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['reference', 'title'],
              properties: { reference: text, title: text },
            },
          },
        },
      },
      standards: {
        type: ['array', 'null'],
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['kind', 'reference', 'title'],
          properties: {
            kind: { enum: ['harmonised-standard', 'common-specification', 'cybersecurity-certification'] },
            reference: text,
            title: optionalText,
          },
        },
      },
      conformityAssessment: {
        type: 'object',
        additionalProperties: false,
        required: ['procedure', 'notifiedBody'],
        properties: {
          procedure: optionalText,
          notifiedBody: {
            oneOf: [
              { type: 'null' },
              { const: 'none' },
              {
                type: 'object',
                additionalProperties: false,
                required: ['name', 'number', 'certificate'],
                properties: { name: text, number: { type: 'string', pattern: '^\\d{4}$' }, certificate: text },
              },
            ],
          },
        },
      },
      additionalInformation: optionalText,
      signature: {
        type: 'object',
        additionalProperties: false,
        required: ['signedForAndOnBehalfOf', 'place', 'date', 'name', 'function'],
        properties: {
          signedForAndOnBehalfOf: text,
          place: optionalText,
          date: isoDate,
          name: optionalText,
          function: optionalText,
        },
      },
    },
    if: { type: 'object', properties: { status: { const: 'issued' } } },
    then: {
      type: 'object',
      properties: {
        product: { type: 'object', properties: { identification: text } },
        object: text,
        standards: { type: 'array' },
        conformityAssessment: {
          type: 'object',
          properties: { procedure: text, notifiedBody: { not: { type: 'null' } } },
        },
        additionalInformation: text,
        signature: { type: 'object', properties: { place: text, name: text, function: text } },
      },
    },
  } as const;
}

function simplifiedSchema(origin: string) {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${origin}${declarationSchemaPath('simplified')}`,
    title: 'Simplified EU declaration of conformity (Regulation (EU) 2024/2847, Annex VI)',
    type: 'object',
    additionalProperties: false,
    required: ['$schema', 'documentType', ...Object.keys(common), 'product', 'manufacturer', 'statement'],
    properties: {
      $schema: { type: 'string', format: 'uri' },
      documentType: { const: 'simplified-eu-declaration-of-conformity' },
      ...common,
      product: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'type', 'version'],
        properties: { name: text, type: text, version: text },
      },
      manufacturer: text,
      statement: text,
    },
  } as const;
}

export function getDeclarationJsonSchema(kind: DeclarationKind, origin: string): object {
  return kind === 'full' ? fullSchema(origin) : simplifiedSchema(origin);
}

/**
 * Validates a declaration JSON against its published schema, or throws listing every problem.
 * Run on every file the build writes, so the schema and the documents cannot drift apart.
 */
export function assertMatchesSchema(kind: DeclarationKind, origin: string, document: unknown, name: string): void {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  const validate = ajv.compile(getDeclarationJsonSchema(kind, origin));
  if (!validate(document)) {
    const lines = (validate.errors ?? []).map(
      (e) => `${name}: ${e.instancePath || '(root)'}: ${e.message ?? 'invalid'}`,
    );
    throw new Error(`[declaration] the JSON does not match its published schema:\n  ${lines.join('\n  ')}`);
  }
}
