#ifndef GOUJI_ICU_H
#define GOUJI_ICU_H
// A narrow C interface to ICU with no ICU types in it, so that Swift never imports
// the system ICU headers (which clash with Foundation's private ICU in debug builds).
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Detects the charset of `bytes`. Writes the canonical ICU name (NUL-terminated) into
/// `name` and the confidence (0–100) into `confidence`. Returns 0 on success, an ICU
/// error code (> 0) otherwise.
int32_t gouji_detect_charset(const char *bytes, int32_t length,
                             char *name, int32_t nameCapacity, int32_t *confidence);

/// Converts `length` bytes in `charset` to UTF-8, stopping at the first illegal or
/// unmappable sequence. On success returns 0 and sets `*outLength`. If `dest` is too small
/// returns 15 (U_BUFFER_OVERFLOW_ERROR) with the needed length in `*outLength`. On an illegal
/// sequence returns the ICU error code (> 0) and sets `*errorOffset` to the source byte offset.
int32_t gouji_convert_to_utf8(const char *charset, const char *src, int32_t length,
                              char *dest, int32_t destCapacity, int32_t *outLength,
                              int32_t *errorOffset);

/// Break iterator kinds.
enum { GOUJI_BRK_CHARACTER = 0, GOUJI_BRK_WORD = 1, GOUJI_BRK_LINE = 2, GOUJI_BRK_SENTENCE = 3 };

/// Opens a break iterator over UTF-16 `text` (the text must outlive the iterator).
/// Returns NULL and sets `*error` (> 0) on failure.
void *gouji_brk_open(int32_t kind, const char *locale, const uint16_t *text, int32_t length, int32_t *error);
/// Like `gouji_brk_open`, but returns this thread's cached iterator of that kind and locale,
/// set to `text`. Do not close it; it stays valid until the next acquire of the same kind on
/// the same thread.
void *gouji_brk_acquire(int32_t kind, const char *locale, const uint16_t *text, int32_t length, int32_t *error);
int32_t gouji_brk_first(void *iterator);
/// Next boundary, or -1 when done.
int32_t gouji_brk_next(void *iterator);
int32_t gouji_brk_rule_status(void *iterator);
void gouji_brk_close(void *iterator);

/// Not ICU: a new anonymous memory file (Linux memfd_create, close-on-exec) holding `length`
/// bytes copied from `bytes`: RAM only, never a file-system entry. Returns its descriptor, or
/// -1 with errno set (ENOSYS off Linux). Used to give ZIPFoundation a seekable FILE over bytes.
int gouji_memfile_create(const void *bytes, long length);

/// Not ICU: offset of the first occurrence of `needle` in `haystack`, or -1 (glibc memmem).
long gouji_memmem(const void *haystack, long haystackLength, const void *needle, long needleLength);

/// Transliterates UTF-16 `text` (of `length` units, in a buffer of `capacity`) from
/// Traditional to Simplified Chinese in place with ICU's Hant-Hans transform. On success
/// returns 0 and sets `*outLength`; returns an ICU error code (> 0) otherwise.
int32_t gouji_to_simplified(uint16_t *text, int32_t length, int32_t capacity, int32_t *outLength);

#ifdef __cplusplus
}
#endif
#endif
