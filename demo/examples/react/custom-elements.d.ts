// JSX types for the Stardust Voice tags in React 19: attributes as props, and
// `on<event-name>` listeners typed with the package's event classes.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  StardustClientChangeEvent,
  StardustErrorEvent,
  StardustVoiceConfig,
} from 'stardust-voice/components';

type ElementProps<T> = DetailedHTMLProps<HTMLAttributes<T>, T> & {
  locale?: string;
  theme?: 'light' | 'dark';
  'onstardust-error'?: (event: StardustErrorEvent) => void;
};

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'stardust-voice-config': ElementProps<StardustVoiceConfig> & {
        chain?: string;
        signaling?: string;
        'ipfs-api'?: string;
        gateways?: string;
        'onstardust-client-change'?: (event: StardustClientChangeEvent) => void;
      };
    }
  }
}
