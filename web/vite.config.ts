import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

/**
 * Lines that `vite build` prints and that this project cannot act on. SvelteKit writes them with
 * console.log whatever the log level, and adapter-node bundles the server with its own Rollup run,
 * which has no `onwarn` option (so its warnings go to console.warn):
 * - "Run npm run preview": wrong here, the application is served by `npm start` (api/dist/server.js);
 * - "> Using @sveltejs/adapter-node" and "✔ done": progress, not news;
 * - zod's "annotation that Rollup cannot interpret" and its internal circular import: zod's own code,
 *   harmless (the comments are dropped; the cycle is between two of zod's modules);
 * - "Generated an empty chunk: chunks/env.js": SvelteKit's virtual env module, empty when no public
 *   variable is used.
 * Anything else is printed as usual.
 */
const unfixable = [
  /to preview your production build locally/,
  /^\s*> Using @sveltejs\/adapter-node\s*$/,
  /^\s*✔ done\s*$/,
  /node_modules\/zod\/.* contains an annotation that Rollup cannot interpret/s,
  /^Circular dependency: (\.\.\/)*node_modules\/zod\//,
  /^Generated an empty chunk: "chunks\/env\.js"/,
];

function silenceUnfixable(): void {
  const strip = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');
  for (const method of ['log', 'warn'] as const) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      const text = strip(args.map(String).join(' '));
      if (!unfixable.some((re) => re.test(text))) original(...args);
    };
  }
}

export default defineConfig(({ command }) => {
  if (command === 'build') silenceUnfixable();
  return {
    plugins: [sveltekit()],
    // A build reports problems only (the list of chunks and their sizes is not one); `vite dev` keeps its banner.
    logLevel: command === 'build' ? 'warn' : 'info',
    build: {
      // Rolldown's advice to profile slow plugins (SvelteKit's own compile step): not ours to tune.
      rolldownOptions: { checks: { bundlerTimings: false } },
    },
    server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  };
});
