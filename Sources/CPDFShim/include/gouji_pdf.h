#ifndef GOUJI_PDF_H
#define GOUJI_PDF_H
// A narrow C interface to poppler-glib with no GLib, GObject or cairo types in it, so that
// Swift imports only plain C. Every function is safe to call from several threads on
// different documents; one document is used by one thread at a time.
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct gouji_pdf gouji_pdf;

/// Outcome of opening a document.
enum {
    GOUJI_PDF_OK = 0,
    /// A password is needed.
    GOUJI_PDF_ENCRYPTED = 1,
    /// poppler could not read it (damaged, truncated, not a PDF); the message says why.
    GOUJI_PDF_DAMAGED = 2,
};

/// One character of a page's text layer: its Unicode scalar and its box in PDF points, with
/// y growing downwards from the page's top edge.
typedef struct {
    uint32_t scalar;
    double x1, y1, x2, y2;
} gouji_pdf_glyph;

/// Silences poppler's and GLib's messages on stderr for the whole process (idempotent).
void gouji_pdf_quiet(void);

/// Opens a document from `length` bytes (copied: the caller may free them). Returns NULL with
/// `*status` set and poppler's message (NUL-terminated, possibly truncated) in `message`.
gouji_pdf *gouji_pdf_open(const void *bytes, long length, int *status, char *message, int capacity);
void gouji_pdf_close(gouji_pdf *pdf);

int gouji_pdf_page_count(gouji_pdf *pdf);
/// The page's size in points; returns 0, or -1 for a page poppler cannot load.
int gouji_pdf_page_size(gouji_pdf *pdf, int index, double *width, double *height);

/// The characters of page `index` (0-based) in poppler's reading order, in a buffer the caller
/// frees with `gouji_pdf_free`. Returns their number (0 for a page without text, -1 for a page
/// poppler cannot load); `*glyphs` is NULL when the number is not positive.
long gouji_pdf_page_glyphs(gouji_pdf *pdf, int index, gouji_pdf_glyph **glyphs);
void gouji_pdf_free(void *buffer);

/// Renders page `index` at `dpi` on white to a PNG file at `path`. Returns 0, or -1 if the page
/// cannot be loaded, the image would be larger than `maxPixels`, or the file cannot be written.
int gouji_pdf_render_png(gouji_pdf *pdf, int index, double dpi, long maxPixels, const char *path);

#ifdef __cplusplus
}
#endif
#endif
