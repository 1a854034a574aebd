/**
 * The entry of the voice message chunk: `client.messages` loads this module with `import()`
 * on first use, so that pages without voice messages do not download the store, envelope,
 * IPFS and outbox code.
 */
import type { ClientMessagesParts } from '../client/client-messages.js';
import { MessageService } from './message-service.js';

/** Builds the voice message service of one account. */
export function createMessageService(parts: ClientMessagesParts): MessageService {
  return new MessageService(parts);
}
