//! Text that is never counted as copying: quotations and legal citations.
//!
//! Every entry to these contests cites the same decrees ("Căn cứ Nghị định số 61/2018/NĐ-CP
//! …") and quotes the same plan sentences; counting those would bury a council in false
//! alarms. Template documents and passages most entries share are excluded elsewhere
//! (`super::detect`), because they need the whole batch; wording many corpus documents share
//! is measured in the corpus statistics and decided by [`common_rule`].

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::fingerprint::stats::CommonRule;

/// Why a passage is left out of the similarity and originality figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// Matches a `template` corpus document (the contest's form, cover page, the plan).
    Template,
    /// Shared by more than `Thresholds::template_share` of all entries.
    AutoTemplate,
    /// Inside quotation marks.
    Quote,
    /// A legal basis or a reference to a legal document.
    Citation,
    /// Wording many corpus documents from several sources share ([`common_rule`]), measured.
    Common,
    /// The text of a legal document quoted right after citing it, and matching that document.
    LegalQuote,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Template => "template",
            Reason::AutoTemplate => "auto-template",
            Reason::Quote => "quote",
            Reason::Citation => "citation",
            Reason::Common => "common",
            Reason::LegalQuote => "legal-quote",
        }
    }

    /// What a council member reads.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match self {
            Reason::Template => lang.words().matching.excluded_template,
            Reason::AutoTemplate => lang.words().matching.excluded_auto_template,
            Reason::Quote => lang.words().matching.excluded_quote,
            Reason::Citation => lang.words().matching.excluded_citation,
            Reason::Common => lang.words().matching.excluded_common,
            Reason::LegalQuote => lang.words().matching.excluded_legal_quote,
        }
    }
}

/// The profile's "cụm từ phổ biến" rule, as [`CorpusStats::is_common`] applies it: wording
/// held by at least `common_min_docs` corpus documents, from at least `common_min_sources`
/// sources or by at least `common_min_share` of the corpus.
///
/// [`CorpusStats::is_common`]: crate::fingerprint::CorpusStats::is_common
pub fn common_rule(t: &super::Thresholds) -> CommonRule {
    CommonRule {
        min_docs: t.common_min_docs,
        min_sources: t.common_min_sources,
        min_share: t.common_min_share,
    }
}

/// Longest quotation taken as a quotation; an unclosed quote mark must not swallow an entry.
const MAX_QUOTE_BYTES: usize = 1500;

/// A citation: a pattern for its head, then the rest up to one of `stops` (at most `max_tail`
/// bytes; 0 = the head is all).
struct CitationRule {
    head: Regex,
    stops: &'static [char],
    max_tail: usize,
}

/// Heads are kept free of `\b` and of long bounded repeats so the regex engine stays on its
/// fast DFA path over Vietnamese text; the tails are found by a plain scan.
static CITATION_RULES: LazyLock<Vec<CitationRule>> = LazyLock::new(|| {
    let rule = |p: &str, stops: &'static [char], max_tail| {
        Regex::new(p).ok().map(|head| CitationRule {
            head,
            stops,
            max_tail,
        })
    };
    [
        // "Căn cứ …" up to the end of its clause: the legal-basis lines of any Vietnamese plan.
        rule(r"(?i)căn cứ", &['\n', ';'], 400),
        // A numbered legal document: "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018", and when
        // "của" follows, its issuer ("của Chính phủ").
        rule(
            r"(?i)(?:bộ luật|luật|nghị định|nghị quyết liên tịch|nghị quyết|quyết định|thông tư liên tịch|thông tư|chỉ thị|kế hoạch|công văn|văn bản|hướng dẫn|thông báo)\s+(?:số\s*)?\d+[\p{L}\d/\-.]*(?:\s+ngày\s+\d{1,2}(?:/|\s+tháng\s+)\d{1,2}(?:/|\s+năm\s+)\d{4})?",
            &[],
            0,
        ),
        rule(
            r"(?i)\d{4}\s+của\s",
            &['\n', ',', ';', '.', '(', ')'],
            60,
        ),
        // A law by name: "Luật Tổ chức chính quyền địa phương năm 2015".
        rule(
            r"(?:Bộ luật|Luật|Hiến pháp)\s+\p{Lu}",
            &['\n', ',', ';', '.', '(', ')', '“', '”'],
            70,
        ),
        // A document's number and symbol on its own, as lists of documents write it
        // ("TTLT 22/2016/TTLT-BNNPTNT-BTNMT", "số 1291/QĐ-TTg"): a year, or a symbol with a
        // hyphen, tells it from a date or a fraction.
        rule(
            r"\d{1,5}/(?:\d{4}/\p{Lu}[\p{L}\d]*(?:-[\p{L}\d]+)*|\p{Lu}[\p{L}\d]*(?:-[\p{L}\d]+)+)",
            &[],
            0,
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
});

/// Byte ranges of quotations and legal citations in `text`, sorted and merged.
pub fn quotes_and_citations(text: &str) -> Vec<(usize, usize, Reason)> {
    let mut spans = quotes(text);
    let mut citations = Vec::new();
    for (r, rule) in CITATION_RULES.iter().enumerate() {
        for m in rule.head.find_iter(text) {
            // "2018 của …" is an issuer only right after a cited document.
            if r == 2 && !citations.iter().any(|&(_, e, _)| e == m.start() + 4) {
                continue;
            }
            let end = tail_end(text, m.end(), rule.stops, rule.max_tail);
            citations.push((m.start(), end, Reason::Citation));
        }
    }
    // A numbered document's name goes on with its title ("… 22/2016/TTLT-BNNPTNT-BTNMT quy
    // định loại cây lâu năm được chứng nhận quyền sở hữu"): part of the citation.
    for c in &mut citations {
        if let Some(end) = title_end(text, c.1) {
            c.1 = end;
        }
    }
    spans.extend(citations);
    merge_spans(spans)
}

/// How a legal document's title (trích yếu) begins when it follows the document's number
/// without a separator: "Nghị định 61/2018/NĐ-CP về …", "… quy định …", "… hướng dẫn …".
const TITLE_OPENERS: [&str; 8] = [
    "về ",
    "quy định",
    "hướng dẫn",
    "sửa đổi",
    "ban hành",
    "bãi bỏ",
    "phê duyệt",
    "quy chế",
];
/// Longest title taken as part of a citation (bytes; some 40 words).
const MAX_TITLE_BYTES: usize = 240;

/// The end of the title right after a citation ending at `from`: after a separator (a dash or
/// a colon, as lists of documents write it) or when the next words open a title
/// ([`TITLE_OPENERS`]), the title runs to the end of its line or sentence. `None` when no
/// title follows.
fn title_end(text: &str, from: usize) -> Option<usize> {
    let rest = text.get(from..)?;
    // Emphasis marks and spaces between the number and what follows.
    let skip = |s: &str| s.len() - s.trim_start_matches([' ', '\t', '*', '_']).len();
    let mut at = from + skip(rest);
    let mut separated = false;
    let after = text.get(at..)?;
    for sep in ["—", "–", ":", "- "] {
        if let Some(tail) = after.strip_prefix(sep) {
            separated = true;
            at += sep.len();
            at += skip(tail);
            break;
        }
    }
    let title = text.get(at..)?;
    let head: String = title
        .chars()
        .take(12)
        .flat_map(char::to_lowercase)
        .collect();
    if !separated && !TITLE_OPENERS.iter().any(|o| head.starts_with(o)) {
        return None;
    }
    let end = tail_end(
        text,
        at,
        &['\n', ';', '.', '(', ')', '“', '”', '"'],
        MAX_TITLE_BYTES,
    );
    (end > at).then_some(end)
}

/// Where the clause starting at `from` ends: the first stop character, or about `max` bytes
/// on (at a character boundary).
fn tail_end(text: &str, from: usize, stops: &[char], max: usize) -> usize {
    let rest = text.get(from..).unwrap_or("");
    let mut end = from;
    for (i, c) in rest.char_indices() {
        if i >= max || stops.contains(&c) {
            break;
        }
        end = from + i + c.len_utf8();
    }
    end
}

/// Text between a pair of quotation marks (“…”, «…», "…") on one line.
fn quotes(text: &str) -> Vec<(usize, usize, Reason)> {
    let mut out = Vec::new();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let close = match c {
            '“' => '”',
            '«' => '»',
            '"' => '"',
            _ => continue,
        };
        let body_start = i + c.len_utf8();
        let rest = text.get(body_start..).unwrap_or("");
        let mut end = None;
        for (j, d) in rest.char_indices() {
            if j > MAX_QUOTE_BYTES || d == '\n' {
                break;
            }
            if d == close {
                end = Some(body_start + j);
                break;
            }
        }
        if let Some(end) = end {
            if end > body_start {
                out.push((body_start, end, Reason::Quote));
            }
            while iter.peek().is_some_and(|&(k, _)| k <= end) {
                iter.next();
            }
        }
    }
    out
}

/// A legal document's number and symbol: "61/2018/NĐ-CP", "1291/QĐ-TTg", "42/2013/QH13".
static DOCUMENT_NUMBER: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"\d{1,5}/(?:\d{4}/)?\p{Lu}[\p{L}\d]*(?:-[\p{L}\d]+)*").ok());

/// How far before a passage a citation still introduces it (bytes).
const CITATION_REACH: usize = 300;
/// How much of a corpus document's beginning holds its own number (the heading).
const HEADING_BYTES: usize = 3000;

fn numbers_in(text: &str) -> Vec<String> {
    let Some(re) = DOCUMENT_NUMBER.as_ref() else {
        return Vec::new();
    };
    let mut out: Vec<String> = re
        .find_iter(text)
        .map(|m| m.as_str().to_uppercase())
        .collect();
    out.sort();
    out.dedup();
    out
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Document numbers cited just before byte `at` of `text` (within a few lines): the legal
/// documents a passage starting there may be quoting ("theo quy định tại Điều 5 Nghị định
/// 61/2018/NĐ-CP: …"). Uppercased.
pub fn cited_numbers(text: &str, at: usize) -> Vec<String> {
    let end = floor_boundary(text, at);
    let start = floor_boundary(text, end.saturating_sub(CITATION_REACH));
    numbers_in(&text[start..end])
}

/// The numbers in a document's heading ("Số: 61/2018/NĐ-CP"), uppercased: what a citation
/// of it names.
pub fn document_numbers(text: &str) -> Vec<String> {
    numbers_in(&text[..floor_boundary(text, HEADING_BYTES)])
}

/// Sort and merge overlapping spans; where reasons differ the first (earliest) wins.
pub fn merge_spans(mut spans: Vec<(usize, usize, Reason)>) -> Vec<(usize, usize, Reason)> {
    spans.sort_by_key(|s| (s.0, s.1));
    let mut out: Vec<(usize, usize, Reason)> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.0 <= last.1 => last.1 = last.1.max(s.1),
            _ => out.push(s),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excluded(text: &str) -> Vec<&str> {
        quotes_and_citations(text)
            .into_iter()
            .map(|(s, e, _)| &text[s..e])
            .collect()
    }

    #[test]
    fn legal_basis_lines_are_citations() {
        let text = "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về một cửa;\nTôi đề xuất số hoá hồ sơ.";
        let got = excluded(text);
        assert_eq!(got.len(), 1);
        assert!(got[0].starts_with("Căn cứ Nghị định"));
        assert!(!got[0].contains("đề xuất"));
    }

    #[test]
    fn numbered_documents_and_laws_inside_sentences() {
        let text = "Theo Quyết định số 1291/QĐ-TTg ngày 07/10/2019 của Thủ tướng Chính phủ, và Luật Tổ chức chính quyền địa phương năm 2015, chúng tôi làm mới quy trình.";
        let got = excluded(text);
        assert!(
            got.iter()
                .any(|s| s.starts_with("Quyết định số 1291/QĐ-TTg ngày 07/10/2019 của Thủ tướng"))
        );
        assert!(
            got.iter()
                .any(|s| s.starts_with("Luật Tổ chức chính quyền"))
        );
        assert!(!got.iter().any(|s| s.contains("làm mới")));
        // "pháp luật" in running text is not a law's name.
        assert!(excluded("tuân thủ pháp luật về đất đai").is_empty());
    }

    #[test]
    fn a_document_number_with_its_title_is_one_citation() {
        // A list of documents: the number (no "Thông tư" before it) and, after a dash, the title.
        let text = "3. **TTLT 22/2016/TTLT-BNNPTNT-BTNMT** — loại cây lâu năm được chứng nhận quyền sở hữu\nNội dung của chúng tôi.";
        assert_eq!(
            excluded(text),
            ["22/2016/TTLT-BNNPTNT-BTNMT** — loại cây lâu năm được chứng nhận quyền sở hữu"]
        );
        // A title opened by "về" or "quy định" runs to the end of its sentence, no further.
        let text = "Thông tư liên tịch 22/2016/TTLT-BNNPTNT-BTNMT quy định loại cây lâu năm. Chúng tôi đề xuất số hoá.";
        assert_eq!(
            excluded(text),
            ["Thông tư liên tịch 22/2016/TTLT-BNNPTNT-BTNMT quy định loại cây lâu năm"]
        );
        let text = "Theo Nghị định số 61/2018/NĐ-CP về thực hiện cơ chế một cửa; đơn vị làm mới quy trình.";
        assert_eq!(
            excluded(text),
            ["Nghị định số 61/2018/NĐ-CP về thực hiện cơ chế một cửa"]
        );
        // A number followed by the entry's own words: only the number is a citation.
        let text = "Mẫu 1291/QĐ-TTg bộ phận một cửa tiếp nhận hồ sơ.";
        assert_eq!(excluded(text), ["1291/QĐ-TTg"]);
        // A date or a fraction is not a document number.
        assert!(excluded("ngày 14/8/2015 ban hành, tỷ lệ 2/3 về đích").is_empty());
    }

    #[test]
    fn cited_numbers_before_a_passage_and_in_a_heading() {
        let entry =
            "Theo quy định tại Điều 5 Nghị định số 61/2018/NĐ-CP: bộ phận một cửa tiếp nhận hồ sơ.";
        let at = entry.find("bộ phận").unwrap_or(0);
        assert_eq!(cited_numbers(entry, at), ["61/2018/NĐ-CP"]);
        assert!(cited_numbers(entry, 3).is_empty());
        let law = "CHÍNH PHỦ\nSố: 61/2018/NĐ-CP\nNGHỊ ĐỊNH\nVề thực hiện cơ chế một cửa";
        assert_eq!(document_numbers(law), ["61/2018/NĐ-CP"]);
    }

    #[test]
    fn the_common_rule_comes_from_the_profile_and_is_explained() {
        let t = super::super::Thresholds::default();
        assert_eq!(
            common_rule(&t),
            CommonRule {
                min_docs: 5,
                min_sources: 2,
                min_share: 0.01
            }
        );
        let vi = t.explain(crate::Lang::Vi);
        assert!(
            vi.contains(
                "có ở từ 5 tài liệu của kho đối chiếu, thuộc từ 2 nguồn hoặc chiếm từ 1% kho"
            ),
            "{vi}"
        );
        let en = t.explain(crate::Lang::En);
        assert!(
            en.contains("5+ corpus documents share (from 2+ sources or 1%+ of the corpus)"),
            "{en}"
        );
        // The share path turned off is not mentioned.
        let off = super::super::Thresholds {
            common_min_share: 0.0,
            ..t
        };
        assert!(
            off.explain(crate::Lang::En)
                .contains("share (from 2+ sources),")
        );
        assert!(!off.explain(crate::Lang::Vi).contains("chiếm từ"));
    }

    #[test]
    fn quotations_but_not_unclosed_quote_marks() {
        let text =
            "Khẩu hiệu “Lấy người dân làm trung tâm” và \"one stop\" nhé. Dấu “ mở không đóng\nrồi";
        let got = excluded(text);
        assert_eq!(got, ["Lấy người dân làm trung tâm", "one stop"]);
    }
}
