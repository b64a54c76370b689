//! `entries/<id>.html`: one entry's originality report — summary, sources with their share,
//! matched passages side by side with the source, the full text with each source's passages
//! in its colour and excluded passages marked, then form checks and eligibility findings.
//! No script at all; it prints to PDF from any browser (A4, colours kept).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{document, entry_page_names, share_bar};
use crate::lang::Lang;
use crate::report::escape::html as esc;
use crate::report::model::{CheckView, EntryReport, EntryStatus, Report};
use crate::report::passages::{self, source_shares};
use crate::report::words::{self, Captions};
use crate::report::write::write_atomic;
use crate::report::{ReportError, Reporter};

/// Colours cycle after this many sources (classes `src-0` … `src-9`).
const PALETTE: usize = 10;

pub struct EntryPagesReporter;

impl Reporter for EntryPagesReporter {
    fn name(&self) -> &'static str {
        "entries/*.html"
    }

    fn write(
        &self,
        report: &Report,
        out_dir: &Path,
        lang: Lang,
    ) -> Result<Vec<PathBuf>, ReportError> {
        let dir = out_dir.join("entries");
        std::fs::create_dir_all(&dir).map_err(|e| ReportError::io(&dir, e))?;
        // One page per entry, rendered and written in parallel: a contest of a thousand
        // entries is a thousand files.
        let names = entry_page_names(report);
        report
            .entries
            .par_iter()
            .enumerate()
            .map(|(at, entry)| {
                let name = names.get(at).map_or("entries/entry.html", String::as_str);
                let path = out_dir.join(name);
                let nav = Neighbours {
                    previous: at.checked_sub(1).and_then(|p| names.get(p)),
                    next: names.get(at + 1),
                };
                write_atomic(&path, render(report, entry, nav, lang).as_bytes())?;
                Ok(path)
            })
            .collect::<Result<Vec<PathBuf>, ReportError>>()
    }
}

/// The pages before and after this one (`entries/<name>.html`), for reading entry by entry.
#[derive(Debug, Clone, Copy, Default)]
pub struct Neighbours<'a> {
    pub previous: Option<&'a String>,
    pub next: Option<&'a String>,
}

/// A link to a sibling page: pages sit in the same folder, so the file name is enough.
fn sibling(page: &str) -> &str {
    page.rsplit('/').next().unwrap_or(page)
}

/// One entry's page as an HTML string.
pub fn render(report: &Report, entry: &EntryReport, nav: Neighbours<'_>, lang: Lang) -> String {
    let c = Captions::new(lang);
    let mut body = String::new();
    let heading = lang.pick("Báo cáo tỷ lệ nguyên gốc", "Originality report");
    let name = entry.title.as_deref().unwrap_or(&entry.id);
    let contest = if report.contest.name.is_empty() {
        report.profile.as_str()
    } else {
        report.contest.name.as_str()
    };
    let _ = write!(
        body,
        "<header class=\"top\"><div class=\"sub\"><a href=\"../index.html\">← {}</a></div>\
         <h1>{}: {}</h1><div class=\"sub\">{}</div></header>\n<main>\n",
        esc(lang.pick("Bảng tổng hợp", "Dashboard")),
        esc(heading),
        esc(name),
        esc(contest),
    );

    body.push_str(&summary(entry, lang, c));
    if entry.status == EntryStatus::Error {
        let _ = writeln!(
            body,
            "<section><h2>{}</h2><div class=\"error-box\">{}</div></section>",
            esc(&words::flag_name("ERROR", lang)),
            esc(entry.error.as_deref().unwrap_or("")),
        );
    }
    if !entry.flags.is_empty() {
        let _ = write!(
            body,
            "<section><h2>{}</h2><ul class=\"flags\">",
            esc(c.flags)
        );
        for flag in &entry.flags {
            let _ = write!(
                body,
                "<li><span class=\"chip flag\">{}</span> {}{}</li>",
                esc(&words::flag_name(&flag.code, lang)),
                esc(&flag.message),
                if flag.evidence.is_empty() {
                    String::new()
                } else {
                    format!(" <span class=\"small\">({})</span>", esc(&flag.evidence))
                }
            );
        }
        body.push_str("</ul></section>\n");
    }
    if entry.status == EntryStatus::Ok {
        body.push_str(&sources(report, entry, lang, c));
    }
    if !entry.matches.is_empty() {
        body.push_str(&side_by_side(entry, report.thresholds.max_panes, lang, c));
    }
    if !entry.text.is_empty() {
        body.push_str(&full_text(entry, lang, c));
    }
    body.push_str(&checks_table(
        lang.pick("Kiểm tra hình thức và nội dung", "Form and content checks"),
        &entry.checks,
        lang,
        c,
    ));
    body.push_str(&checks_table(
        lang.pick("Điều kiện dự thi", "Eligibility"),
        &entry.eligibility,
        lang,
        c,
    ));
    body.push_str("<p class=\"pager no-print\">");
    if let Some(previous) = nav.previous {
        let _ = write!(
            body,
            "<a href=\"{}\">← {}</a>",
            esc(sibling(previous)),
            esc(lang.pick("Bài trước", "Previous entry"))
        );
    }
    let _ = write!(
        body,
        "<a href=\"../index.html\">{}</a>",
        esc(lang.pick("Bảng tổng hợp", "Dashboard"))
    );
    if let Some(next) = nav.next {
        let _ = write!(
            body,
            "<a href=\"{}\">{} →</a>",
            esc(sibling(next)),
            esc(lang.pick("Bài sau", "Next entry"))
        );
    }
    body.push_str("</p>\n");
    let _ = writeln!(
        body,
        "</main>\n<footer>soloai · {} · {} · {}</footer>",
        esc(&report.profile),
        esc(&report.generated_at),
        esc(&entry.file)
    );
    document(lang, &format!("{heading} — {name}"), &body, None)
}

fn summary(entry: &EntryReport, lang: Lang, c: &Captions) -> String {
    let band = words::band(entry.originality);
    let mut out = String::from("<section><div class=\"summary\">");
    let _ = write!(
        out,
        "<div><div class=\"small\">{}</div><div class=\"big {band}\">{}</div>{}<div class=\"small\">{}: {}</div></div>",
        esc(c.originality),
        entry
            .originality
            .map_or_else(|| "—".to_string(), words::percent),
        share_bar(entry.originality, band),
        esc(c.similarity),
        entry
            .originality
            .map_or_else(|| "—".to_string(), |o| words::percent(1.0 - o)),
    );
    out.push_str("<dl class=\"facts\">");
    let mut fact = |label: &str, value: &str| {
        let _ = write!(out, "<dt>{}</dt><dd>{}</dd>", esc(label), esc(value));
    };
    let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".to_string());
    fact(c.id, &entry.id);
    fact(c.title, &dash(&entry.title));
    fact(c.file, &entry.file);
    fact(
        c.authors,
        &if entry.authors.is_empty() {
            "—".to_string()
        } else {
            entry.authors.join("; ")
        },
    );
    fact(c.unit, &dash(&entry.unit));
    fact(c.receiving_point, &dash(&entry.receiving_point));
    fact(c.submitted, &dash(&entry.submitted));
    fact(
        c.declared_area,
        &entry
            .declared_area
            .as_deref()
            .map_or_else(|| "—".to_string(), |a| words::area(a, lang)),
    );
    fact(
        lang.pick("Lĩnh vực (phát hiện)", "Area (detected)"),
        &match (&entry.area, entry.area_confidence) {
            (Some(a), Some(conf)) => format!(
                "{} ({} {})",
                words::area(a, lang),
                lang.pick("độ tin cậy", "confidence"),
                words::percent(conf)
            ),
            (Some(a), None) => words::area(a, lang),
            _ => "—".to_string(),
        },
    );
    if let Some(ocr) = &entry.ocr {
        fact(
            lang.pick("Đọc bằng OCR", "Read by OCR"),
            &format!(
                "{} {} — {}, {} {}",
                lang.pick("trang", "pages"),
                ocr.pages
                    .iter()
                    .map(usize::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
                ocr.engine,
                lang.pick("độ tin cậy", "confidence"),
                words::percent(ocr.confidence)
            ),
        );
    }
    out.push_str("</dl><dl class=\"facts\">");
    let _ = write!(
        out,
        "<dt>{}</dt><dd><span class=\"badge {}\">{}</span></dd><dt>{}</dt><dd>{}</dd></dl>",
        esc(c.verdict),
        entry.verdict.code(),
        esc(entry.verdict.label(lang)),
        esc(c.forward),
        esc(if entry.forward { c.yes } else { c.no }),
    );
    out.push_str("</div></section>\n");
    out
}

fn sources(report: &Report, entry: &EntryReport, lang: Lang, c: &Captions) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<section><h2>{}</h2>",
        esc(lang.pick("Nguồn trùng", "Sources"))
    );
    if entry.matches.is_empty() {
        let _ = write!(
            out,
            "<p>{}</p>",
            esc(lang.pick(
                "Không tìm thấy nguồn trùng.",
                "No matching source was found."
            ))
        );
    } else {
        let shares = source_shares(entry);
        let _ = write!(
            out,
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            esc(c.source),
            esc(lang.pick("Loại nguồn", "Source kind")),
            esc(lang.pick("Mức độ", "Kind of match")),
            esc(lang.pick("Điểm", "Score")),
            esc(lang.pick("Tỷ lệ trong bài", "Share of entry")),
        );
        for (i, m) in entry.matches.iter().enumerate() {
            let share = shares.get(i).copied().unwrap_or(0.0);
            let _ = write!(
                out,
                "<tr><td><span class=\"swatch src-{}\"></span>{}<div class=\"file\">{}</div></td><td>{}</td><td>{}</td>\
                 <td class=\"num\">{}</td><td class=\"num\">{}{}</td></tr>",
                i % PALETTE,
                esc(m.source_title.as_deref().unwrap_or(&m.source)),
                if m.source_title.is_some() {
                    esc(&m.source).into_owned()
                } else {
                    String::new()
                },
                esc(&words::source_kind(m.source_kind.as_deref(), lang)),
                esc(&words::match_kind(&m.kind, lang)),
                words::percent(m.score),
                words::percent(share),
                share_bar(Some(share), "red"),
            );
        }
        out.push_str("</tbody></table>");
    }
    let _ = writeln!(
        out,
        "<p class=\"note\">{}</p></section>",
        esc(&words::thresholds_sentence(&report.thresholds, lang))
    );
    out
}

/// Side-by-side panes for the `max_panes` largest sources only (matches come largest share
/// first); every source stays listed in the sources table.
fn side_by_side(entry: &EntryReport, max_panes: usize, lang: Lang, c: &Captions) -> String {
    let mut out = String::new();
    let _ = write!(out, "<section><h2>{}</h2>", esc(c.matched_passage));
    if entry.matches.len() > max_panes {
        let _ = write!(
            out,
            "<p class=\"note\">{}</p>",
            esc(&lang
                .pick(
                    "Chỉ hiện {n} nguồn trùng nhiều nhất; {m} nguồn khác có trong bảng nguồn trùng.",
                    "Only the {n} largest sources are shown; {m} more are in the sources table."
                )
                .replace("{n}", &max_panes.to_string())
                .replace("{m}", &(entry.matches.len() - max_panes).to_string()))
        );
    }
    for (i, m) in entry.matches.iter().enumerate().take(max_panes) {
        let _ = write!(
            out,
            "<h3><span class=\"swatch src-{}\"></span>{} <span class=\"small\">— {}</span></h3>",
            i % PALETTE,
            esc(m.source_title.as_deref().unwrap_or(&m.source)),
            esc(&words::match_kind(&m.kind, lang)),
        );
        if m.spans.is_empty() {
            let _ = write!(
                out,
                "<p class=\"note\">{}</p>",
                esc(lang.pick(
                    "Trùng về ý tưởng, không có đoạn văn trùng nguyên văn.",
                    "Same idea; no passage matches word for word."
                ))
            );
        }
        for span in &m.spans {
            let entry_passage = passages::slice(&entry.text, span.entry_start, span.entry_end);
            let source_passage = if span.source_text.is_empty() {
                lang.pick("(không có văn bản nguồn)", "(source text not available)")
            } else {
                span.source_text.as_str()
            };
            let _ = write!(
                out,
                "<div class=\"pair\"><div><span class=\"cap\">{} · {}–{}</span><mark class=\"src-{}\">{}</mark></div>\
                 <div><span class=\"cap\">{} · {}–{}</span>{}</div></div>",
                esc(lang.pick("Bài dự thi", "Entry")),
                span.entry_start,
                span.entry_end,
                i % PALETTE,
                esc(entry_passage),
                esc(c.source),
                span.source_start,
                span.source_end,
                esc(source_passage),
            );
        }
    }
    out.push_str("</section>\n");
    out
}

fn full_text(entry: &EntryReport, lang: Lang, c: &Captions) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<section><h2>{}</h2><p class=\"legend\">",
        esc(lang.pick("Toàn văn bài dự thi", "Full text of the entry"))
    );
    for (i, m) in entry.matches.iter().enumerate() {
        let _ = write!(
            out,
            "<span><span class=\"swatch src-{}\"></span>{}</span>",
            i % PALETTE,
            esc(m.source_title.as_deref().unwrap_or(&m.source))
        );
    }
    let _ = write!(
        out,
        "<span><span class=\"swatch excluded\"></span>{}</span></p><div class=\"fulltext\">",
        esc(c.excluded_passage)
    );
    for piece in passages::pieces(entry) {
        let text = esc(piece.text);
        if piece.excluded {
            let title = match passages::excluded_reason_at(entry, piece.start) {
                Some(reason) => format!(
                    "{} ({})",
                    c.excluded_passage,
                    words::excluded_reason(reason, lang)
                ),
                None => c.excluded_passage.to_string(),
            };
            let _ = write!(
                out,
                "<span class=\"excluded\" title=\"{}\">{text}</span>",
                esc(&title)
            );
        } else if let Some(&first) = piece.sources.first() {
            let names: Vec<&str> = piece
                .sources
                .iter()
                .filter_map(|&s| entry.matches.get(s))
                .map(|m| m.source_title.as_deref().unwrap_or(&m.source))
                .collect();
            let _ = write!(
                out,
                "<mark class=\"src-{}\" title=\"{}\">{text}</mark>",
                first % PALETTE,
                esc(&names.join(" · "))
            );
        } else {
            out.push_str(&text);
        }
    }
    out.push_str("</div></section>\n");
    out
}

fn checks_table(title: &str, checks: &[CheckView], lang: Lang, c: &Captions) -> String {
    if checks.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    let _ = write!(
        out,
        "<section><h2>{}</h2><table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        esc(title),
        esc(lang.pick("Tiêu chí", "Rule")),
        esc(lang.pick("Kết quả", "Verdict")),
        esc(c.evidence),
    );
    for check in checks {
        let _ = write!(
            out,
            "<tr><td>{}<div class=\"small\">{}</div></td><td><span class=\"badge {}\">{}</span></td><td>{}</td></tr>",
            esc(&words::check_name(&check.code, lang)),
            esc(&check.code),
            check.verdict.code(),
            esc(check.verdict.label(lang)),
            esc(&check.evidence),
        );
    }
    out.push_str("</tbody></table></section>\n");
    out
}
