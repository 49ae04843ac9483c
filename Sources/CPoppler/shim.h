// poppler's GLib interface and cairo, for the C wrapper in CPDFShim only: Swift never imports
// this module (GLib's and GObject's macros and types have no use in Swift), it carries the
// headers' search paths and link flags from pkg-config.
#include <poppler.h>
#include <cairo.h>
