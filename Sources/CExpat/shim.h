// expat's streaming XML parser (libexpat1-dev from Debian; expat 2.5.0 here).
// TableIO/Spreadsheet/XMLStream.swift is the only Swift file that calls it.
#include <expat.h>
