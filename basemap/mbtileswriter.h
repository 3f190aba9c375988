#pragma once

#include <memory>
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>

class QSqlQuery;

namespace CivicDesk::Basemap {

// Writes a raster MBTiles 1.3 file: the table `map` (zoom_level, tile_column, tile_row,
// tile_id) and the table `images` (tile_data, tile_id), joined by the view `tiles`, so that
// identical tiles are stored once, and `metadata` (name, value). Rows are in the TMS scheme:
// tile_row = 2^zoom - 1 - y.
class MbtilesWriter
{
public:
    MbtilesWriter();
    ~MbtilesWriter();
    MbtilesWriter(const MbtilesWriter &) = delete;
    MbtilesWriter &operator=(const MbtilesWriter &) = delete;

    // Creates the tables in a new, empty file and starts a transaction.
    bool open(const QString &path, QString *error);
    // Adds the tile at (x, y) of the XYZ scheme. The image is stored once per content: its
    // tile_id is the MD5 of the PNG data.
    bool addTile(int zoom, int x, int y, const QByteArray &png, QString *error);
    // Commits what was added so far and starts a new transaction.
    bool commit(QString *error);
    bool setMetadata(const QList<QPair<QString, QString>> &entries, QString *error);
    // Commits and closes the file.
    bool close(QString *error);

    int imageCount() const { return int(m_storedImages.size()); }

private:
    bool exec(const QString &sql, QString *error);

    QString m_connection;
    std::unique_ptr<QSqlQuery> m_insertImage;
    std::unique_ptr<QSqlQuery> m_insertRow;
    QSet<QByteArray> m_storedImages;
    bool m_open = false;
};

} // namespace CivicDesk::Basemap
