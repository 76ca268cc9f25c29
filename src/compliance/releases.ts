import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { InputError, parseWith } from '../schemas/parse.ts';
import { releaseSchema, type ReleaseData } from '../schemas/release.ts';

export interface ReleaseFacts extends ReleaseData {
  /** `content/releases/en/2.3.0.md` */
  file: string;
}

/**
 * The release notes' front matter, read without Astro so the compliance checks (build, CLI, unit
 * tests) share one source. English is the reference: the site build already refuses a release note
 * that is missing in another locale or disagrees with its file name.
 */
export function readReleaseFacts(root = process.cwd()): ReleaseFacts[] {
  const dir = 'content/releases/en';
  let names: string[];
  try {
    names = readdirSync(join(root, dir)).filter((name) => name.endsWith('.md'));
  } catch (cause) {
    throw new InputError(`${dir}: cannot be read`, { cause });
  }
  return names.sort().map((name) => {
    const file = `${dir}/${name}`;
    const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(root, file), 'utf8'));
    if (!match) throw new InputError(`${file}: front matter: missing --- block`);
    let data: unknown;
    try {
      data = parseYaml(match[1] ?? '', { uniqueKeys: true });
    } catch (cause) {
      throw new InputError(`${file}: front matter: invalid YAML: ${(cause as Error).message}`, { cause });
    }
    return { ...parseWith(releaseSchema, data, file), file };
  });
}
