//! Finding a revision statement ("văn bản giải trình").
//!
//! Both plans (Lạng Sơn III.2.b, Hưng Yên II.2.b) let an entry that ran in another contest
//! without a prize enter again only if revised, with a statement "ghi rõ tên cuộc thi đã tham
//! dự; nội dung đã được chỉnh sửa, hoàn thiện" attached. Authors send it as a separate file or
//! as a section at the end of the entry. Whether one is *required* depends on copy detection
//! (does the entry match a past entry?), so this module only finds it and reads what it says.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::model::Extracted;

use super::text::{fold, folded_chars, snippet};

/// Longest paragraph (in words) taken as the statement's heading.
const HEADING_MAX_WORDS: usize = 15;
/// How many paragraphs after the heading belong to the statement, at most.
const SECTION_MAX_PARAGRAPHS: usize = 40;

/// Where the statement was found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum RevisionSource {
    /// A separate file sent with the entry.
    Attachment { file: PathBuf },
    /// A section of the entry, starting at this paragraph (0-based) on this page (0-based).
    Section { paragraph: usize, page: usize },
}

/// A revision statement and what it says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RevisionStatement {
    /// The earlier contest it names, as written.
    pub contest_name: Option<String>,
    pub year: Option<u16>,
    /// It says what was revised ("chỉnh sửa", "bổ sung", "hoàn thiện", …).
    pub changes_described: bool,
    pub source: RevisionSource,
    /// The statement's first words, for the council to recognise it.
    pub excerpt: String,
}

/// Look for the statement among the attachments first (its usual place), then in the entry.
pub fn find_revision_statement(
    doc: &Extracted,
    attachments: &[Extracted],
) -> Option<RevisionStatement> {
    for a in attachments {
        let name = a
            .file
            .file_name()
            .map(|n| fold(&n.to_string_lossy()).replace(['-', '_', '.'], " "))
            .unwrap_or_default();
        let named = name.contains("giai trinh") || name.contains("giaitrinh");
        let headed = a
            .paragraphs
            .iter()
            .take(8)
            .any(|p| is_statement_heading(&p.text()));
        if named || headed {
            return Some(read_statement(
                &a.text,
                RevisionSource::Attachment {
                    file: a.file.clone(),
                },
            ));
        }
    }
    let start = doc
        .paragraphs
        .iter()
        .position(|p| is_statement_heading(&p.text()))?;
    let text: Vec<String> = doc
        .paragraphs
        .iter()
        .skip(start)
        .take(SECTION_MAX_PARAGRAPHS)
        .map(|p| p.text())
        .collect();
    let page = doc.paragraphs.get(start).map(|p| p.page).unwrap_or(0);
    Some(read_statement(
        &text.join("\n"),
        RevisionSource::Section {
            paragraph: start,
            page,
        },
    ))
}

/// A short line that names the statement: "VĂN BẢN GIẢI TRÌNH", "Giải trình nội dung chỉnh
/// sửa". The plan's own long sentence quoting the rule is not a heading.
///
/// "Giải trình số liệu" in an ordinary entry is not one: a line that only starts with "giải
/// trình" must also speak of the contest, the entry or its revision.
fn is_statement_heading(text: &str) -> bool {
    // A long paragraph is no heading: say so before folding it.
    if text.split_whitespace().nth(HEADING_MAX_WORDS + 2).is_some() {
        return false;
    }
    let f = fold(text);
    let f = f
        .trim()
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | ')' | ' '));
    let words = f.split_whitespace().count();
    if !(1..=HEADING_MAX_WORDS).contains(&words) {
        return false;
    }
    if f.contains("ban giai trinh") {
        return true;
    }
    const ABOUT: &[&str] = &[
        "cuoc thi",
        "bai du thi",
        "chinh sua",
        "hoan thien",
        "du thi",
    ];
    f.starts_with("giai trinh") && (words <= 2 || ABOUT.iter().any(|w| f.contains(w)))
}

fn read_statement(text: &str, source: RevisionSource) -> RevisionStatement {
    let folded = fold(text);
    const CHANGE_WORDS: &[&str] = &[
        "chinh sua",
        "bo sung",
        "hoan thien",
        "sua doi",
        "thay doi",
        "cap nhat",
        "viet lai",
    ];
    let changes_described = CHANGE_WORDS.iter().any(|w| folded.contains(w));
    let (contest_name, year) = prior_contest(text);
    RevisionStatement {
        contest_name,
        year,
        changes_described,
        source,
        excerpt: snippet(text, 160),
    }
}

/// The earlier contest named in the statement and its year. Sentences that say the entry
/// took part ("đã tham dự", "đã tham gia", "không đạt giải") are preferred, so a mention of
/// the current contest does not win.
fn prior_contest(text: &str) -> (Option<String>, Option<u16>) {
    let (orig, folded) = folded_chars(text);
    let sentences = split_sentences(&orig, &folded);
    const TOOK_PART: &[&str] = &[
        "da tham du",
        "da tham gia",
        "da du thi",
        "khong dat giai",
        "da gui",
        "truoc day",
    ];
    let mut candidates: Vec<(bool, String, Option<u16>)> = Vec::new();
    for (o, f) in &sentences {
        let fs: String = f.iter().collect();
        let took_part = TOOK_PART.iter().any(|w| fs.contains(w));
        let Some(name) = contest_name_in(o, f) else {
            continue;
        };
        let year = year_in(&name).or_else(|| year_in(&o.iter().collect::<String>()));
        candidates.push((took_part, name, year));
    }
    let best = candidates
        .iter()
        .find(|c| c.0)
        .or_else(|| candidates.first());
    match best {
        Some((_, name, year)) => (Some(name.clone()), *year),
        None => (None, None),
    }
}

/// Sentences as (original chars, folded chars), split at line breaks and sentence ends
/// outside quotes.
fn split_sentences(orig: &[char], folded: &[char]) -> Vec<(Vec<char>, Vec<char>)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_quote = false;
    for (i, c) in orig.iter().enumerate() {
        match c {
            '“' => in_quote = true,
            '”' => in_quote = false,
            '"' => in_quote = !in_quote,
            _ => {}
        }
        let end = *c == '\n' || (!in_quote && matches!(c, '.' | ';' | '!' | '?'));
        if end || i + 1 == orig.len() {
            let stop = if end { i } else { i + 1 };
            if stop > start {
                out.push((orig[start..stop].to_vec(), folded[start..stop].to_vec()));
            }
            start = i + 1;
            if *c == '\n' {
                in_quote = false;
            }
        }
    }
    out
}

/// The name after "cuộc thi": the quoted title if there is one, else the rest of the
/// sentence (at most 120 chars). "Cuộc thi này" (this contest) is skipped.
fn contest_name_in(orig: &[char], folded: &[char]) -> Option<String> {
    let needle: Vec<char> = "cuoc thi".chars().collect();
    let mut from = 0;
    // The words after the first "cuộc thi" (other than "cuộc thi này"), used when the sentence
    // quotes no name: "đã tham gia cuộc thi tìm kiếm ý tưởng … năm 2024".
    let mut unquoted: Option<String> = None;
    let mut quoted_after: Option<String> = None;
    while let Some(pos) = find(folded, &needle, from) {
        let after = pos + needle.len();
        from = after;
        let rest: String = orig[after..].iter().collect();
        let rest_trim = rest.trim_start();
        let rest_fold = fold(rest_trim);
        let this_contest = rest_fold
            .strip_prefix("nay")
            .is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric()));
        if this_contest {
            continue;
        }
        if let Some(open) = rest_trim.find(['“', '"', '«']) {
            let name = quoted(&rest_trim[open..]);
            // A quote right after the words ("cuộc thi “…”") is the name.
            if rest_trim[..open].chars().count() <= 3 && name.is_some() {
                return name;
            }
            // A quote later in the sentence ("cuộc thi năm 2024 do tỉnh tổ chức, tên là “…”")
            // names it better than the words in between.
            if quoted_after.is_none() {
                quoted_after = name;
            }
        }
        if unquoted.is_none() {
            let name: String = rest_trim.chars().take(120).collect();
            let name = name.trim().trim_end_matches([',', ':']).trim();
            if name.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
                unquoted = Some(name.to_string());
            }
        }
    }
    quoted_after.or(unquoted)
}

/// The text inside the quotation marks that open `s`, if not empty.
fn quoted(s: &str) -> Option<String> {
    let inner = s.trim_start_matches(['“', '"', '«']);
    let close = inner.find(['”', '"', '»']).unwrap_or(inner.len());
    let name = inner[..close].trim();
    (!name.is_empty()).then(|| name.to_string())
}

fn find(hay: &[char], needle: &[char], from: usize) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()] == *needle)
}

/// A year 1990–2099 written as four digits on its own.
fn year_in(s: &str) -> Option<u16> {
    let chars: Vec<char> = s.chars().collect();
    for i in 0..chars.len().saturating_sub(3) {
        let w = &chars[i..i + 4];
        let before_ok = i == 0 || !chars[i - 1].is_ascii_digit();
        let after_ok = chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        if before_ok && after_ok && w.iter().all(|c| c.is_ascii_digit()) {
            let y: String = w.iter().collect();
            if let Ok(y) = y.parse::<u16>()
                && (1990..=2099).contains(&y)
            {
                return Some(y);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Paragraph, Run};

    fn doc(file: &str, paras: &[&str]) -> Extracted {
        let mut d = Extracted {
            file: PathBuf::from(file),
            paragraphs: paras
                .iter()
                .map(|t| Paragraph {
                    runs: vec![Run {
                        text: t.to_string(),
                        ..Run::default()
                    }],
                    ..Paragraph::default()
                })
                .collect(),
            ..Extracted::default()
        };
        d.finish_layout();
        d
    }

    #[test]
    fn a_quoted_name_later_in_the_sentence_wins() {
        let (o, f) = folded_chars(
            "Bài đã tham gia cuộc thi năm 2024 do UBND tỉnh tổ chức với tên “Tìm kiếm ý tưởng, giải pháp cải cách hành chính tỉnh Lạng Sơn năm 2024” nhưng không đạt giải",
        );
        assert_eq!(
            contest_name_in(&o, &f).as_deref(),
            Some("Tìm kiếm ý tưởng, giải pháp cải cách hành chính tỉnh Lạng Sơn năm 2024")
        );
        let (o, f) = folded_chars("Bài đã tham gia cuộc thi sáng kiến cấp huyện năm 2023");
        assert_eq!(
            contest_name_in(&o, &f).as_deref(),
            Some("sáng kiến cấp huyện năm 2023")
        );
    }

    #[test]
    fn section_at_the_end_names_the_prior_contest() {
        let entry = doc(
            "bai.docx",
            &[
                "Giải pháp số hóa hồ sơ một cửa",
                "Nội dung giải pháp …",
                "VĂN BẢN GIẢI TRÌNH",
                "Bài dự thi này gửi Cuộc thi “Tìm kiếm ý tưởng, giải pháp cải cách hành chính năm 2025”.",
                "Bài đã tham dự cuộc thi “Sáng kiến cải cách hành chính tỉnh Lạng Sơn năm 2023” nhưng không đạt giải.",
                "Nội dung đã được chỉnh sửa phần II và bổ sung số liệu năm 2024.",
            ],
        );
        let s = find_revision_statement(&entry, &[]).unwrap();
        assert_eq!(
            s.contest_name.as_deref(),
            Some("Sáng kiến cải cách hành chính tỉnh Lạng Sơn năm 2023")
        );
        assert_eq!(s.year, Some(2023));
        assert!(s.changes_described);
        assert_eq!(
            s.source,
            RevisionSource::Section {
                paragraph: 2,
                page: 0
            }
        );
    }

    #[test]
    fn attachment_by_name_without_quotes_or_changes() {
        let entry = doc("bai.docx", &["Giải pháp", "Nội dung"]);
        let att = doc(
            "Giai-trinh.docx",
            &[
                "Kính gửi Ban Tổ chức",
                "Bài đã tham gia cuộc thi sáng kiến ngành nội vụ 2022",
            ],
        );
        let s = find_revision_statement(&entry, std::slice::from_ref(&att)).unwrap();
        assert_eq!(
            s.contest_name.as_deref(),
            Some("sáng kiến ngành nội vụ 2022")
        );
        assert_eq!(s.year, Some(2022));
        assert!(!s.changes_described);
        assert!(matches!(s.source, RevisionSource::Attachment { .. }));
    }

    #[test]
    fn the_rule_sentence_is_not_a_statement() {
        let entry = doc(
            "bai.docx",
            &[
                "Theo thể lệ, bài đã tham gia cuộc thi khác nhưng không đạt giải phải có văn bản giải trình ghi rõ tên cuộc thi đã tham dự và nội dung đã chỉnh sửa.",
            ],
        );
        assert_eq!(find_revision_statement(&entry, &[]), None);
    }

    #[test]
    fn headings() {
        for yes in [
            "VĂN BẢN GIẢI TRÌNH",
            "Bản giải trình",
            "GIẢI TRÌNH",
            "3. Giải trình nội dung chỉnh sửa",
            "Giải trình về bài dự thi",
        ] {
            assert!(is_statement_heading(yes), "{yes}");
        }
        for no in [
            "Giải trình số liệu ngân sách",
            "Thuyết minh, giải trình số liệu",
            "",
        ] {
            assert!(!is_statement_heading(no), "{no}");
        }
    }

    #[test]
    fn years() {
        assert_eq!(year_in("năm 2023"), Some(2023));
        assert_eq!(year_in("số 120235"), None);
        assert_eq!(year_in("1800"), None);
    }
}
