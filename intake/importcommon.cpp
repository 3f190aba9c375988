#include "intake/importcommon.h"

#include "core/logging.h"
#include "core/textfold.h"
#include "core/timeutil.h"

#include <QFileInfo>

namespace CivicDesk {
namespace {

struct Utf8Lead
{
    int length = 0;       // bytes in the sequence
    char32_t bits = 0;    // payload bits of the lead byte
    char32_t minimum = 0; // smallest code point this length may encode
};

std::optional<Utf8Lead> classifyUtf8Lead(uchar lead)
{
    if ((lead & 0xE0) == 0xC0)
        return Utf8Lead{2, char32_t(lead & 0x1F), 0x80};
    if ((lead & 0xF0) == 0xE0)
        return Utf8Lead{3, char32_t(lead & 0x0F), 0x800};
    if ((lead & 0xF8) == 0xF0)
        return Utf8Lead{4, char32_t(lead & 0x07), 0x10000};
    return std::nullopt;
}

} // namespace

qsizetype invalidUtf8Offset(const char *data, qsizetype size)
{
    qsizetype i = 0;
    while (i < size) {
        const auto byte = static_cast<uchar>(data[i]);
        if (byte < 0x80) {
            ++i;
            continue;
        }

        const std::optional<Utf8Lead> lead = classifyUtf8Lead(byte);
        if (!lead || i + lead->length > size)
            return i;
        char32_t codePoint = lead->bits;
        for (int k = 1; k < lead->length; ++k) {
            const auto next = static_cast<uchar>(data[i + k]);
            if ((next & 0xC0) != 0x80)
                return i;
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        if (codePoint < lead->minimum || codePoint > 0x10FFFF ||
            (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            return i;
        i += lead->length;
    }
    return -1;
}

void WarningLog::add(const QString &kind, const QString &message)
{
    const int count = ++m_counts[kind];
    if (count == 1)
        m_kindOrder.append(kind);
    if (count <= m_maxPerKind)
        m_kept.append(message);
}

QStringList WarningLog::messages() const
{
    QStringList result = m_kept;
    for (const QString &kind : m_kindOrder) {
        const int hidden = m_counts.value(kind) - m_maxPerKind;
        if (hidden > 0)
            result.append(QStringLiteral("%1: %2 more not listed").arg(kind).arg(hidden));
    }
    return result;
}

QString unstorableText(const IncomingReport &incoming)
{
    const Report &report = incoming.report;
    QList<std::pair<QString, QString>> texts{
        {QStringLiteral("id"), report.sourceId},
        {QStringLiteral("status"), report.sourceStatus},
        {QStringLiteral("category"), report.sourceCategory},
        {QStringLiteral("agency"), report.sourceAgency},
        {QStringLiteral("agency"), incoming.agencyText},
        {QStringLiteral("title"), report.title},
        {QStringLiteral("description"), report.description},
        {QStringLiteral("address"), report.address},
        {QStringLiteral("district"), report.district},
        {QStringLiteral("public response"), report.publicResponse}};
    for (const Reporter &reporter : incoming.reporters) {
        texts.append({QStringLiteral("reporter name"), reporter.name});
        texts.append({QStringLiteral("reporter phone"), reporter.phone});
    }
    for (const IncomingMedia &media : incoming.media) {
        texts.append({QStringLiteral("media link"), media.url});
        texts.append({QStringLiteral("media file"), media.filePath});
    }
    for (const auto &[field, text] : std::as_const(texts)) {
        if (text.contains(QChar(0)))
            return QStringLiteral("%1 contains a NUL character (U+0000), which cannot be "
                                  "stored; remove it from the source")
                .arg(field);
    }
    return {};
}

QString importSourceName(const ImportOptions &options, const QString &path)
{
    if (!options.source.isEmpty())
        return options.source;
    return QFileInfo(path).completeBaseName();
}

QTimeZone importTimeZone(const ImportOptions &options)
{
    if (options.timeZone.isValid())
        return options.timeZone;
    return zoneOrUtc(QString::fromLatin1(defaultTimeZoneId));
}

QString quoteValue(const QString &value)
{
    constexpr qsizetype maxLength = 80;
    if (value.size() <= maxLength)
        return QLatin1Char('"') + value + QLatin1Char('"');
    return QLatin1Char('"') + value.left(maxLength) + QStringLiteral("...\"");
}

QString recordPlace(const QString &file, int line)
{
    if (line <= 0)
        return file;
    return file + QLatin1Char(':') + QString::number(line);
}

std::optional<MediaType> mediaTypeForName(const QString &fileName)
{
    static const QHash<QString, MediaType> types{
        {QStringLiteral("jpg"), {MediaKind::Photo, QStringLiteral("image/jpeg")}},
        {QStringLiteral("jpeg"), {MediaKind::Photo, QStringLiteral("image/jpeg")}},
        {QStringLiteral("png"), {MediaKind::Photo, QStringLiteral("image/png")}},
        {QStringLiteral("webp"), {MediaKind::Photo, QStringLiteral("image/webp")}},
        {QStringLiteral("heic"), {MediaKind::Photo, QStringLiteral("image/heic")}},
        {QStringLiteral("mp4"), {MediaKind::Video, QStringLiteral("video/mp4")}},
        {QStringLiteral("webm"), {MediaKind::Video, QStringLiteral("video/webm")}},
        {QStringLiteral("avi"), {MediaKind::Video, QStringLiteral("video/x-msvideo")}},
        {QStringLiteral("mov"), {MediaKind::Video, QStringLiteral("video/quicktime")}},
        {QStringLiteral("mp3"), {MediaKind::Audio, QStringLiteral("audio/mpeg")}},
        {QStringLiteral("m4a"), {MediaKind::Audio, QStringLiteral("audio/mp4")}},
        {QStringLiteral("ogg"), {MediaKind::Audio, QStringLiteral("audio/ogg")}},
        {QStringLiteral("wav"), {MediaKind::Audio, QStringLiteral("audio/wav")}},
        {QStringLiteral("aac"), {MediaKind::Audio, QStringLiteral("audio/aac")}},
    };

    const QString suffix = QFileInfo(fileName).suffix().toLower();
    const auto found = types.constFind(suffix);
    if (found == types.constEnd())
        return std::nullopt;
    return *found;
}

void applyStrictMode(ParsedFile &file, int recordCount)
{
    if (file.rejections.isEmpty() || !file.error.isEmpty())
        return;

    const Rejection &first = file.rejections.constFirst();
    file.error = QStringLiteral("%1: %2 of %3 records are invalid and strict mode rejects the "
                                "whole file; the first is record %4: %5")
                     .arg(recordPlace(file.path, first.line))
                     .arg(file.rejections.size())
                     .arg(recordCount)
                     .arg(first.recordNumber)
                     .arg(first.reason);
    file.reports.clear();
}

void logImportResult(const ParsedFile &file)
{
    // The error quotes values from the file, which must not reach a terminal or a log viewer
    // as control characters.
    if (!file.ok()) {
        qCInfo(lcIntake).noquote() << "import failed:" << printableText(file.error);
        return;
    }
    qCInfo(lcIntake).noquote() << "read" << printableText(file.path) << "as" << file.format << "-"
                               << file.reports.size() << "reports," << file.rejections.size()
                               << "rejected," << file.warnings.size() << "warnings";
}

} // namespace CivicDesk
