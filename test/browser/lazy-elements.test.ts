// The room and voice elements load when a page first uses them: their code is in chunks of
// their own, outside the main file.
import { expect } from 'chai';

import '../../components/define.js';
import { LAZY_ELEMENTS } from '../../components/shared/define-elements.js';

describe('lazy elements', () => {
  it('leaves the room tags undefined until the page uses them', () => {
    expect(Object.keys(LAZY_ELEMENTS)).to.have.members([
      'stardust-room',
      'stardust-room-list',
      'stardust-voice-recorder',
      'stardust-voice-message',
    ]);
    expect(customElements.get('stardust-room')).to.equal(undefined);
  });

  it('defines a room tag once it appears in the document', async () => {
    const list = document.createElement('stardust-room-list');

    document.body.append(list);
    await customElements.whenDefined('stardust-room-list');

    expect(customElements.get('stardust-room-list')).to.not.equal(undefined);
    expect(list.shadowRoot).to.not.equal(null);
    list.remove();
  });
});
