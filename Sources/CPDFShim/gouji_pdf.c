#include "gouji_pdf.h"

#include <poppler.h>
#include <cairo.h>
#include <stdlib.h>
#include <string.h>

struct gouji_pdf {
    PopplerDocument *document;
};

static void gouji_pdf_drop_log(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain; (void)level; (void)message; (void)data;
}

void gouji_pdf_quiet(void) {
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        // poppler-glib reports through GLib's log (domain "Poppler") and g_warning.
        g_log_set_handler("Poppler", G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION,
                          gouji_pdf_drop_log, NULL);
        g_log_set_handler("GLib-GObject", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL, gouji_pdf_drop_log, NULL);
        g_log_set_handler(NULL, G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_MESSAGE,
                          gouji_pdf_drop_log, NULL);
        g_once_init_leave(&done, 1);
    }
}

gouji_pdf *gouji_pdf_open(const void *bytes, long length, int *status, char *message, int capacity) {
    if (capacity > 0) message[0] = 0;
    GBytes *data = g_bytes_new(bytes, (gsize)length);
    GError *error = NULL;
    PopplerDocument *document = poppler_document_new_from_bytes(data, NULL, &error);
    g_bytes_unref(data);
    if (!document) {
        *status = GOUJI_PDF_DAMAGED;
        if (error) {
            if (error->domain == POPPLER_ERROR && error->code == POPPLER_ERROR_ENCRYPTED) *status = GOUJI_PDF_ENCRYPTED;
            if (capacity > 0 && error->message) {
                strncpy(message, error->message, (size_t)capacity - 1);
                message[capacity - 1] = 0;
            }
            g_error_free(error);
        }
        return NULL;
    }
    gouji_pdf *pdf = malloc(sizeof *pdf);
    if (!pdf) {
        g_object_unref(document);
        *status = GOUJI_PDF_DAMAGED;
        return NULL;
    }
    pdf->document = document;
    *status = GOUJI_PDF_OK;
    return pdf;
}

void gouji_pdf_close(gouji_pdf *pdf) {
    if (!pdf) return;
    g_object_unref(pdf->document);
    free(pdf);
}

int gouji_pdf_page_count(gouji_pdf *pdf) { return poppler_document_get_n_pages(pdf->document); }

int gouji_pdf_page_size(gouji_pdf *pdf, int index, double *width, double *height) {
    PopplerPage *page = poppler_document_get_page(pdf->document, index);
    if (!page) return -1;
    poppler_page_get_size(page, width, height);
    g_object_unref(page);
    return 0;
}

long gouji_pdf_page_glyphs(gouji_pdf *pdf, int index, gouji_pdf_glyph **glyphs) {
    *glyphs = NULL;
    PopplerPage *page = poppler_document_get_page(pdf->document, index);
    if (!page) return -1;
    char *text = poppler_page_get_text(page);
    PopplerRectangle *rects = NULL;
    guint count = 0;
    long n = 0;
    if (text && poppler_page_get_text_layout(page, &rects, &count) && count > 0) {
        // One rectangle per character of the text, in order.
        glong length = g_utf8_strlen(text, -1);
        long total = length < (glong)count ? (long)length : (long)count;
        gouji_pdf_glyph *out = malloc(sizeof *out * (size_t)(total > 0 ? total : 1));
        if (out) {
            const char *p = text;
            for (long i = 0; i < total; i++) {
                out[i].scalar = (uint32_t)g_utf8_get_char(p);
                out[i].x1 = rects[i].x1;
                out[i].y1 = rects[i].y1;
                out[i].x2 = rects[i].x2;
                out[i].y2 = rects[i].y2;
                p = g_utf8_next_char(p);
            }
            *glyphs = out;
            n = total;
        }
    }
    g_free(rects);
    g_free(text);
    g_object_unref(page);
    return n;
}

void gouji_pdf_free(void *buffer) { free(buffer); }

int gouji_pdf_render_png(gouji_pdf *pdf, int index, double dpi, long maxPixels, const char *path) {
    PopplerPage *page = poppler_document_get_page(pdf->document, index);
    if (!page) return -1;
    double width = 0, height = 0;
    poppler_page_get_size(page, &width, &height);
    double scale = dpi / 72.0;
    double w = width * scale, h = height * scale;
    if (!(w >= 1 && h >= 1) || w * h > (double)maxPixels) {
        g_object_unref(page);
        return -1;
    }
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)w, (int)h);
    int result = -1;
    if (cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS) {
        cairo_t *cr = cairo_create(surface);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        cairo_scale(cr, scale, scale);
        poppler_page_render_for_printing(page, cr);
        cairo_destroy(cr);
        cairo_surface_flush(surface);
        if (cairo_surface_write_to_png(surface, path) == CAIRO_STATUS_SUCCESS) result = 0;
    }
    cairo_surface_destroy(surface);
    g_object_unref(page);
    return result;
}
