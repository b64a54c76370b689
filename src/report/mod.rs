//! Stage 7: what the council reads — report.json, HTML pages, xlsx/csv and the minutes.
