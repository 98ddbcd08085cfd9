// Linux's sync_file_range(2), which glibc declares only under _GNU_SOURCE and Swift's
// Glibc module therefore does not import. AtomicFile.Writer (IntegrityTables) waits with
// it for a temporary file's bytes to be written out before linking the file in.
#include <stdint.h>

int sync_file_range(int fd, int64_t offset, int64_t count, unsigned int flags);

// SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER
// (<bits/fcntl-linux.h>): start the writeback of every dirty page and wait for all of it.
static const unsigned int CFileSyncWriteAndWait = 1 | 2 | 4;
