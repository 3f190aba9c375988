#pragma once

#include <QString>

namespace CivicDesk {

// A ward or commune name as written, reduced to keys for matching. The prefix that states the
// kind of unit ("phường", "xã", "thị trấn", "P.", "X.", "TT.") is removed from both keys.
struct UnitName
{
    // Lower case, with each word's tone mark moved to the end of the word. The older and newer
    // tone placements ("Thuận Hoà" and "Thuận Hòa", "Thuỷ" and "Thủy") give one key, but names
    // that differ in tone ("Thuận Hòa" and "Thuận Hóa") do not.
    QString spelling;
    QString folded; // foldText of the name: every mark removed, "đ" read as "d"
    QString kind;   // "ward", "commune" or "town" from the prefix; empty without one
    bool hasPrefix() const { return !kind.isEmpty(); }
};

// Splits a prefix off `text` and builds the matching keys of the rest. Hyphens and dashes count
// as spaces, as in "Chân Mây - Lăng Cô" and the unit code "chan-may-lang-co".
UnitName parseUnitName(const QString &text);

} // namespace CivicDesk
