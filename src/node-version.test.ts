// Checks the Node.js version gate: the oldest release that works passes, anything older gets one plain sentence.
import { describe, expect, it } from 'vitest';
import { MINIMUM_NODE, unsupportedNodeMessage } from './node-version.js';

describe('unsupportedNodeMessage', () => {
  it('accepts 20.18.1 and anything newer', () => {
    for (const version of [MINIMUM_NODE, '20.18.2', '20.19.0', '22.0.0', '24.11.1', 'v22.12.0']) {
      expect(unsupportedNodeMessage(version), version).toBeUndefined();
    }
  });

  it('refuses anything older, naming both versions', () => {
    for (const version of ['20.18.0', '20.9.0', '18.20.4', '16.0.0']) {
      const message = unsupportedNodeMessage(version);
      expect(message, version).toContain(`needs Node.js ${MINIMUM_NODE} or newer`);
      expect(message).toContain(`this is Node.js ${version}`);
    }
  });

  it('passes the Node.js running this test (the engines field and CI agree with it)', () => {
    expect(unsupportedNodeMessage(process.versions.node)).toBeUndefined();
  });
});
