import { parseArgs } from 'node:util';
import { InputError } from '../../schemas/parse.ts';
import {
  issueDeclaration,
  listDeclarations,
  newDeclaration,
  supersedeDeclaration,
  withdrawDeclaration,
} from './workflow.ts';

export const USAGE = `usage: npm run declaration -- <command> [options]
  new <version> [--from <version>] [--date YYYY-MM-DD]   start the draft for a released version
  issue <version> [--date YYYY-MM-DD] [--covers <range>] archive and sign the draft, mark it issued
  supersede <version> --by <version> [--date YYYY-MM-DD] mark an issued declaration superseded
  withdraw <version> --reason-en <text> --reason-fr <text> [--date YYYY-MM-DD]
  list                                                   every declaration and its status
Signing (issue): CRYPTPEER_PADES_P12_FILE and CRYPTPEER_PADES_P12_PASSPHRASE (PAdES PDF signature),
CRYPTPEER_OPENPGP_KEY_FILE and CRYPTPEER_OPENPGP_PASSPHRASE (detached .asc of every file).
`;

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  root: string;
}

class UsageError extends Error {}

/** Exit status: 0 done, 1 refused (bad data, named), 2 bad usage. Never prompts: CI and scripts run it. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        from: { type: 'string' },
        date: { type: 'string' },
        covers: { type: 'string' },
        by: { type: 'string' },
        'reason-en': { type: 'string' },
        'reason-fr': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.stderr(`declaration: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const [command, version, ...rest] = positionals;
  const base = { root: io.root, env: io.env, ...(values.date !== undefined ? { date: values.date } : {}) };
  try {
    const needVersion = (): string => {
      if (!version) throw new UsageError(`${command ?? ''}: a version is required`);
      if (rest.length > 0) throw new UsageError(`unexpected argument ${rest[0] ?? ''}`);
      return version;
    };
    switch (command) {
      case 'new': {
        const file = newDeclaration(needVersion(), { ...base, ...(values.from ? { from: values.from } : {}) });
        io.stdout(`declaration: drafted ${file}\n`);
        return 0;
      }
      case 'issue': {
        const result = await issueDeclaration(needVersion(), {
          ...base,
          ...(values.covers !== undefined ? { covers: values.covers } : {}),
        });
        io.stdout(
          `declaration: issued ${result.file}; documents archived in ${result.archive}/\n` +
            `  PDF signature (PAdES): ${result.padesSigner ?? 'none (CRYPTPEER_PADES_P12_FILE not set)'}\n` +
            `  OpenPGP signatures: ${result.openpgpFingerprint ?? 'none (CRYPTPEER_OPENPGP_KEY_FILE not set)'}\n` +
            '  Commit both, then build: the site republishes these exact bytes.\n',
        );
        return 0;
      }
      case 'supersede': {
        if (!values.by) throw new UsageError('supersede: --by <version> is required');
        const file = supersedeDeclaration(needVersion(), values.by, base);
        io.stdout(`declaration: ${file} superseded by ${values.by}\n`);
        return 0;
      }
      case 'withdraw': {
        const en = values['reason-en']?.trim();
        const fr = values['reason-fr']?.trim();
        if (!en || !fr) throw new UsageError('withdraw: --reason-en and --reason-fr are both required');
        const file = withdrawDeclaration(needVersion(), { ...base, reason: { en, fr } });
        io.stdout(`declaration: ${file} withdrawn\n`);
        return 0;
      }
      case 'list':
        if (version) throw new UsageError(`unexpected argument ${version}`);
        for (const line of listDeclarations(io.root)) io.stdout(`${line}\n`);
        return 0;
      default:
        throw new UsageError(command ? `unknown command ${command}` : 'a command is required');
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`declaration: ${error.message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof InputError || (error as Error).message.startsWith('[')) {
      io.stderr(`declaration: refused:\n${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
}
