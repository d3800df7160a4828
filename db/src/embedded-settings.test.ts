import { describe, expect, it } from 'vitest';
import { embeddedSettings } from './embedded-settings.js';

const GB = 1024 ** 3;
const setting = (list: string[], name: string) => list.find((s) => s.startsWith(`${name}=`))?.split('=')[1];

describe('réglages du PostgreSQL embarqué', () => {
  it.each([
    ['portable de 8 Go', 8 * GB, '512MB', '2048MB'],
    ['machine de 24 Go', 24 * GB, '1024MB', '6144MB'],
    ['petite machine de 1 Go', 1 * GB, '128MB', '512MB'],
    ['serveur de 64 Go (plafonds)', 64 * GB, '1024MB', '8192MB'],
  ])('%s : shared_buffers %s, effective_cache_size %s', (_name, memory, sharedBuffers, cache) => {
    const s = embeddedSettings({ totalMemory: memory, platform: 'linux' });
    expect(setting(s, 'shared_buffers')).toBe(sharedBuffers);
    expect(setting(s, 'effective_cache_size')).toBe(cache);
    expect(setting(s, 'random_page_cost')).toBe('1.1');
    expect(setting(s, 'autovacuum')).toBe('on');
  });

  it('pas de effective_io_concurrency sans posix_fadvise (macOS)', () => {
    expect(setting(embeddedSettings({ totalMemory: 8 * GB, platform: 'darwin' }), 'effective_io_concurrency')).toBeUndefined();
    expect(setting(embeddedSettings({ totalMemory: 8 * GB, platform: 'linux' }), 'effective_io_concurrency')).toBe('200');
  });
});
