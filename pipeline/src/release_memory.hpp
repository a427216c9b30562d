#pragma once
// Gives the heap's free pages back to the system (glibc's malloc_trim; elsewhere nothing). Called
// after a phase that frees much: malloc keeps freed memory for reuse, and the next phase's
// threads allocate from arenas of their own, so without it the resident size only grows.
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace gebiedscan::pipeline {

inline void releaseFreedMemory()
{
#if defined(__GLIBC__)
    ::malloc_trim(0);
#endif
}

} // namespace gebiedscan::pipeline
