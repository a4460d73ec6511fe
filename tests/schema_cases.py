"""Values at the edge of what the loader accepts for a date, a time, an id
and a year key: tests/model/test_schema_patterns.py holds the schemas'
patterns against the loader with them (Python's regex), and
tests/test_schema_in_editor.py the YAML language server (JavaScript's)."""

EDGE_CASES: list[tuple[str, str, bool]] = [
    # (kind, text, the loader accepts it)
    ("moment", "2020-10-21T13:00", True), ("moment", "2020-10-21 13:00", True), ("moment", "2020-10-21t13:00", True),
    ("moment", "2020-10-21", True), ("moment", "2020-10-21T13:00:59", True), ("moment", "2020-10-21T13:00:59.5", True),
    ("moment", "2020-10-21T13:00:59,25", True), ("moment", "2020-10-21T13:00Z", True),
    ("moment", "2020-10-21T13:00z", True), ("moment", "2020-10-21T13:00+01:00", True),
    ("moment", "2020-10-21T13:00+0100", True), ("moment", "2020-10-21T13:00-23:59", True),
    ("moment", "1990-01-01T00:00", True), ("moment", "2100-12-31T23:59-05:00", True),
    ("moment", "2020-02-29T10:00", True),
    ("moment", "2020-10-21T13:00+01", False), ("moment", "2020-10-21T13:00+24:00", False),
    ("moment", "2020-10-21T13:00+01:60", False), ("moment", "2020-10-21T24:00", False),
    ("moment", "2020-10-21T23:60", False), ("moment", "2020-10-21T13:00:60", False),
    ("moment", "2020-10-21T13", False), ("moment", "2020-10-21T", False), ("moment", "2020-10-21T1:00", False),
    ("moment", "2020-10-21  13:00", False), ("moment", "2020-10-21T13:00 ", False),
    ("moment", "2020-10-21T13:00\n", False), ("moment", "2020-10-21T13:00.5", False),
    ("moment", "2020-10-21T13:00:00.", False), ("moment", "2019-02-29T10:00", False),
    ("moment", "2020-02-30T10:00", False), ("moment", "1989-12-31T23:59", False),
    ("moment", "2101-01-01T00:00", False), ("moment", "2020-10-21Z", False), ("moment", "1603290000", False),
    ("day", "2020-03-31", True), ("day", "2000-02-29", True), ("day", "2096-02-29", True), ("day", "1990-01-01", True),
    ("day", "2100-12-31", True), ("day", "1992-02-29", True),
    ("day", "2100-02-29", False), ("day", "1900-02-29", False), ("day", "2019-02-29", False),
    ("day", "2020-04-31", False), ("day", "2020-13-01", False), ("day", "2020-00-10", False),
    ("day", "2020-01-00", False), ("day", "1989-12-31", False), ("day", "2101-01-01", False),
    ("day", "2020-3-31", False), ("day", "2020-03-31T00:00", False), ("day", "2020-03-31\n", False),
    ("day", " 2020-03-31", False), ("day", "20200331", False), ("day", "２０２０-03-31", False),
    ("id", "DK-05", True), ("id", "Q-2020-001", True), ("id", "strategic_fit", True), ("id", "Å-1", True),
    ("id", "A\u030a-1", True), ("id", "\u212bS", True), ("id", "\u212a1", True), ("id", "x" * 64, True),
    ("id", "x" * 65, False), ("id", "A\u030a" * 64, True), ("id", "A\u030a" * 65, False),
    ("id", "-DK", False), ("id", ".DK", False), ("id", "DK 05", False), ("id", "DK\n", False), ("id", "", False),
    ("id", "É", False), ("id", "A\u030a\u0301", False), ("id", "Ø\u0301", False), ("id", "DK\u200b", False),
    ("id", "DK/05", False), ("id", "\u030aA", False),
    ("year", "2021", True), ("year", "1990", True), ("year", "2100", True),
    ("year", "1989", False), ("year", "2101", False), ("year", "02021", False), ("year", "+2021", False),
    ("year", "2021.0", False), ("year", " 2021", False), ("year", "2021\n", False), ("year", "MMXXI", False),
]
