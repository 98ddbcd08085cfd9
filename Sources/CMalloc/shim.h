// glibc's malloc tuning (`mallopt`, M_MMAP_THRESHOLD, M_TRIM_THRESHOLD, M_ARENA_MAX), which Swift's
// Glibc module does not import. Only the command-line tool calls it
// (integrity-stats/IntegrityStatsCommand.swift): process-wide policy, not the library's.
#include <malloc.h>
