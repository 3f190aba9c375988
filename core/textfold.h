#pragma once

#include <QString>

namespace CivicDesk {

// Folds Vietnamese text for search and matching: lower case, tone and vowel marks removed,
// "đ" read as "d" (Unicode has no decomposition for it, so SQLite's unicode61 tokenizer
// keeps it), runs of white space collapsed to one space. "Đường Lê Lợi" -> "duong le loi".
QString foldText(const QString &text);

// Returns text safe to print on a terminal or in a log line: control characters (C0 and C1),
// the Unicode line and paragraph separators, and bidirectional overrides, isolates and marks,
// which could recolour a terminal, forge a line or reorder what is shown, become \u{XXXX}.
QString printableText(const QString &text);

} // namespace CivicDesk
