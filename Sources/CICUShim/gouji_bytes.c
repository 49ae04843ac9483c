// Byte search for the Swift side. glibc's memmem is a GNU extension that Swift's Glibc module
// does not export; for the short needles Gouji searches (labels, unit and marker words) its
// set-up (a 256-entry shift table per call) cost more than the search in the short texts of
// cells and clauses, so short needles are found by memchr (SIMD) on their last byte, then a
// comparison of the rest. In UTF-8 Chinese text the last byte of a needle is a continuation
// byte (one of 64 values) or ASCII, both far rarer than the lead bytes E4–E9.
#define _GNU_SOURCE
#include <string.h>
#include "gouji_icu.h"

long gouji_memmem(const void *haystack, long haystackLength, const void *needle, long needleLength) {
    if (needleLength == 0) return 0;
    if (haystackLength < needleLength) return -1;
    const unsigned char *h = haystack, *n = needle;
    if (needleLength > 64) {
        // Long needles keep glibc's two-way search, linear in the worst case.
        const unsigned char *p = memmem(h, (size_t)haystackLength, n, (size_t)needleLength);
        return p ? (long)(p - h) : -1;
    }
    const long rest = needleLength - 1;
    const unsigned char last = n[rest];
    const unsigned char *p = h + rest, *end = h + haystackLength;
    while (p < end && (p = memchr(p, last, (size_t)(end - p))) != NULL) {
        if (memcmp(p - rest, n, (size_t)rest) == 0) return (long)(p - rest - h);
        p++;
    }
    return -1;
}
