// Byte search for the Swift side: glibc's memmem (SIMD) is a GNU extension that Swift's Glibc
// module does not export.
#define _GNU_SOURCE
#include <string.h>
#include "gouji_icu.h"

long gouji_memmem(const void *haystack, long haystackLength, const void *needle, long needleLength) {
    if (needleLength == 0) return 0;
    if (haystackLength < needleLength) return -1;
    const char *p = memmem(haystack, (size_t)haystackLength, needle, (size_t)needleLength);
    return p ? (long)(p - (const char *)haystack) : -1;
}
