import { UserError } from '../errors.js';
import { describeTokenMatch } from '../risk/rules/provider-token.js';
import { findNameSecrets, maskNameSecrets } from '../risk/secrets/name-secrets.js';
import type { ConfigLocation } from './describe-config-error.js';

/**
 * Rejects an `llm.model` that contains a provider token, such as an API key pasted in place
 * of the model name, because every request sends the model and every analysis fossil records
 * it. Throws a UserError (exit 2) that names the key, the masked value and the fix.
 */
export function checkLlmModel(model: string | undefined, location: ConfigLocation): void {
  if (model === undefined) return;
  const [match] = findNameSecrets(model);
  if (match === undefined) return;

  const key = [...location.keyPrefix, 'llm', 'model'].join('.');
  throw new UserError(
    `${location.label}: "${key}" is "${maskNameSecrets(model)}" ` +
      `(${describeTokenMatch(match)}), not a model name. Remove the key from ${location.label}, ` +
      'pass it in ANTHROPIC_API_KEY, and revoke it if the file was committed or shared. Set ' +
      `"${key}" to a model name such as "claude-haiku-5-5".`,
  );
}
