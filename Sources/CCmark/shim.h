// libcmark's public API (Debian: libcmark-dev).
#include <cmark.h>
