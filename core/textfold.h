#pragma once

#include <QString>

namespace CivicDesk {

// Folds Vietnamese text for search and matching: lower case, tone and vowel marks removed,
// "đ" read as "d" (Unicode has no decomposition for it, so SQLite's unicode61 tokenizer
// keeps it), runs of white space collapsed to one space. "Đường Lê Lợi" -> "duong le loi".
QString foldText(const QString &text);

} // namespace CivicDesk
