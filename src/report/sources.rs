//! What a council member needs to check a source by hand: its public reference ("Quyết định
//! 45/2016/QĐ-TTg"), where it is applied (nationwide, in this province or elsewhere), its
//! text without Markdown marks, and the words that differ inside a near-copied passage.

use std::sync::LazyLock;
use std::time::Duration;

use regex::Regex;
use similar::{ChangeTag, TextDiff};

use crate::lang::Lang;
use crate::normalize::fold_key;

/// Kinds of Vietnamese legal and administrative documents a source may cite.
static REFERENCE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(Luật|Bộ luật|Nghị quyết|Nghị định|Quyết định|Thông tư liên tịch|Thông tư|Chỉ thị|Kế hoạch|Công văn|Hướng dẫn|Đề án)\s+(?:số\s+)?(\d+[\p{L}\d/.\-]*\d?[\p{L}\d/.\-]*)",
    )
    .ok()
});

/// The document a source's public origin cites, as councils write it: "Quyết định
/// 45/2016/QĐ-TTg". `None` when the origin names no numbered document.
pub fn reference(origin: &str) -> Option<String> {
    let re = REFERENCE.as_ref()?;
    re.captures_iter(origin).find_map(|c| {
        let kind = c.get(1)?.as_str();
        let number = c.get(2)?.as_str().trim_end_matches(['.', '-']);
        // A number with a slash is a document symbol ("45/2016/QĐ-TTg"), not a count.
        number
            .contains('/')
            .then(|| format!("{} {number}", capitalize(kind)))
    })
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

/// The province a contest belongs to, from its title ("… trên địa bàn tỉnh Lạng Sơn năm 2025"
/// → "Lạng Sơn").
pub fn contest_province(title: &str) -> Option<String> {
    static PROVINCE: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"(?:tỉnh|thành phố)\s+((?:\p{Lu}[\p{L}]*\s?)+)").ok());
    let re = PROVINCE.as_ref()?;
    re.captures_iter(title)
        .filter_map(|c| c.get(1))
        .map(|m| m.as_str().trim().to_string())
        .last()
}

/// Where a source is applied, said right: nationwide is not "in this province".
pub fn scope(scope: Option<&str>, contest_title: &str, lang: Lang) -> Option<String> {
    let scope = scope?.trim();
    if scope.is_empty() {
        return None;
    }
    let words = &lang.words().entry_page;
    let key = fold_key(scope);
    if key == "toan quoc" || key == "ca nuoc" || key == "nationwide" {
        return Some(words.scope_nationwide.to_string());
    }
    let here = contest_province(contest_title).map(|p| fold_key(&p));
    Some(match here {
        Some(here) if key.contains(&here) || here.contains(&key) => {
            (words.scope_in_province)(scope)
        }
        _ => (words.scope_elsewhere)(scope),
    })
}

/// A corpus text (Markdown) as a reader sees it: no heading marks, list bullets, emphasis
/// stars or link syntax. Used for display only; offsets always point into the stored text.
pub fn plain_text(markdown: &str) -> String {
    static LINK: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"!?\[([^\]]*)\]\([^)]*\)").ok());
    let mut out = String::with_capacity(markdown.len());
    for (i, line) in markdown.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let body = trimmed
            .trim_start_matches('#')
            .trim_start_matches('>')
            .trim_start();
        let body = if body.len() != trimmed.len() {
            body
        } else if let Some(rest) = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("* "))
            .or_else(|| trimmed.strip_prefix("+ "))
        {
            out.push_str(indent);
            out.push_str("• ");
            rest
        } else {
            out.push_str(indent);
            trimmed
        };
        let body = match LINK.as_ref() {
            Some(re) => re.replace_all(body, "$1").into_owned(),
            None => body.to_string(),
        };
        out.push_str(&body.replace("**", "").replace("__", "").replace('`', ""));
    }
    out
}

/// One stretch of a passage and whether it differs from the other side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffPiece<'a> {
    pub text: &'a str,
    pub changed: bool,
}

/// Word-level differences between a source passage and the entry's passage: the pieces of
/// each side, words found on one side only marked `changed`. Passages longer than
/// `MAX_DIFF_WORDS` words, or a diff that runs out of time, come back whole and unmarked.
pub fn word_diff<'a>(source: &'a str, entry: &'a str) -> (Vec<DiffPiece<'a>>, Vec<DiffPiece<'a>>) {
    const MAX_DIFF_WORDS: usize = 4_000;
    let whole = |text: &'a str| {
        vec![DiffPiece {
            text,
            changed: false,
        }]
    };
    let too_long = |t: &str| t.split_whitespace().count() > MAX_DIFF_WORDS;
    if too_long(source) || too_long(entry) {
        return (whole(source), whole(entry));
    }
    let diff = TextDiff::configure()
        .timeout(Duration::from_millis(250))
        .diff_words(source, entry);
    let mut left: Vec<DiffPiece<'a>> = Vec::new();
    let mut right: Vec<DiffPiece<'a>> = Vec::new();
    let push = |side: &mut Vec<DiffPiece<'a>>, text: &'a str, changed: bool| {
        // Whitespace is never "changed": only words are marked.
        let changed = changed && !text.trim().is_empty();
        side.push(DiffPiece { text, changed });
    };
    for change in diff.iter_all_changes() {
        let text: &'a str = change.value();
        match change.tag() {
            ChangeTag::Equal => {
                // Equal tokens come from `source`; the entry side holds the same text.
                push(&mut left, text, false);
                push(&mut right, text, false);
            }
            ChangeTag::Delete => push(&mut left, text, true),
            ChangeTag::Insert => push(&mut right, text, true),
        }
    }
    (left, right)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_the_cited_document() {
        assert_eq!(
            reference("Thủ tướng Chính phủ, Quyết định số 45/2016/QĐ-TTg về việc tiếp nhận hồ sơ")
                .as_deref(),
            Some("Quyết định 45/2016/QĐ-TTg")
        );
        assert_eq!(
            reference("Chính phủ, Nghị định 61/2018/NĐ-CP về một cửa").as_deref(),
            Some("Nghị định 61/2018/NĐ-CP")
        );
        assert_eq!(reference("Báo Nhân Dân, bài viết về bộ phận một cửa"), None);
        assert_eq!(reference("Quyết định 3 lần"), None);
    }

    #[test]
    fn scope_is_said_right() {
        let title =
            "Tìm kiếm ý tưởng, giải pháp cải cách hành chính trên địa bàn tỉnh Lạng Sơn năm 2025";
        assert_eq!(contest_province(title).as_deref(), Some("Lạng Sơn"));
        assert_eq!(
            scope(Some("toàn quốc"), title, Lang::Vi).as_deref(),
            Some("Toàn quốc")
        );
        assert_eq!(
            scope(Some("Lạng Sơn"), title, Lang::Vi).as_deref(),
            Some("Đã áp dụng trong tỉnh (Lạng Sơn)")
        );
        assert_eq!(
            scope(Some("Quảng Ninh"), title, Lang::Vi).as_deref(),
            Some("Đã áp dụng ở địa phương ngoài tỉnh (Quảng Ninh)")
        );
        assert_eq!(scope(None, title, Lang::Vi), None);
    }

    #[test]
    fn markdown_reads_as_text() {
        assert_eq!(
            plain_text("## Mô hình\n- **Một cửa** số\n[Cổng](https://x.gov.vn) dịch vụ"),
            "Mô hình\n• Một cửa số\nCổng dịch vụ"
        );
    }

    #[test]
    fn changed_words_are_marked_on_both_sides() {
        let (left, right) = word_diff("nhận hồ sơ tại nhà", "nhận giấy tờ tại nhà");
        let marked = |side: &[DiffPiece<'_>]| -> Vec<String> {
            side.iter()
                .filter(|p| p.changed)
                .map(|p| p.text.to_string())
                .collect()
        };
        assert_eq!(marked(&left), vec!["hồ", "sơ"]);
        assert_eq!(marked(&right), vec!["giấy", "tờ"]);
        let rebuilt: String = right.iter().map(|p| p.text).collect();
        assert_eq!(rebuilt, "nhận giấy tờ tại nhà");
    }
}
