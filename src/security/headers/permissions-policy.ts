import type { SecurityOptions } from '../options.ts';

/** `Permissions-Policy`: every powerful feature denied to this page and anything it could embed. */
export function getPermissionsPolicy({ permissionsPolicy }: Pick<SecurityOptions, 'permissionsPolicy'>): string {
  return [...new Set(permissionsPolicy.deny)].map((feature) => `${feature}=()`).join(', ');
}
