//! The "Ghi chú" of each row of the minutes: why an entry is kept back, naming the other entry
//! or the source it copies — "Sao chép bài dự thi khác: E03 (80%)", not just "sao chép" — so a
//! council member can check the finding before signing.
//!
//! The copy flags say where they come from in their evidence (`entry:<file>` for another
//! entry, a corpus path for a source); when a flag does not, the entry's matches of the right
//! kind name the sources. Each note is bounded: at most [`MAX_SOURCES`] sources per flag and
//! [`MAX_NOTE_CHARS`] characters per note.

use crate::lang::Lang;
use crate::report::escape::truncate_chars;
use crate::report::{EntryReport, Flag, MatchView, Report, words};

/// Sources named per flag; more are counted ("và 2 nguồn khác").
pub const MAX_SOURCES: usize = 3;
/// Characters per note (one row's Ghi chú); longer is cut with "…".
pub const MAX_NOTE_CHARS: usize = 600;
const MAX_TITLE_CHARS: usize = 80;

/// Flags that are about another document.
fn names_sources(code: &str) -> bool {
    matches!(
        code,
        "COPY"
            | "CORPUS-COPY"
            | "IDEA"
            | "RECYCLED-NO-STATEMENT"
            | "RECYCLED-AWARDED"
            | "RECEIVING-POINT-DUPLICATE"
    )
}

/// Which matches a flag without a source in its evidence is about.
fn matches_for_flag<'a>(entry: &'a EntryReport, code: &str) -> Vec<&'a MatchView> {
    let kind = |m: &&MatchView| m.source_kind.as_deref().unwrap_or_default().to_string();
    let mut found: Vec<&MatchView> = entry
        .matches
        .iter()
        .filter(|m| match code {
            "COPY" => kind(m) == "entry" && m.kind != "idea",
            "RECEIVING-POINT-DUPLICATE" => kind(m) == "entry",
            "CORPUS-COPY" => {
                matches!(kind(m).as_str(), "applied" | "published") && m.kind != "idea"
            }
            "IDEA" => matches!(kind(m).as_str(), "applied" | "published") && m.kind == "idea",
            "RECYCLED-NO-STATEMENT" | "RECYCLED-AWARDED" => kind(m) == "past-entry",
            _ => false,
        })
        .collect();
    found.sort_by(|a, b| b.score.total_cmp(&a.score));
    found
}

/// How a source reads in a note: another entry by its id ("bài E03"), a corpus document by its
/// title (its path when it has none; the entry page gives both).
fn source_name(report: &Report, source: &str, title: Option<&str>, lang: Lang) -> String {
    if let Some(file) = source.strip_prefix("entry:") {
        let id = report
            .entries
            .iter()
            .find(|e| e.file == file)
            .map(|e| e.id.as_str())
            .unwrap_or(file);
        return format!("{} {id}", lang.words().papers.entry_word);
    }
    match title.filter(|t| !t.trim().is_empty()) {
        Some(t) => format!("“{}”", truncate_chars(t.trim(), MAX_TITLE_CHARS)),
        None => source.to_string(),
    }
}

/// The note for one flag.
pub fn flag_note(report: &Report, entry: &EntryReport, flag: &Flag, lang: Lang) -> String {
    let name = words::flag_name(&flag.code, lang);
    if !names_sources(&flag.code) {
        return name;
    }
    // The flag's own evidence names its source.
    let evidence = flag.evidence.trim();
    let by_evidence = entry.matches.iter().find(|m| m.source == evidence);
    let named: Vec<String> = if evidence.starts_with("entry:") || by_evidence.is_some() {
        let title = by_evidence.and_then(|m| m.source_title.as_deref());
        let pct = by_evidence
            .map(|m| format!(" ({})", words::percent(m.score)))
            .unwrap_or_default();
        vec![format!(
            "{}{pct}",
            source_name(report, evidence, title, lang)
        )]
    } else {
        let found = matches_for_flag(entry, &flag.code);
        let mut named: Vec<String> = found
            .iter()
            .take(MAX_SOURCES)
            .map(|m| {
                format!(
                    "{} ({})",
                    source_name(report, &m.source, m.source_title.as_deref(), lang),
                    words::percent(m.score)
                )
            })
            .collect();
        if found.len() > MAX_SOURCES {
            named.push((lang.words().papers.more_sources)(
                found.len() - MAX_SOURCES,
            ));
        }
        named
    };
    if named.is_empty() {
        name
    } else {
        format!("{name}: {}", named.join("; "))
    }
}

/// The whole Ghi chú of an entry's row.
pub fn entry_note(
    report: &Report,
    entry: &EntryReport,
    extra_first: Option<&str>,
    lang: Lang,
) -> String {
    let mut parts: Vec<String> = extra_first.map(String::from).into_iter().collect();
    // Flags with the same note (two COPY flags citing one entry) are said once.
    for flag in &entry.flags {
        let note = flag_note(report, entry, flag, lang);
        if !parts.contains(&note) {
            parts.push(note);
        }
    }
    truncate_chars(&parts.join("; "), MAX_NOTE_CHARS).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Report {
        let mut r = Report::new("lang-son-2025", "2025-07-08T01:00:00Z");
        r.entries.push(EntryReport {
            id: "E02".into(),
            file: "E02.docx".into(),
            flags: vec![Flag {
                code: "COPY".into(),
                message: "Sao chép 80% — trùng với bài dự thi E03".into(),
                evidence: "entry:E03.pdf".into(),
            }],
            matches: vec![MatchView {
                source: "entry:E03.pdf".into(),
                source_kind: Some("entry".into()),
                score: 0.8,
                kind: "near".into(),
                ..MatchView::default()
            }],
            ..EntryReport::default()
        });
        r.entries.push(EntryReport {
            id: "E03".into(),
            file: "E03.pdf".into(),
            ..EntryReport::default()
        });
        r.entries.push(EntryReport {
            id: "E05".into(),
            file: "E05.docx".into(),
            flags: vec![Flag {
                code: "RECYCLED-NO-STATEMENT".into(),
                message: String::new(),
                evidence: "91%".into(),
            }],
            matches: vec![MatchView {
                source: "prior/2024-phieu.md".into(),
                source_title: Some("Phiếu hướng dẫn bằng hình ảnh".into()),
                source_kind: Some("past-entry".into()),
                score: 0.91,
                kind: "near".into(),
                ..MatchView::default()
            }],
            ..EntryReport::default()
        });
        r
    }

    #[test]
    fn copy_notes_name_the_other_entry() {
        let r = report();
        let e = &r.entries[0];
        assert_eq!(
            entry_note(&r, e, None, Lang::Vi),
            "Sao chép bài dự thi khác: bài E03 (80%)"
        );
        assert_eq!(
            entry_note(&r, e, None, Lang::En),
            "Copies another entry: entry E03 (80%)"
        );
    }

    #[test]
    fn recycled_notes_name_the_earlier_entry_from_the_matches() {
        let r = report();
        assert_eq!(
            entry_note(&r, &r.entries[2], None, Lang::Vi),
            "Bài đã dự thi nơi khác, thiếu văn bản giải trình: “Phiếu hướng dẫn bằng hình ảnh” (91%)"
        );
    }

    #[test]
    fn notes_are_bounded() {
        let mut r = report();
        let e = &mut r.entries[2];
        for i in 0..50 {
            e.matches.push(MatchView {
                source: format!("prior/{i}.md"),
                source_title: Some("x".repeat(500)),
                source_kind: Some("past-entry".into()),
                score: 0.5,
                ..MatchView::default()
            });
        }
        let e = r.entries[2].clone();
        let note = entry_note(&r, &e, Some("Đề nghị"), Lang::Vi);
        assert!(note.chars().count() <= MAX_NOTE_CHARS);
        let note = flag_note(&r, &e, &e.flags[0], Lang::Vi);
        assert!(note.contains("và 48 nguồn khác"), "{note}");
    }
}
