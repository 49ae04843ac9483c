// libxml2's push parser and SAX2 interface, used directly by the .docx body parser.
//
// Debian builds libxml2 with ICU, and its encoding.h then includes the system ICU headers, which
// clash with Foundation's private ICU module in clean debug builds (see ../shared/notes/swift-linux.md). Gouji
// never touches the ICU-only members (pointers at the end of xmlCharEncodingHandler), so the
// flag is dropped before the other headers read it.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/entities.h>
#include <libxml/xmlerror.h>
