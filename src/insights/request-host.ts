/** The SDK's default address, which a null base URL stands for. */
export const DEFAULT_BASE_URL = 'https://api.anthropic.com';

/** Returns the host (and port) that requests to `baseURL` go to, where null is the SDK's default. */
export function requestHost(baseURL: string | null): string {
  return new URL(baseURL ?? DEFAULT_BASE_URL).host;
}
