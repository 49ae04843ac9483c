#include "gouji_icu.h"
#include <string.h>
#include <unicode/ucsdet.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ubrk.h>

int32_t gouji_detect_charset(const char *bytes, int32_t length,
                             char *name, int32_t nameCapacity, int32_t *confidence) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *det = ucsdet_open(&status);
    if (U_FAILURE(status)) return (int32_t)status;
    ucsdet_setText(det, bytes, length, &status);
    const UCharsetMatch *match = ucsdet_detect(det, &status);
    if (U_FAILURE(status) || match == NULL) {
        ucsdet_close(det);
        return U_FAILURE(status) ? (int32_t)status : (int32_t)U_INVALID_FORMAT_ERROR;
    }
    const char *n = ucsdet_getName(match, &status);
    int32_t c = ucsdet_getConfidence(match, &status);
    if (U_FAILURE(status) || n == NULL) { ucsdet_close(det); return (int32_t)status; }
    strncpy(name, n, (size_t)nameCapacity - 1);
    name[nameCapacity - 1] = 0;
    *confidence = c;
    ucsdet_close(det);
    return 0;
}

int32_t gouji_convert_to_utf8(const char *charset, const char *src, int32_t length,
                              char *dest, int32_t destCapacity, int32_t *outLength,
                              int32_t *errorOffset) {
    UErrorCode status = U_ZERO_ERROR;
    *errorOffset = -1;
    UConverter *from = ucnv_open(charset, &status);
    if (U_FAILURE(status)) return (int32_t)status;
    UConverter *to = ucnv_open("UTF-8", &status);
    if (U_FAILURE(status)) { ucnv_close(from); return (int32_t)status; }
    ucnv_setToUCallBack(from, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    ucnv_setFromUCallBack(to, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    if (U_FAILURE(status)) { ucnv_close(from); ucnv_close(to); return (int32_t)status; }
    char *target = dest;
    const char *source = src;
    ucnv_convertEx(to, from, &target, dest + destCapacity, &source, src + length,
                   NULL, NULL, NULL, NULL, 1, 1, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        *outLength = length * 4 + 16;
        ucnv_close(from); ucnv_close(to);
        return (int32_t)status;
    }
    if (U_FAILURE(status)) {
        *errorOffset = (int32_t)(source - src);
        ucnv_close(from); ucnv_close(to);
        return (int32_t)status;
    }
    *outLength = (int32_t)(target - dest);
    ucnv_close(from); ucnv_close(to);
    return 0;
}

void *gouji_brk_open(int32_t kind, const char *locale, const uint16_t *text, int32_t length, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_open((UBreakIteratorType)kind, locale, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) { *error = (int32_t)status; return NULL; }
    *error = 0;
    return it;
}
/* One iterator per kind and thread, reused by ubrk_setText: opening a dictionary-based
   iterator costs far more than segmenting the short texts it is used on. */
static __thread UBreakIterator *gouji_cached_brk[4];
static __thread char gouji_cached_locale[4][16];

void *gouji_brk_acquire(int32_t kind, const char *locale, const uint16_t *text, int32_t length, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    if (kind < 0 || kind > 3 || strlen(locale) >= sizeof gouji_cached_locale[0])
        return gouji_brk_open(kind, locale, text, length, error);
    UBreakIterator *it = gouji_cached_brk[kind];
    if (it != NULL && strcmp(gouji_cached_locale[kind], locale) == 0) {
        ubrk_setText(it, (const UChar *)text, length, &status);
        if (U_SUCCESS(status)) { *error = 0; return it; }
        status = U_ZERO_ERROR;
    }
    if (it != NULL) { ubrk_close(it); gouji_cached_brk[kind] = NULL; }
    it = ubrk_open((UBreakIteratorType)kind, locale, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) { *error = (int32_t)status; return NULL; }
    gouji_cached_brk[kind] = it;
    strcpy(gouji_cached_locale[kind], locale);
    *error = 0;
    return it;
}

int32_t gouji_brk_first(void *iterator) { return ubrk_first((UBreakIterator *)iterator); }
int32_t gouji_brk_next(void *iterator) { return ubrk_next((UBreakIterator *)iterator); }
int32_t gouji_brk_rule_status(void *iterator) { return ubrk_getRuleStatus((UBreakIterator *)iterator); }
void gouji_brk_close(void *iterator) { if (iterator) ubrk_close((UBreakIterator *)iterator); }

// ---- Traditional → Simplified (ICU transliterator "Traditional-Simplified") ----
#include <unicode/utrans.h>

int32_t gouji_to_simplified(uint16_t *text, int32_t length, int32_t capacity, int32_t *outLength) {
    UErrorCode status = U_ZERO_ERROR;
    static const UChar id[] = {'H','a','n','t','-','H','a','n','s',0};
    UTransliterator *t = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
    if (U_FAILURE(status)) return (int32_t)status;
    int32_t textLength = length, limit = length;
    utrans_transUChars(t, (UChar *)text, &textLength, capacity, 0, &limit, &status);
    utrans_close(t);
    if (U_FAILURE(status)) return (int32_t)status;
    *outLength = textLength;
    return 0;
}
