#ifndef KISO_ALLOCATION_COUNTER_H
#define KISO_ALLOCATION_COUNTER_H

/// Counts heap allocations (malloc, calloc, realloc, posix_memalign, aligned_alloc, memalign)
/// made by the calling thread while counting is on. The test executable defines these
/// functions itself and forwards them to glibc's implementations, so no preloaded library is
/// needed; outside a counting window the only cost is one relaxed load per allocation.

/// Starts counting this thread's allocations from zero.
void kiso_allocation_counter_start(void);

/// Stops counting and returns how many allocations this thread made since the start.
long kiso_allocation_counter_stop(void);

#endif
