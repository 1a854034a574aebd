import { expect } from 'chai';
import { html } from 'lit';

import '../define.js';
import { StardustClient } from '../../src/client/stardust-client.js';
import { StardustError } from '../../src/shared/errors.js';
import { expectAccessible } from '../../test/support/axe.js';
import { cleanupFixtures, fixture, nextEvent, settled } from '../../test/support/fixture.js';
import type { StardustClientChangeEvent, StardustErrorEvent } from '../shared/events.js';
import { StardustElement } from '../shared/stardust-element.js';
import { StardustVoiceConfig } from './voice-config.js';

/** A minimal element built on the shared base, standing in for the voice elements. */
class TestConsumer extends StardustElement {
  renderedLocale: string | undefined;

  get client(): StardustClient | undefined {
    return this.stardust.client;
  }

  get configError(): StardustError | undefined {
    return this.stardust.error;
  }

  require(): StardustClient {
    return this.stardust.requireClient();
  }

  protected override render() {
    this.renderedLocale = this.resolvedLocale;

    return html`<span part="base" lang=${this.resolvedLocale}>consumer</span>`;
  }
}

customElements.define('test-consumer', TestConsumer);

const CHAIN = 'ws://127.0.0.1:9944';
const SIGNALING = 'ws://127.0.0.1:8888/signal';
const IPFS_API = 'http://127.0.0.1:5001';
const GATEWAYS = 'http://127.0.0.1:8080 http://127.0.0.1:8081';

function errorBox(config: StardustVoiceConfig): HTMLElement | null {
  return config.shadowRoot!.querySelector('[part="error"]');
}

describe('<stardust-voice-config>', () => {
  afterEach(async () => {
    cleanupFixtures();
    document.documentElement.lang = 'en';
    await globalThis.StardustVoice?.reset();
  });

  it('provides one client to every element inside', async () => {
    const config = await fixture<StardustVoiceConfig>(html`
      <stardust-voice-config
        chain=${CHAIN}
        signaling=${SIGNALING}
        ipfs-api=${IPFS_API}
        gateways=${GATEWAYS}
      >
        <test-consumer></test-consumer>
        <div><test-consumer></test-consumer></div>
      </stardust-voice-config>
    `);
    const [first, second] = config.querySelectorAll<TestConsumer>('test-consumer');

    expect(config.client).to.be.instanceOf(StardustClient);
    expect(first!.client).to.equal(config.client);
    expect(second!.client).to.equal(config.client);
    expect(config.client!.config.gateways).to.deep.equal([
      'http://127.0.0.1:8080',
      'http://127.0.0.1:8081',
    ]);
    expect(config.client!.config.ipfsApi).to.equal(IPFS_API);
    expect(errorBox(config)).to.equal(null);
  });

  it('accepts comma-separated gateways', async () => {
    const config = await fixture<StardustVoiceConfig>(html`
      <stardust-voice-config
        chain=${CHAIN}
        signaling=${SIGNALING}
        ipfs-api=${IPFS_API}
        gateways="http://127.0.0.1:8080, http://127.0.0.1:8081/"
      ></stardust-voice-config>
    `);

    expect(config.client!.config.gateways).to.deep.equal([
      'http://127.0.0.1:8080',
      'http://127.0.0.1:8081',
    ]);
  });

  it('names an invalid ipfs-api attribute in the event and on screen', async () => {
    const events: StardustErrorEvent[] = [];
    const config = await fixture<StardustVoiceConfig>(html`
      <stardust-voice-config
        chain=${CHAIN}
        signaling=${SIGNALING}
        ipfs-api="not a url"
        gateways=${GATEWAYS}
        @stardust-error=${(event: StardustErrorEvent) => events.push(event)}
      >
        <test-consumer></test-consumer>
      </stardust-voice-config>
    `);
    const consumer = config.querySelector<TestConsumer>('test-consumer')!;

    expect(events).to.have.length(1);
    expect(events[0]!.detail.code).to.equal('CONFIG_INVALID');
    expect(events[0]!.detail.message).to.include('ipfs-api');
    expect(events[0]!.detail.message).to.include('not a url');
    expect(config.client).to.equal(undefined);
    expect(config.error?.code).to.equal('CONFIG_INVALID');
    expect(errorBox(config)!.getAttribute('role')).to.equal('alert');
    expect(errorBox(config)!.textContent).to.include('ipfs-api');
    expect(consumer.client).to.equal(undefined);
    expect(consumer.configError).to.equal(config.error);
    expect(() => consumer.require())
      .to.throw(StardustError)
      .with.property('message')
      .that.includes('ipfs-api');
  });

  for (const [attribute, property] of [
    ['chain', 'chain'],
    ['signaling', 'signaling'],
    ['ipfs-api', 'ipfsApi'],
    ['gateways', 'gateways'],
  ] as const) {
    it(`reports a missing ${attribute} attribute by name`, async () => {
      const config = document.createElement('stardust-voice-config');
      const values = { chain: CHAIN, signaling: SIGNALING, ipfsApi: IPFS_API, gateways: GATEWAYS };

      Object.assign(config, values, { [property]: undefined });

      const event = nextEvent<StardustErrorEvent>(config, 'stardust-error');

      document.body.append(config);

      const { detail } = await event;

      config.remove();
      expect(detail.code).to.equal('CONFIG_INVALID');
      expect(detail.message).to.include(`The ${attribute} attribute is missing`);
    });
  }

  it('rejects a chain URL with the wrong scheme', async () => {
    const config = await fixture<StardustVoiceConfig>(html`
      <stardust-voice-config
        chain="http://127.0.0.1:9944"
        signaling=${SIGNALING}
        ipfs-api=${IPFS_API}
        gateways=${GATEWAYS}
      ></stardust-voice-config>
    `);

    expect(config.error!.message).to.include('The chain attribute must start with ws:// or wss://');
    expect(config.error!.message).to.include('"http://127.0.0.1:9944"');
  });

  it('rejects an empty gateways attribute', async () => {
    const config = await fixture<StardustVoiceConfig>(html`
      <stardust-voice-config
        chain=${CHAIN}
        signaling=${SIGNALING}
        ipfs-api=${IPFS_API}
        gateways=" , "
      ></stardust-voice-config>
    `);

    expect(config.error!.message).to.include('The gateways attribute is empty');
  });

  it('rejects an unsupported locale', async () => {
    const config = await fixture<StardustVoiceConfig>(html`
      <stardust-voice-config
        chain=${CHAIN}
        signaling=${SIGNALING}
        ipfs-api=${IPFS_API}
        gateways=${GATEWAYS}
        locale="fr"
      ></stardust-voice-config>
    `);

    expect(config.client).to.equal(undefined);
    expect(config.error!.message).to.include('The locale attribute must be one of en, zh-CN');
  });

  it('shows the error in Chinese and reports it in English', async () => {
    const events: StardustErrorEvent[] = [];
    const config = await fixture<StardustVoiceConfig>(html`
      <stardust-voice-config
        signaling=${SIGNALING}
        ipfs-api=${IPFS_API}
        gateways=${GATEWAYS}
        locale="zh-CN"
        @stardust-error=${(event: StardustErrorEvent) => events.push(event)}
      ></stardust-voice-config>
    `);
    const box = errorBox(config)!;

    expect(box.getAttribute('lang')).to.equal('zh-CN');
    expect(box.textContent).to.include('Stardust Voice 尚未配置');
    expect(box.textContent).to.include('缺少 chain 属性：请设置为以 ws:// 或 wss:// 开头的 URL。');
    expect(events[0]!.detail.message).to.include(
      'The chain attribute is missing: set it to a URL that starts with ws:// or wss://.',
    );
  });

  it('shows two locales side by side on one page', async () => {
    const container = await fixture<HTMLElement>(html`
      <div>
        <stardust-voice-config locale="zh-CN"></stardust-voice-config>
        <stardust-voice-config locale="en"></stardust-voice-config>
      </div>
    `);
    const [chinese, english] = container.querySelectorAll('stardust-voice-config');

    expect(errorBox(chinese!)!.textContent).to.include('Stardust Voice 尚未配置');
    expect(errorBox(english!)!.textContent).to.include('Stardust Voice is not configured');
  });

  it('replaces and disposes the client when an attribute changes', async () => {
    const config = await fixture<StardustVoiceConfig>(html`
      <stardust-voice-config
        chain=${CHAIN}
        signaling=${SIGNALING}
        ipfs-api=${IPFS_API}
        gateways=${GATEWAYS}
      >
        <test-consumer></test-consumer>
      </stardust-voice-config>
    `);
    const consumer = config.querySelector<TestConsumer>('test-consumer')!;
    const first = config.client!;
    const change = nextEvent<StardustClientChangeEvent>(config, 'stardust-client-change');

    config.setAttribute('signaling', 'ws://127.0.0.1:9999/signal');

    const { detail } = await change;

    await settled(config);
    expect(detail.client).to.equal(config.client);
    expect(config.client).not.to.equal(first);
    expect(config.client!.config.signaling).to.equal('ws://127.0.0.1:9999/signal');
    expect(first.disposed).to.equal(true);
    expect(consumer.client).to.equal(config.client);
  });

  it('recovers once the invalid attribute is fixed', async () => {
    const config = await fixture<StardustVoiceConfig>(html`
      <stardust-voice-config
        chain="nonsense"
        signaling=${SIGNALING}
        ipfs-api=${IPFS_API}
        gateways=${GATEWAYS}
      >
        <test-consumer></test-consumer>
      </stardust-voice-config>
    `);
    const consumer = config.querySelector<TestConsumer>('test-consumer')!;

    config.chain = CHAIN;
    await settled(config);

    expect(config.error).to.equal(undefined);
    expect(errorBox(config)).to.equal(null);
    expect(consumer.client).to.equal(config.client);
    expect(consumer.configError).to.equal(undefined);
  });

  it('keeps the client across a move and disposes it after removal', async () => {
    const config = await fixture<StardustVoiceConfig>(html`
      <stardust-voice-config
        chain=${CHAIN}
        signaling=${SIGNALING}
        ipfs-api=${IPFS_API}
        gateways=${GATEWAYS}
      ></stardust-voice-config>
    `);
    const client = config.client!;
    const elsewhere = await fixture<HTMLElement>(html`<section></section>`);

    elsewhere.append(config);
    await Promise.resolve();

    expect(config.client).to.equal(client);
    expect(client.disposed).to.equal(false);

    config.remove();
    await Promise.resolve();

    expect(client.disposed).to.equal(true);
    expect(config.client).to.equal(undefined);

    elsewhere.append(config);
    await settled(config);

    expect(config.client).to.be.instanceOf(StardustClient);
    expect(config.client).not.to.equal(client);
  });

  it('reaches children that connected before it upgraded', async () => {
    const container = await fixture<HTMLElement>(html`
      <div>
        <test-late-config
          chain=${CHAIN}
          signaling=${SIGNALING}
          ipfs-api=${IPFS_API}
          gateways=${GATEWAYS}
        >
          <test-consumer></test-consumer>
        </test-late-config>
      </div>
    `);
    const consumer = container.querySelector<TestConsumer>('test-consumer')!;

    expect(consumer.client).to.equal(undefined);

    customElements.define('test-late-config', class extends StardustVoiceConfig {});

    const late = container.querySelector('test-late-config') as StardustVoiceConfig;

    await settled(container);

    expect(late.client).to.be.instanceOf(StardustClient);
    expect(consumer.client).to.equal(late.client);
  });

  it('passes axe in light and dark themes while showing an error', async () => {
    const config = await fixture<StardustVoiceConfig>(html`
      <stardust-voice-config chain="nonsense" theme="light"></stardust-voice-config>
    `);

    await expectAccessible(config);

    config.theme = 'dark';
    await settled(config);

    await expectAccessible(config);
  });
});

describe('StardustVoice.configure()', () => {
  afterEach(async () => {
    cleanupFixtures();
    await globalThis.StardustVoice?.reset();
  });

  it('configures elements outside any config element', async () => {
    const consumer = await fixture<TestConsumer>(html`<test-consumer></test-consumer>`);

    expect(consumer.client).to.equal(undefined);

    const client = globalThis.StardustVoice!.configure({
      chain: CHAIN,
      signaling: SIGNALING,
      ipfsApi: IPFS_API,
      gateways: ['http://127.0.0.1:8080'],
      locale: 'zh-CN',
    });

    await settled(consumer);

    expect(consumer.client).to.equal(client);
    expect(globalThis.StardustVoice!.client).to.equal(client);
    expect(consumer.renderedLocale).to.equal('zh-CN');
  });

  it('throws CONFIG_INVALID naming the option and keeps the previous client', async () => {
    const client = globalThis.StardustVoice!.configure({
      chain: CHAIN,
      signaling: SIGNALING,
      ipfsApi: IPFS_API,
      gateways: ['http://127.0.0.1:8080'],
    });
    const configure = () =>
      globalThis.StardustVoice!.configure({
        chain: CHAIN,
        signaling: SIGNALING,
        ipfsApi: 'ftp://127.0.0.1',
        gateways: ['http://127.0.0.1:8080'],
      });

    expect(configure).to.throw(StardustError).with.property('message').that.includes('ipfsApi');
    expect(globalThis.StardustVoice!.client).to.equal(client);
    expect(client.disposed).to.equal(false);
  });

  it('tells an unconfigured element how to configure it', async () => {
    const consumer = await fixture<TestConsumer>(html`<test-consumer></test-consumer>`);

    expect(() => consumer.require())
      .to.throw(StardustError)
      .with.property('message')
      .that.includes('StardustVoice.configure');
  });

  it('prefers the config element over the global client', async () => {
    globalThis.StardustVoice!.configure({
      chain: CHAIN,
      signaling: SIGNALING,
      ipfsApi: IPFS_API,
      gateways: ['http://127.0.0.1:8080'],
    });

    const config = await fixture<StardustVoiceConfig>(html`
      <stardust-voice-config
        chain=${CHAIN}
        signaling=${SIGNALING}
        ipfs-api=${IPFS_API}
        gateways=${GATEWAYS}
      >
        <test-consumer></test-consumer>
      </stardust-voice-config>
    `);

    expect(config.querySelector<TestConsumer>('test-consumer')!.client).to.equal(config.client);
  });
});

describe('element locale', () => {
  afterEach(() => {
    cleanupFixtures();
    document.documentElement.lang = 'en';
  });

  it('prefers the locale attribute, then lang, then the config, then the document', async () => {
    document.documentElement.lang = 'zh-Hans';

    const container = await fixture<HTMLElement>(html`
      <div>
        <test-consumer id="by-document"></test-consumer>
        <stardust-voice-config locale="en">
          <test-consumer id="by-config"></test-consumer>
          <test-consumer id="by-lang" lang="zh"></test-consumer>
          <test-consumer id="by-locale" locale="zh-CN" lang="en"></test-consumer>
        </stardust-voice-config>
      </div>
    `);
    const locale = (id: string) => container.querySelector<TestConsumer>(`#${id}`)!.renderedLocale;

    expect(locale('by-document')).to.equal('zh-CN');
    expect(locale('by-config')).to.equal('en');
    expect(locale('by-lang')).to.equal('zh-CN');
    expect(locale('by-locale')).to.equal('zh-CN');
  });

  it('follows a change of the document language', async () => {
    const consumer = await fixture<TestConsumer>(html`<test-consumer></test-consumer>`);

    expect(consumer.renderedLocale).to.equal('en');

    document.documentElement.lang = 'zh-CN';
    // The MutationObserver callback runs as a microtask queued before this await resumes.
    await Promise.resolve();
    await settled(consumer);

    expect(consumer.renderedLocale).to.equal('zh-CN');
  });

  it('falls back to English for a document language without strings', async () => {
    document.documentElement.lang = 'fr';

    const consumer = await fixture<TestConsumer>(html`<test-consumer></test-consumer>`);

    expect(consumer.renderedLocale).to.equal('en');
  });

  it('reports an unsupported locale attribute', async () => {
    const events: StardustErrorEvent[] = [];

    await fixture<TestConsumer>(html`
      <test-consumer
        locale="klingon"
        @stardust-error=${(event: StardustErrorEvent) => events.push(event)}
      ></test-consumer>
    `);

    expect(events).to.have.length(1);
    expect(events[0]!.detail.code).to.equal('CONFIG_INVALID');
    expect(events[0]!.detail.message).to.include('"klingon"');
  });
});

describe('theme', () => {
  afterEach(cleanupFixtures);

  function surface(element: Element): string {
    return getComputedStyle(element).getPropertyValue('--_surface').trim();
  }

  it('takes the config theme unless the element sets its own', async () => {
    const config = await fixture<StardustVoiceConfig>(html`
      <stardust-voice-config theme="dark">
        <test-consumer id="inherits"></test-consumer>
        <test-consumer id="own" theme="light"></test-consumer>
      </stardust-voice-config>
    `);

    expect(surface(config.querySelector('#inherits')!)).to.equal('#1d1e24');
    expect(surface(config.querySelector('#own')!)).to.equal('#ffffff');
  });

  it('leaves the colours and font of wrapped page content alone', async () => {
    const container = await fixture<HTMLElement>(html`
      <div>
        <p id="outside">outside</p>
        <stardust-voice-config theme="dark"><p id="inside">inside</p></stardust-voice-config>
      </div>
    `);
    const style = (id: string) => getComputedStyle(container.querySelector(`#${id}`)!);

    expect(style('inside').color).to.equal(style('outside').color);
    expect(style('inside').fontFamily).to.equal(style('outside').fontFamily);
    expect(style('inside').colorScheme).to.equal(style('outside').colorScheme);
  });

  it('lets a page token win over the theme default', async () => {
    const consumer = await fixture<TestConsumer>(html`
      <test-consumer theme="dark" style="--stardust-color-surface: rebeccapurple"></test-consumer>
    `);

    expect(surface(consumer)).to.equal('rebeccapurple');
  });
});
