import { declarationSchemaPath } from '../paths.ts';
import { assertMatchesSchema } from './json-schema.ts';
import type { DeclarationModel, SimplifiedDeclarationModel } from './model.ts';

/**
 * The published JSON of a declaration: the model as is, behind a `$schema` pointing at the schema
 * published next to it. Checked against that schema before it is returned.
 */
export function serializeDeclaration(model: DeclarationModel | SimplifiedDeclarationModel, origin: string): string {
  const kind = model.documentType === 'eu-declaration-of-conformity' ? 'full' : 'simplified';
  const document = { $schema: `${origin}${declarationSchemaPath(kind)}`, ...model };
  assertMatchesSchema(kind, origin, document, `${model.id} (${model.lang})`);
  return `${JSON.stringify(document, null, 2)}\n`;
}
