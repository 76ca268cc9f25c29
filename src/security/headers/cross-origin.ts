import type { SecurityOptions } from '../options.ts';

/** `Cross-Origin-Opener-Policy`: a page opened from elsewhere gets no handle on this window. */
export function getCrossOriginOpenerPolicy(): string {
  return 'same-origin';
}

/** `Cross-Origin-Resource-Policy`: no other origin may embed our responses (Spectre-style leaks). */
export function getCrossOriginResourcePolicy(): string {
  return 'same-origin';
}

/** `Cross-Origin-Embedder-Policy`: holds because every subresource is same-origin. */
export function getCrossOriginEmbedderPolicy({ coep }: Pick<SecurityOptions, 'coep'>): string {
  return coep;
}
