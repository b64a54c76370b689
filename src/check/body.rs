//! What counts as "body text" for the font and size rules, and which font names are which
//! family.
//!
//! Body text: paragraphs of kind `Body` (so not headings, tables, footnotes, captions or text
//! boxes), not on the cover page, whose style is not a heading/title/caption/TOC style, and
//! that are not a short all-bold line (entries often type their headings as bold body
//! paragraphs instead of using a heading style; a PDF has no styles at all). The plan's "cỡ chữ
//! 14" is about the running text; a 16 pt bold title or a 12 pt table is normal practice.

use crate::model::{Extracted, Paragraph};
use crate::normalize::legacy::encoding_for_font;
use crate::profile::FormRules;

use super::text::fold;

/// Longest paragraph (in characters) still treated as a heading when all of it is bold.
const BOLD_HEADING_MAX_CHARS: usize = 200;

/// Whether a paragraph is running body text (see the module docs).
pub fn is_body_paragraph(doc: &Extracted, p: &Paragraph) -> bool {
    use crate::model::BlockKind;
    if p.kind != BlockKind::Body {
        return false;
    }
    // The cover is excluded only when the reader found where it ends before the end of the
    // text; a one-page document has no separate cover.
    if doc.cover_end > 0 && doc.cover_end < doc.text.len() && p.text_start < doc.cover_end {
        return false;
    }
    if let Some(style) = &p.style {
        let s = fold(style).replace([' ', '-', '_'], "");
        const NOT_BODY: &[&str] = &[
            "heading", "title", "subtitle", "toc", "caption", "footnote", "endnote", "header",
            "footer", "tieude", "chuthich", "mucluc",
        ];
        if NOT_BODY.iter().any(|k| s.starts_with(k)) {
            return false;
        }
    }
    let visible: Vec<_> = p
        .runs
        .iter()
        .filter(|r| r.text.chars().any(|c| !c.is_whitespace()))
        .collect();
    if visible.is_empty() {
        return false;
    }
    let chars: usize = visible.iter().map(|r| r.text.chars().count()).sum();
    if chars <= BOLD_HEADING_MAX_CHARS && visible.iter().all(|r| r.bold) {
        return false;
    }
    true
}

/// A font name reduced to what identifies the family: subset prefix ("ABCDEF+") dropped,
/// lowercase, letters and digits only, PostScript and style suffixes ("MT", "PS", "Bold",
/// "Italic", …) stripped. "TimesNewRomanPS-BoldMT", "Times New Roman Bold" and
/// "Times New Roman" all become "timesnewroman".
pub fn font_key(name: &str) -> String {
    let name = name.trim();
    let name = match name.split_once('+') {
        Some((prefix, rest))
            if prefix.len() == 6 && prefix.chars().all(|c| c.is_ascii_uppercase()) =>
        {
            rest
        }
        _ => name,
    };
    let mut key: String = fold(name)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    const SUFFIXES: &[&str] = &[
        "mt",
        "ps",
        "regular",
        "bolditalic",
        "boldoblique",
        "semibold",
        "bold",
        "italic",
        "oblique",
        "normal",
        "book",
    ];
    loop {
        let before = key.len();
        for s in SUFFIXES {
            if key.len() > s.len() + 3 && key.ends_with(s) {
                key.truncate(key.len() - s.len());
            }
        }
        if key.len() == before {
            break;
        }
    }
    key
}

/// What a run's font is with respect to the contest's rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FontClass {
    /// An accepted family (its canonical name).
    Accepted(String),
    /// A metric clone of an accepted family (Liberation Serif…), counted in PDFs only.
    MetricEquivalent(String),
    /// A pre-Unicode Vietnamese font (.VnTime, VNI-Times): the text was decoded, but the
    /// entry is not in the required Unicode font.
    Legacy(String),
    Other(String),
    /// The reader could not tell the font.
    Unknown,
}

pub fn classify_font(font: Option<&str>, rules: &FormRules) -> FontClass {
    FontMatcher::new(rules).classify(font)
}

/// The profile's font names reduced to keys once, so that classifying the thousands of runs of
/// a PDF (one per glyph fallback) does not redo it per run.
pub struct FontMatcher {
    accepted: Vec<(String, String)>,
    metric: Vec<String>,
}

impl FontMatcher {
    pub fn new(rules: &FormRules) -> Self {
        let mut accepted = Vec::new();
        for family in &rules.fonts {
            accepted.push((font_key(&family.name), family.name.clone()));
            for a in &family.aliases {
                accepted.push((font_key(a), family.name.clone()));
            }
        }
        FontMatcher {
            accepted,
            metric: rules
                .pdf_metric_equivalents
                .iter()
                .map(|m| font_key(m))
                .collect(),
        }
    }

    pub fn classify(&self, font: Option<&str>) -> FontClass {
        let Some(name) = font.map(str::trim).filter(|f| !f.is_empty()) else {
            return FontClass::Unknown;
        };
        if encoding_for_font(name).is_some() {
            return FontClass::Legacy(name.to_string());
        }
        let key = font_key(name);
        if let Some((_, family)) = self.accepted.iter().find(|(k, _)| *k == key) {
            return FontClass::Accepted(family.clone());
        }
        if self.metric.contains(&key) {
            return FontClass::MetricEquivalent(name.to_string());
        }
        FontClass::Other(name.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BlockKind, Run};
    use crate::profile::ContestProfile;

    #[test]
    fn font_keys_unify_aliases() {
        for n in [
            "Times New Roman",
            "TimesNewRomanPSMT",
            "TimesNewRomanPS-BoldMT",
            "Times New Roman Bold",
            "ABCDEF+TimesNewRomanPS-ItalicMT",
            "TimesNewRoman,Bold",
        ] {
            assert_eq!(font_key(n), "timesnewroman", "{n}");
        }
        assert_eq!(font_key("Times-Roman"), "timesroman");
        assert_eq!(font_key("ArialMT"), "arial");
        assert_eq!(font_key("Liberation Serif Bold"), "liberationserif");
    }

    #[test]
    fn classes() {
        let p = ContestProfile::builtin("lang-son-2025").unwrap();
        let f = &p.form;
        let accepted = FontClass::Accepted("Times New Roman".into());
        assert_eq!(classify_font(Some("TimesNewRomanPS-BoldMT"), f), accepted);
        assert_eq!(classify_font(Some("Times-Roman"), f), accepted);
        assert_eq!(classify_font(Some("Times-Bold"), f), accepted);
        assert!(matches!(
            classify_font(Some("BAAAAA+LiberationSerif"), f),
            FontClass::MetricEquivalent(_)
        ));
        assert!(matches!(
            classify_font(Some(".VnTime"), f),
            FontClass::Legacy(_)
        ));
        assert!(matches!(
            classify_font(Some("Arial"), f),
            FontClass::Other(_)
        ));
        assert_eq!(classify_font(None, f), FontClass::Unknown);
        assert_eq!(classify_font(Some("  "), f), FontClass::Unknown);
    }

    fn para(text: &str, bold: bool, kind: BlockKind, style: Option<&str>) -> Paragraph {
        Paragraph {
            runs: vec![Run {
                text: text.into(),
                bold,
                ..Run::default()
            }],
            kind,
            style: style.map(String::from),
            ..Paragraph::default()
        }
    }

    #[test]
    fn body_excludes_headings_tables_cover_and_bold_lines() {
        let mut doc = Extracted {
            paragraphs: vec![
                para("Trang bìa", false, BlockKind::Body, None),
                para("Nội dung chính.", false, BlockKind::Body, None),
                para("I. ĐẶT VẤN ĐỀ", true, BlockKind::Body, None),
                para("Mục", false, BlockKind::Heading, None),
                para("Ô bảng", false, BlockKind::Table, None),
                para("Tiêu đề", false, BlockKind::Body, Some("Heading 2")),
                para("   ", false, BlockKind::Body, None),
            ],
            ..Extracted::default()
        };
        for (i, p) in doc.paragraphs.iter_mut().enumerate() {
            p.page = usize::from(i > 0);
        }
        doc.finish_layout();
        let body: Vec<bool> = doc
            .paragraphs
            .iter()
            .map(|p| is_body_paragraph(&doc, p))
            .collect();
        assert_eq!(body, [false, true, false, false, false, false, false]);
    }
}
