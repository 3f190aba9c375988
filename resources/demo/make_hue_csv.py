#!/usr/bin/env python3
"""Convert transcribed Hue report pages (JSON) into the demo CSV, hue_reports.csv.

Usage: make_hue_csv.py SOURCE_JSON [OUTPUT_CSV]

OUTPUT_CSV defaults to hue_reports.csv next to this script.

The input is {"description": ..., "records": [...]}, one record per public report page of
tuongtac.hue.gov.vn, with the fields url, report_text, response_text, handling_agency,
submitted_at, due_at, processed_at, status and photo_count. Texts and dates are copied
unchanged. The script adds three derived columns:

portal_id
    The portal's report id from the page address: the number in "-a<id>.html" or "pa=<id>".

field
    A field code found by keyword rules on the citizen's text (the agency's response when the
    page shows no citizen text). The rules are tried in the order below, and the first rule
    with a keyword that occurs as a whole word or phrase (case-insensitive) wins:

    traffic_infrastructure     ổ gà, mặt đường, xe tải, container
    environmental_sanitation   rác, xả thải, ô nhiễm, bùn, thoát nước
    urban_infrastructure       đèn, chiếu sáng, cây, nắp hố ga, nắp cống
    public_security            an ninh, trộm, cướp, gây rối, đánh nhau
    construction_order         xây dựng trái phép, lấn chiếm, không phép, sai phép
    tourism_service            du khách, chặt chém
    official_conduct           cán bộ, công chức, thủ tục hành chính, nhũng nhiễu
    other                      when no rule matches

    Traffic comes first because road reports often mention drainage or rain as the cause of
    the damage; sanitation comes before urban infrastructure because "cây" also appears in
    place names such as "cây xăng" (petrol station) in garbage reports.

ward
    The ward or commune named in the citizen's text: the capitalised words that follow the
    first "phường" or "xã" (but not "thị xã", a town) that is followed by a capital letter,
    at most three words, as written. Writers sometimes miss the capital of the second
    syllable ("phường Tây lộc"); ward names have at least two syllables, so a one-word match
    takes the next word too when that word is lower case. Names may be those from before the
    1 July 2025 merger of wards. Empty when the text names no ward.

media
    Demo photos and a video from media/ (see media/SOURCE.md), listed per portal id in
    MEDIA below. Only files whose subject matches the report's field are used.
"""

import csv
import json
import os
import re
import sys

COLUMNS = [
    "portal_id", "url", "submitted_at", "due_at", "processed_at", "status", "field", "ward",
    "handling_agency", "report_text", "response_text", "photo_count", "media",
]

FIELD_RULES = [
    ("traffic_infrastructure", ["ổ gà", "mặt đường", "xe tải", "container"]),
    ("environmental_sanitation", ["rác", "xả thải", "ô nhiễm", "bùn", "thoát nước"]),
    ("urban_infrastructure", ["đèn", "chiếu sáng", "cây", "nắp hố ga", "nắp cống"]),
    ("public_security", ["an ninh", "trộm", "cướp", "gây rối", "đánh nhau"]),
    ("construction_order", ["xây dựng trái phép", "lấn chiếm", "không phép", "sai phép"]),
    ("tourism_service", ["du khách", "chặt chém"]),
    ("official_conduct", ["cán bộ", "công chức", "thủ tục hành chính", "nhũng nhiễu"]),
]

# Portal id -> media files (paths relative to the CSV). Each subject matches the field that
# FIELD_RULES gives the report: road damage for the pothole report, traffic for the heavy-truck
# report, litter bins for garbage reports, fallen trees for reports of trees about to fall.
MEDIA = {
    "197238": ["media/traffic_parking_lot_topdown_h264.mp4"],
    "205948": ["media/osm_asphalt_deep_potholes_water.jpg",
               "media/osm_asphalt_potholes_nids_de_poule.jpg"],
    "194290": ["media/lic_commons_overflowing_bin_helsinki_2019.jpg"],
    "121171": ["media/lic_commons_overflowing_street_bin_hamburg.jpg"],
    "33274": ["media/lic_commons_fallen_tree_in_park_1c.jpg"],
    "32684": ["media/lic_commons_fallen_tree_on_car_arlington_7536694126.jpg"],
}

WORD = r"[^\W\d_]+"


def portal_id(url):
    match = re.search(r"-a(\d+)\.html$", url) or re.search(r"[?&]pa=(\d+)", url)
    if not match:
        raise ValueError(f"no portal report id (-a<id>.html or pa=<id>) in {url}")
    return match.group(1)


def has_phrase(text, phrase):
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE) is not None


def field_of(text):
    for field, keywords in FIELD_RULES:
        if any(has_phrase(text, keyword) for keyword in keywords):
            return field
    return "other"


def ward_of(text):
    pattern = re.compile(rf"(?<!\w)(?<!thị )(?<!Thị )(phường|xã)\s+({WORD}(?:\s+{WORD})*)",
                         re.IGNORECASE)
    for match in pattern.finditer(text):
        words = match.group(2).split()
        if not words[0][0].isupper():
            continue
        name = [words[0]]
        for word in words[1:3]:
            if not word[0].isupper():
                break
            name.append(word)
        if len(name) == 1 and len(words) > 1 and words[1][0].islower():
            name.append(words[1])
        return " ".join(name)
    return ""


def row_of(record):
    report = record.get("report_text") or ""
    response = record.get("response_text") or ""
    report_id = portal_id(record["url"])
    photo_count = record.get("photo_count")
    return {
        "portal_id": report_id,
        "url": record["url"],
        "submitted_at": record.get("submitted_at") or "",
        "due_at": record.get("due_at") or "",
        "processed_at": record.get("processed_at") or "",
        "status": record.get("status") or "",
        "field": field_of(report or response),
        "ward": ward_of(report),
        "handling_agency": record.get("handling_agency") or "",
        "report_text": report,
        "response_text": response,
        "photo_count": "" if photo_count is None else str(photo_count),
        "media": ";".join(MEDIA.get(report_id, [])),
    }


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit(__doc__.splitlines()[2])
    with open(argv[1], encoding="utf-8") as source:
        records = json.load(source)["records"]
    default_output = os.path.join(os.path.dirname(os.path.abspath(__file__)), "hue_reports.csv")
    output = argv[2] if len(argv) == 3 else default_output
    # A byte order mark lets spreadsheet programs recognise the Vietnamese text as UTF-8.
    with open(output, "w", encoding="utf-8-sig", newline="") as target:
        writer = csv.DictWriter(target, fieldnames=COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        for record in records:
            writer.writerow(row_of(record))


if __name__ == "__main__":
    main(sys.argv)
