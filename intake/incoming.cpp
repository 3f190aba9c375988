// The import types are defined in core/incoming.cpp.
