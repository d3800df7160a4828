const MB = 1024 * 1024;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const mb = (bytes: number) => `${Math.round(bytes / MB)}MB`;

/**
 * Settings of the embedded PostgreSQL: a laptop or a small server with an SSD, where PostgreSQL shares
 * the machine with the application, the browser and the tests (docs/deployment.md explains each one
 * and what a dedicated production server needs instead). Computed at every start, so they follow the machine.
 */
export function embeddedSettings({ totalMemory, platform }: { totalMemory: number; platform: string }): string[] {
  return [
    'max_connections=200',
    // 1/16 of the memory (128 MB to 1 GB): the OS page cache does the rest, and several
    // embedded servers (dev, tests, e2e) may run side by side.
    `shared_buffers=${mb(clamp(totalMemory / 16, 128 * MB, 1024 * MB))}`,
    // Planner hint only (nothing is allocated): what shared_buffers and the page cache may hold.
    `effective_cache_size=${mb(clamp(totalMemory / 4, 512 * MB, 8192 * MB))}`,
    `maintenance_work_mem=${mb(clamp(totalMemory / 32, 64 * MB, 512 * MB))}`,
    'work_mem=16MB',
    // An SSD: a random read costs about as much as a sequential one, so indexes are chosen when they help.
    'random_page_cost=1.1',
    // Prefetching for bitmap heap scans; needs posix_fadvise, which macOS lacks.
    ...(platform === 'linux' ? ['effective_io_concurrency=200'] : []),
    // Statistics and dead rows are kept up to date without a manual ANALYZE or VACUUM.
    'autovacuum=on',
    // Fewer forced checkpoints during bulk loads (imports, bench:seed).
    'max_wal_size=2GB',
  ];
}
