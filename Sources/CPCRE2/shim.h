#ifndef GOUJI_CPCRE2_SHIM_H
#define GOUJI_CPCRE2_SHIM_H
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
static const size_t GOUJI_PCRE2_ZERO_TERMINATED = ~(size_t)0;
static const size_t GOUJI_PCRE2_UNSET = ~(size_t)0;
#endif
