import { useState } from 'react';
import type { StardustClientChangeEvent, StardustErrorEvent } from 'stardust-voice/components';

/**
 * React 19 passes props to custom elements as properties when the element has one, sets
 * the rest as attributes, and adds `on<event-name>` props as event listeners.
 */
export function App() {
  const [ipfsApi, setIpfsApi] = useState('http://127.0.0.1:5001');
  const [status, setStatus] = useState('Loading…');
  const [code, setCode] = useState<string>();

  return (
    <main>
      <h1>Stardust Voice in React</h1>
      <stardust-voice-config
        chain="ws://127.0.0.1:9944"
        signaling="ws://127.0.0.1:8888/signal"
        ipfs-api={ipfsApi}
        gateways="http://127.0.0.1:8080"
        onstardust-client-change={(event: StardustClientChangeEvent) => {
          const client = event.detail.client;

          setStatus(client ? `Ready: signaling at ${client.config.signaling}` : 'Not configured');
        }}
        onstardust-error={(event: StardustErrorEvent) => setCode(event.detail.code)}
      >
        <p id="status" role="status" data-code={code}>
          {status}
        </p>
        <button id="break" type="button" onClick={() => setIpfsApi('not a url')}>
          Break the configuration
        </button>
      </stardust-voice-config>
    </main>
  );
}
