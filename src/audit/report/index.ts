import type { AuditReport } from './types.ts';
import { formatJson } from './json.ts';
import { printableDeep } from './printable.ts';
import { formatJunit } from './junit.ts';
import { formatSarif } from './sarif.ts';
import { formatText } from './text.ts';

export const FORMATS = ['text', 'json', 'junit', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

const FORMATTERS: Readonly<Record<Format, (report: AuditReport) => string>> = {
  text: formatText,
  json: formatJson,
  junit: formatJunit,
  sarif: formatSarif,
};

export function formatReport(report: AuditReport, format: Format): string {
  return FORMATTERS[format](printableDeep(report));
}
