#pragma once

#include "core/reportcreate.h"

#include <optional>
#include <QString>

namespace CivicDesk {

// Largest file an operator may attach to a report, in bytes. Chosen for this product: a few
// minutes of phone video, and well under what a central stores in one transaction.
inline constexpr qint64 maxAttachmentBytes = qint64(200) * 1024 * 1024;

// The kind of a file to attach, judged by its content first and its name second.
struct AttachmentType
{
    MediaKind kind = MediaKind::Photo;
    QString mimeType;
    qint64 size = 0; // bytes
};

// Checks a file to attach: a readable regular file, not empty, at most maxAttachmentBytes, and a
// photo, video or audio recording. Returns std::nullopt and sets `error` to a sentence naming
// the file otherwise.
std::optional<AttachmentType> checkAttachment(const QString &path, QString *error);

// Checks a file (see checkAttachment) and copies it into `folder`, which is created when
// missing, computing its SHA-256 on the way. The copy keeps the original name, made unique in
// the folder.
std::optional<AttachedFile> copyAttachment(const QString &path, const QString &folder,
                                           QString *error);

} // namespace CivicDesk
