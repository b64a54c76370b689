//! From glyphs to lines, words, runs and paragraphs, and the header and footer bands.
//!
//! Spaces come from geometry only: a space glyph, or a gap wider than a fraction of the font
//! size. Never from a font switch or an operator boundary, which is what splits LibreOffice's
//! "Phụ lục" into "Ph ụ lục" when it falls back to another font for one letter (issue 3).

use std::rc::Rc;
use std::sync::LazyLock;

use regex::Regex;

use super::font::PdfFont;
use super::walker::Glyph;
use crate::model::{Band, BlockKind, LegacyEncoding, Paragraph, PrintedPageNumber, Run};
use crate::normalize::legacy;

/// A gap wider than this share of the font size between two glyphs is a space. Letters sit
/// within ±0.05 em of each other (kerning); the narrowest justified space is about 0.2 em.
const SPACE_GAP: f32 = 0.15;
/// Glyphs whose baselines differ by less than this share of the size are on one line.
const SAME_LINE: f32 = 0.4;
/// Height share of the page, at the top and at the bottom, where headers and footers live.
pub const BAND: f32 = 0.08;
/// Within a band, a gap wider than this many font sizes separates two pieces of text (a
/// header on the left, the page number on the right).
const BAND_PIECE_GAP: f32 = 1.5;

#[derive(Debug, Clone)]
pub struct Line {
    pub runs: Vec<Run>,
    pub y: f32,
    pub x0: f32,
    pub x1: f32,
    pub size: f32,
    /// Pieces of the line separated by wide gaps: `(text, x centre)`.
    pub pieces: Vec<(String, f32)>,
}

impl Line {
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// What layout made of one page.
#[derive(Debug, Default)]
pub struct PageLayout {
    /// Body lines, top to bottom; paragraphs are made once all pages are read, so that the
    /// margins and line spacing come from the whole document.
    pub body: Vec<Line>,
    pub header_lines: Vec<Line>,
    pub footer_lines: Vec<Line>,
    pub printed_number: Option<PrintedPageNumber>,
    pub legacy: Option<LegacyEncoding>,
}

/// Lay out one page whose visible box runs from `bottom` to `top` (user space).
pub fn layout_page(glyphs: Vec<Glyph>, bottom: f32, top: f32) -> PageLayout {
    let mut legacy = None;
    let lines = group_lines(glyphs, &mut legacy);
    let mut out = layout_lines(lines, bottom, top);
    out.legacy = legacy;
    out
}

/// Split a page's lines, top to bottom, into header band, body and footer band (lines read
/// from glyphs, or from OCR words on a scanned page).
pub fn layout_lines(lines: Vec<Line>, bottom: f32, top: f32) -> PageLayout {
    let height = (top - bottom).abs().max(1.0);
    let mut out = PageLayout::default();
    // A line in a band is a header or footer only if it stands apart from the body: the
    // first line of a cover title can sit in the top 8% of a page with narrow margins.
    let header_end = lines
        .iter()
        .position(|l| l.y <= top - BAND * height)
        .unwrap_or(lines.len());
    let footer_start = lines
        .iter()
        .rposition(|l| l.y >= bottom + BAND * height)
        .map_or(0, |i| i + 1)
        .max(header_end);
    let mut header_end = header_end;
    while header_end > 0 {
        let (above, below) = (&lines[header_end - 1], lines.get(header_end));
        match below {
            Some(b) if !stands_apart(above, b) => header_end -= 1,
            _ => break,
        }
    }
    let mut footer_start = footer_start;
    while footer_start < lines.len() && footer_start > header_end {
        let (above, below) = (&lines[footer_start - 1], &lines[footer_start]);
        if stands_apart(above, below) {
            break;
        }
        footer_start += 1;
    }
    for (i, line) in lines.into_iter().enumerate() {
        if i < header_end {
            out.header_lines.push(line);
        } else if i >= footer_start {
            out.footer_lines.push(line);
        } else {
            out.body.push(line);
        }
    }
    out
}

impl PageLayout {
    /// The page number printed in the footer, else in the header.
    pub fn find_printed_number(&mut self) {
        self.printed_number = find_page_number(&self.footer_lines, Band::Bottom)
            .or_else(|| find_page_number(&self.header_lines, Band::Top));
    }

    /// Whether a band holds a page number (without setting it).
    pub fn has_printed_number(&self) -> bool {
        find_page_number(&self.footer_lines, Band::Bottom).is_some()
            || find_page_number(&self.header_lines, Band::Top).is_some()
    }

    /// Lines read again from an edge band of a scanned page (OCR): they become that band
    /// when they hold a page number the first reading missed.
    pub fn adopt_band(&mut self, lines: Vec<Line>, top: bool) {
        let band = if top { Band::Top } else { Band::Bottom };
        let holds = |l: &Line| find_page_number(std::slice::from_ref(l), band).is_some();
        // Only the line with the number and those nearer the edge: body lines that reach
        // into the band stay body.
        let mut lines = lines;
        let kept: Vec<Line> = if top {
            let Some(i) = lines.iter().position(holds) else {
                return;
            };
            lines.truncate(i + 1);
            lines
        } else {
            let Some(i) = lines.iter().rposition(holds) else {
                return;
            };
            lines.split_off(i)
        };
        // Lines the first reading took for body are dropped from the body.
        let texts: Vec<String> = kept.iter().map(Line::text).collect();
        self.body.retain(|l| !texts.contains(&l.text()));
        if top {
            self.header_lines = kept;
        } else {
            self.footer_lines = kept;
        }
    }
}

/// What a line says once its numbers are taken out: "Trang 3" and "Trang 4" are one header.
fn repeat_key(line: &Line) -> String {
    line.text()
        .chars()
        .filter(|c| !c.is_ascii_digit())
        .collect::<String>()
        .trim()
        .to_string()
}

/// Headers and footers set outside the 8% bands (wide margins) are found by repetition: the
/// first or last body line of a page whose text, numbers aside, opens or closes at least half
/// of the pages (and two or more) moves to the header or footer. A lone page number closing
/// the body counts as repeated too.
pub fn promote_repeated_lines(pages: &mut [(PageLayout, bool)]) {
    use std::collections::HashMap;
    let texted = pages.iter().filter(|(p, _)| !p.body.is_empty()).count();
    if texted < 2 {
        return;
    }
    let needed = texted.div_ceil(2).max(2);
    for top in [true, false] {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for (p, _) in pages.iter() {
            let line = if top { p.body.first() } else { p.body.last() };
            if let Some(l) = line {
                *counts.entry(repeat_key(l)).or_default() += 1;
            }
        }
        for (p, _) in pages.iter_mut() {
            // Never empty a page's body for this.
            if p.body.len() < 2 {
                continue;
            }
            let line = if top { p.body.first() } else { p.body.last() };
            let Some(l) = line else {
                continue;
            };
            let key = repeat_key(l);
            let lone_number = key.is_empty() || parse_page_number(&l.text()).is_some();
            let repeated = counts.get(&key).is_some_and(|n| *n >= needed);
            if !repeated || (key.is_empty() && !lone_number) {
                continue;
            }
            if top {
                let l = p.body.remove(0);
                p.header_lines.push(l);
            } else if let Some(l) = p.body.pop() {
                p.footer_lines.insert(0, l);
            }
        }
    }
}

/// Two lines are apart when the gap between them is wider than one and a half lines, or
/// when either is a lone page number.
fn stands_apart(above: &Line, below: &Line) -> bool {
    let em = above.size.max(below.size).max(1.0);
    above.y - below.y > 1.6 * em
        || parse_page_number(&above.text()).is_some()
        || parse_page_number(&below.text()).is_some()
}

fn group_lines(mut glyphs: Vec<Glyph>, legacy_seen: &mut Option<LegacyEncoding>) -> Vec<Line> {
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y));
    let mut groups: Vec<Vec<Glyph>> = Vec::new();
    for g in glyphs {
        match groups.last_mut() {
            Some(group)
                if group.first().is_some_and(|first| {
                    (first.y - g.y).abs() <= SAME_LINE * first.size.max(g.size).max(1.0)
                }) =>
            {
                group.push(g)
            }
            _ => groups.push(vec![g]),
        }
    }
    groups
        .into_iter()
        .filter_map(|mut group| {
            group.sort_by(|a, b| a.x.total_cmp(&b.x));
            build_line(group, legacy_seen)
        })
        .collect()
}

/// A run being built, with the font it is in (legacy decoding needs the whole run).
struct RunBuilder {
    text: String,
    font: Rc<PdfFont>,
    size: f32,
}

fn round_size(size: f32) -> f32 {
    (size * 10.0).round() / 10.0
}

fn build_line(group: Vec<Glyph>, legacy_seen: &mut Option<LegacyEncoding>) -> Option<Line> {
    let first = group.first()?;
    let y = first.y;
    let mut size: f32 = 0.0;
    let mut x0 = f32::INFINITY;
    let mut x1 = f32::NEG_INFINITY;
    let mut builders: Vec<RunBuilder> = Vec::new();
    let mut pieces: Vec<(String, f32, f32)> = Vec::new();
    let mut prev: Option<&Glyph> = None;
    let mut pending_space = false;
    for g in &group {
        if g.text.chars().all(char::is_whitespace) {
            pending_space = true;
            continue;
        }
        // Fake bold draws each glyph twice, a hair apart.
        if let Some(p) = prev
            && p.text == g.text
            && (p.x - g.x).abs() < 0.1 * g.size.max(1.0)
        {
            continue;
        }
        let mut new_piece = false;
        if let Some(p) = prev {
            let gap = g.x - (p.x + p.width);
            let em = g.size.min(p.size).max(1.0);
            if gap > BAND_PIECE_GAP * em {
                new_piece = true;
            }
            if pending_space || gap > SPACE_GAP * em {
                if let Some(b) = builders.last_mut()
                    && !b.text.ends_with(' ')
                {
                    b.text.push(' ');
                }
                if !new_piece && let Some(piece) = pieces.last_mut() {
                    piece.0.push(' ');
                }
            }
        }
        pending_space = false;
        if new_piece || pieces.is_empty() {
            pieces.push((String::new(), g.x, g.x + g.width));
        }
        if let Some(piece) = pieces.last_mut() {
            piece.0.push_str(&g.text);
            piece.2 = g.x + g.width;
        }
        let rs = round_size(g.size);
        match builders.last_mut() {
            Some(b) if Rc::ptr_eq(&b.font, &g.font) && b.size == rs => b.text.push_str(&g.text),
            Some(b)
                if b.font.family == g.font.family
                    && b.font.bold == g.font.bold
                    && b.font.italic == g.font.italic
                    && b.font.legacy == g.font.legacy
                    && b.size == rs =>
            {
                b.text.push_str(&g.text)
            }
            _ => builders.push(RunBuilder {
                text: g.text.clone(),
                font: g.font.clone(),
                size: rs,
            }),
        }
        size = size.max(g.size);
        x0 = x0.min(g.x);
        x1 = x1.max(g.x + g.width);
        prev = Some(g);
    }
    if builders.is_empty() {
        return None;
    }
    if let Some(b) = builders.last_mut() {
        let trimmed = b.text.trim_end().len();
        b.text.truncate(trimmed);
    }
    let runs = builders
        .into_iter()
        .map(|b| {
            let text = match b.font.legacy {
                // Some converters already map a .Vn font's codes to Unicode Vietnamese in the
                // ToUnicode table; decoding those again would garble them.
                Some(_) if b.text.chars().any(is_unicode_vietnamese) => b.text,
                Some((enc, upper)) => {
                    *legacy_seen = Some(enc);
                    legacy::decode(&b.text, enc, upper)
                }
                None => b.text,
            };
            Run {
                text,
                font: Some(b.font.family.clone()),
                size_pt: Some(b.size),
                bold: b.font.bold,
                italic: b.font.italic,
            }
        })
        .collect();
    Some(Line {
        runs,
        y,
        x0,
        x1,
        size,
        pieces: pieces
            .into_iter()
            .map(|(t, a, b)| (t.trim().to_string(), (a + b) / 2.0))
            .collect(),
    })
}

/// Letters beyond Latin-1 that only Unicode Vietnamese text holds (ă ơ ư đ and the toned
/// letters of Latin Extended Additional); legacy text read as Windows-1252 never does.
fn is_unicode_vietnamese(c: char) -> bool {
    matches!(
        c,
        '\u{102}'
            | '\u{103}'
            | '\u{110}'
            | '\u{111}'
            | '\u{1a0}'
            | '\u{1a1}'
            | '\u{1af}'
            | '\u{1b0}'
    ) || ('\u{1ea0}'..='\u{1ef9}').contains(&c)
}

fn median(mut v: Vec<f32>) -> Option<f32> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f32::total_cmp);
    v.get(v.len() / 2).copied()
}

/// Paragraphs from the body lines of every page, `(page index, lines)`. Margins and line
/// spacing are measured over the whole document: a cover page of short centred lines has
/// no full line of its own to measure against.
pub fn paragraphs(pages: &[(usize, Vec<Line>)]) -> Vec<Paragraph> {
    let ratio = median(
        pages
            .iter()
            .flat_map(|(_, lines)| lines.windows(2))
            .map(|w| (w[0].y - w[1].y) / w[0].size.max(w[1].size).max(1.0))
            .filter(|r| *r > 0.5 && *r < 3.0)
            .collect(),
    )
    .unwrap_or(1.2);
    let all = || pages.iter().flat_map(|(_, l)| l.iter());
    let left = percentile(all().map(|l| l.x0).collect(), 0.1).unwrap_or(0.0);
    let right = percentile(all().map(|l| l.x1).collect(), 0.9).unwrap_or(0.0);
    let mut out = Vec::new();
    for (page, lines) in pages {
        out.extend(page_paragraphs(lines, *page, ratio, left, right));
    }
    out
}

fn percentile(mut v: Vec<f32>, q: f32) -> Option<f32> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f32::total_cmp);
    let i = ((v.len() - 1) as f32 * q).round() as usize;
    v.get(i).copied()
}

fn page_paragraphs(
    lines: &[Line],
    page: usize,
    ratio: f32,
    left: f32,
    right: f32,
) -> Vec<Paragraph> {
    let mut out: Vec<(Paragraph, usize)> = Vec::new();
    let mut prev: Option<&Line> = None;
    for line in lines {
        let starts_new = match prev {
            None => true,
            Some(p) => {
                let em = line.size.max(p.size).max(1.0);
                let gap = p.y - line.y;
                let pitch = ratio * em;
                gap > pitch + 0.25 * em
                    || gap < 0.5 * em
                    || (line.x0 > p.x0 + 0.8 * em && line.x0 > left + 0.8 * em)
                    || p.x1 < right - 4.0 * em
            }
        };
        if starts_new {
            out.push((
                Paragraph {
                    runs: Vec::new(),
                    kind: BlockKind::Body,
                    style: None,
                    page,
                    text_start: 0,
                },
                0,
            ));
        }
        if let Some((para, count)) = out.last_mut() {
            if !para.runs.is_empty() {
                join_line_break(&mut para.runs);
            }
            for run in &line.runs {
                match para.runs.last_mut() {
                    Some(last) if same_format(last, run) => last.text.push_str(&run.text),
                    _ => para.runs.push(run.clone()),
                }
            }
            *count += 1;
        }
        prev = Some(line);
    }
    out.into_iter()
        .map(|(mut p, lines)| {
            // A single line set all in bold is how a heading looks on paper.
            if lines == 1
                && p.runs.iter().all(|r| r.bold || r.text.trim().is_empty())
                && p.runs.iter().any(|r| !r.text.trim().is_empty())
            {
                p.kind = BlockKind::Heading;
            }
            p
        })
        .collect()
}

fn same_format(a: &Run, b: &Run) -> bool {
    a.font == b.font && a.size_pt == b.size_pt && a.bold == b.bold && a.italic == b.italic
}

/// Lines of one paragraph meet with a space, except where a soft hyphen split a word.
fn join_line_break(runs: &mut [Run]) {
    if let Some(last) = runs.last_mut() {
        if last.text.ends_with('\u{ad}') {
            last.text.pop();
        } else if !last.text.ends_with(' ') {
            last.text.push(' ');
        }
    }
}

static PAGE_NUMBER: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        // "3", "- 3 -", "— 3 —"
        r"^[-–—]?\s*(\d{1,4})\s*[-–—]?$",
        // "Trang 3", "Page 3", "Trang 3/10", "Trang 3 / 10"
        r"(?i)^(?:trang|page|tr\.)\s*(\d{1,4})(?:\s*(?:/|of|trên)\s*\d{1,4})?$",
        // "3/10"
        r"^(\d{1,4})\s*/\s*\d{1,4}$",
    ]
    .iter()
    .filter_map(|p| Regex::new(p).ok())
    .collect()
});

/// The text of a header/footer piece as a page number, if it is one.
pub fn parse_page_number(text: &str) -> Option<u32> {
    let text = text.trim();
    PAGE_NUMBER.iter().find_map(|re| {
        re.captures(text)
            .and_then(|c| c.get(1))
            .and_then(|m| m.as_str().parse().ok())
    })
}

fn find_page_number(lines: &[Line], band: Band) -> Option<PrintedPageNumber> {
    // Nearest the page edge first: the footer's last line, the header's first.
    let ordered: Vec<&Line> = match band {
        Band::Bottom => lines.iter().rev().collect(),
        Band::Top => lines.iter().collect(),
    };
    ordered.into_iter().find_map(|line| {
        line.pieces.iter().find_map(|(text, x)| {
            parse_page_number(text).map(|value| PrintedPageNumber {
                value,
                band,
                x: *x,
                y: line.y,
            })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_number_shapes() {
        assert_eq!(parse_page_number("3"), Some(3));
        assert_eq!(parse_page_number("- 12 -"), Some(12));
        assert_eq!(parse_page_number("Trang 4"), Some(4));
        assert_eq!(parse_page_number("trang 4/10"), Some(4));
        assert_eq!(parse_page_number("5/10"), Some(5));
        assert_eq!(parse_page_number("Page 7 of 9"), Some(7));
        assert_eq!(parse_page_number("Năm 2025"), None);
        assert_eq!(parse_page_number("Cuộc thi 2025"), None);
        assert_eq!(parse_page_number(""), None);
    }
}
