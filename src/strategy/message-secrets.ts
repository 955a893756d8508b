import { maskSecret } from '../risk/mask.js';
import { describeTokenMatch } from '../risk/rules/provider-token.js';
import { findUrlCredentials } from '../risk/rules/url-credentials.js';
import { findNameSecrets } from '../risk/secrets/name-secrets.js';
import type { StrategyShape } from './shape.js';
import type { StrategyProblem } from './types.js';

/** A secret in a message: the rule that finds its kind, what it is, and its masked value. */
interface MessageSecret {
  rule: string;
  name: string;
  masked: string;
}

/** Returns the provider tokens and URL passwords in a message, by the risk rules that find them. */
function findMessageSecrets(message: string): MessageSecret[] {
  const tokens = findNameSecrets(message).map((match) => ({
    rule: 'provider-token',
    name: describeTokenMatch(match),
    masked: maskSecret(match.value),
  }));
  const passwords = findUrlCredentials(message).map((credential) => ({
    rule: 'url-credentials',
    name: 'Password in a URL',
    masked: `${credential.scheme}://${credential.user === '' ? '' : '…'}:${maskSecret(credential.password)}@${credential.host}`,
  }));
  return [...tokens, ...passwords];
}

/**
 * Checks that no batch message contains a secret, with the rules the risk stage runs on staged
 * lines. `footprint commit` would write the message into history, so such a strategy is not
 * committed.
 */
export function checkMessageSecrets(strategy: StrategyShape): StrategyProblem[] {
  const problems: StrategyProblem[] = [];
  for (const batch of strategy.batches) {
    for (const secret of findMessageSecrets(batch.message)) {
      const message =
        `Batch ${batch.id} has a message with a secret (${secret.rule}: ${secret.name}, ` +
        `${secret.masked}), which the commit would write into history. Remove it from the ` +
        'message, and revoke it with its provider if the strategy file left this machine.';
      problems.push({ code: 'message-secret', batch: batch.id, message });
    }
  }
  return problems;
}
