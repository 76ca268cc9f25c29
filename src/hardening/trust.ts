import { existsSync } from 'node:fs';
import { getSealKey } from '../security/declaration-seal.ts';
import { ROUTE_DECLARATIONS, type DeclarationRegistry } from '../security/route-declarations.ts';
import { listFiles } from './walk.ts';

/**
 * What the harden and verify steps know about where dist/ files came from. Everything copied from
 * public/ is author input: never a script or stylesheet a page may load, never a declared route.
 */
export interface BuildTrust {
  /** This build's declaration seal key (declaration-seal.ts). */
  sealKey: Uint8Array;
  /** URL paths (`/favicon.svg`) of dist/ files that are copies of files in public/. */
  publicFiles: ReadonlySet<string>;
  /** The reviewed route declarations. */
  declarations: DeclarationRegistry;
}

/** The trust context of a build whose public folder is `publicDir` (absent: nothing copied). */
export function createBuildTrust(publicDir: string | undefined): BuildTrust {
  const files = publicDir && existsSync(publicDir) ? listFiles(publicDir) : [];
  return {
    sealKey: getSealKey(),
    publicFiles: new Set(files.map((f) => `/${f}`)),
    declarations: ROUTE_DECLARATIONS,
  };
}

/** Where a dist/ file came from, for error messages: `public/x.html` for copies, else `dist/x.html`. */
export function sourceOf(file: string, trust: Pick<BuildTrust, 'publicFiles'>): string {
  return trust.publicFiles.has(`/${file}`) ? `public/${file}` : `dist/${file}`;
}
