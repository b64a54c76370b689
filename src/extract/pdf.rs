//! PDF reader: lopdf parses the file, our own content-stream walker, font decoder and layout
//! turn each page into paragraphs of runs with font, size and page, plus the header and footer
//! bands and the page number printed on each page (issue 3).
//!
//! Submodules, in the order data flows: [`object`] (safe accessors), [`cmap`] and
//! [`glyph_names`] (what codes mean), [`font`] (codes, widths, names), [`content`] (the
//! content-stream lexer), [`walker`] (operators to positioned glyphs, within the file's work
//! [`budget`]), [`layout`] (glyphs to lines, paragraphs, bands, page numbers), [`scanned`]
//! (OCR words of a scanned page to lines, through `extract::ocr`).

mod budget;
mod cmap;
mod content;
mod font;
mod glyph_names;
mod layout;
mod object;
mod scanned;
mod walker;

use std::path::Path;

use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId};

use crate::error::{ExtractError, ExtractErrorKind, ExtractResult};
use crate::extract::{Extractor, ReadContext, ocr};
use crate::limits::Charge;
use crate::model::{
    Extracted, Format, HeaderFooter, HeaderFooterKind, HeaderFooterVariant, Metadata, OcrFailure,
    OcrPage, Page, ReadWarning, Section, UnclearPage,
};
use budget::{Budget, BudgetLimits};
use font::FontCache;
use layout::Line;
use object::{deref, dict_of, number_of};
use walker::{FormCache, Matrix, WalkStop, Walker};

pub use font::family_and_style;
pub use layout::parse_page_number;
pub(crate) use scanned::{picture_parts, read_pictures};

/// Memory a kept glyph costs once laid out (its text in a run, its share of a line), as
/// charged to the file's memory budget.
const GLYPH_BYTES: u64 = 32;

/// US Letter, for pages that name no box at all.
const DEFAULT_BOX: [f32; 4] = [0.0, 0.0, 612.0, 792.0];

pub struct PdfExtractor;

impl Extractor for PdfExtractor {
    fn format(&self) -> Format {
        Format::Pdf
    }

    fn extract(
        &self,
        path: &Path,
        bytes: &[u8],
        ctx: &ReadContext<'_>,
    ) -> ExtractResult<Extracted> {
        let stream_limit = usize::try_from(ctx.limits.max_stream_bytes).unwrap_or(usize::MAX);
        let doc = load(path, bytes, stream_limit)?;
        let budget = Budget::new(BudgetLimits::with_stream_limit(ctx.limits.max_stream_bytes));
        read_document(path, bytes, &doc, ctx, &budget)
    }
}

fn load(path: &Path, bytes: &[u8], stream_limit: usize) -> ExtractResult<Document> {
    let options = LoadOptions {
        max_decompressed_size: Some(stream_limit),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| match e {
        lopdf::Error::InvalidPassword => ExtractError::new(path, ExtractErrorKind::Encrypted),
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { limit }) => {
            too_large(path, "a compressed object stream", limit)
        }
        other => ExtractError::corrupt(path, format!("PDF structure unreadable: {other}")),
    })?;
    // lopdf decrypts with the empty user password on its own (owner-password-only files read
    // normally); a file that stays locked needs a password we do not have.
    if doc.trailer.get(b"Encrypt").is_ok() && !doc.was_encrypted() {
        return Err(ExtractError::new(path, ExtractErrorKind::Encrypted));
    }
    Ok(doc)
}

fn too_large(path: &Path, what: &str, limit: usize) -> ExtractError {
    ExtractError::new(
        path,
        ExtractErrorKind::TooLarge {
            what: what.into(),
            limit: limit as u64,
        },
    )
}

fn read_document(
    path: &Path,
    bytes: &[u8],
    doc: &Document,
    ctx: &ReadContext<'_>,
    budget: &Budget,
) -> ExtractResult<Extracted> {
    let stream_limit = budget.stream_limit();
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(ExtractError::corrupt(path, "no pages found in the PDF"));
    }
    if pages.len() > ctx.limits.max_pages {
        return Err(ExtractError::new(
            path,
            ExtractErrorKind::TooManyPages {
                pages: pages.len() as u64,
                limit: ctx.limits.max_pages as u64,
            },
        ));
    }
    let timeout = || {
        ExtractError::new(
            path,
            ExtractErrorKind::Timeout {
                seconds: ctx.deadline.budget_secs(),
            },
        )
    };
    let mut out = Extracted {
        format: Some(Format::Pdf),
        metadata: metadata(doc),
        ..Extracted::default()
    };
    let mut fonts = FontCache::new();
    let mut forms = FormCache::default();
    let mut undecoded = 0usize;
    let mut guessed: Vec<String> = Vec::new();
    let mut problems = 0usize;
    let mut any_text = false;
    let mut body: Vec<(usize, Vec<Line>)> = Vec::new();
    let mut laid_pages: Vec<(layout::PageLayout, bool)> = Vec::new();
    let mut sizes: Vec<(f32, f32)> = Vec::new();
    for (index, &page_id) in pages.values().enumerate() {
        if ctx.deadline.expired() {
            return Err(timeout());
        }
        let content = match doc.get_page_content_with_limit(page_id, stream_limit) {
            Ok(c) => c,
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                limit,
            })) => return Err(too_large(path, "a page content stream", limit)),
            Err(_) => Vec::new(),
        };
        budget
            .inflated_bytes(content.len())
            .map_err(|e| e.into_error(path))?;
        // The file's memory budget (limits::Budget) holds the page's content while it is
        // walked, and the text kept from it for the rest of the read.
        let content_len = content.len() as u64;
        ctx.charge(path, Charge::PdfStream, content_len)?;
        let resources = page_resources(doc, page_id);
        let (base, bottom, top) = display_space(doc, page_id);
        sizes.push(display_size(doc, page_id));
        let walker = Walker::new(doc, &mut fonts, &mut forms, budget, ctx.deadline);
        let drawing = match walker.walk_page(content, &resources, base) {
            Ok(d) => d,
            Err(WalkStop::Deadline) => return Err(timeout()),
            Err(WalkStop::StreamTooLarge) => {
                return Err(too_large(path, "a form XObject stream", stream_limit));
            }
            Err(WalkStop::Budget(e)) => return Err(e.into_error(path)),
        };
        ctx.budget.release(content_len);
        ctx.charge(
            path,
            Charge::Text,
            drawing.glyphs.len() as u64 * GLYPH_BYTES,
        )?;
        undecoded += drawing.undecoded;
        problems += drawing.problem_count;
        if drawing.dropped > 0 {
            out.warnings.push(ReadWarning::PageTooFull {
                page: index + 1,
                dropped: drawing.dropped,
            });
        }
        for f in drawing.guessed_fonts {
            if !guessed.contains(&f) {
                guessed.push(f);
            }
        }
        let has_text = drawing
            .glyphs
            .iter()
            .any(|g| !g.text.chars().all(char::is_whitespace));
        any_text |= has_text;
        let needs_ocr = drawing.images > 0 && !has_text;
        let laid = layout::layout_page(drawing.glyphs, bottom.min(top), top.max(bottom));
        if laid.legacy.is_some() {
            out.legacy_encoding = laid.legacy;
        }
        laid_pages.push((laid, needs_ocr));
    }
    // Scanned pages are read by OCR here, before the bands and paragraphs are made, so that
    // they take part in both like any other page.
    let ocr = read_scanned(bytes, &mut laid_pages, &sizes, ctx);
    any_text |= ocr.pages.values().any(|p| p.words > 0);
    layout::promote_repeated_lines(&mut laid_pages);
    for (index, (mut laid, needs_ocr)) in laid_pages.into_iter().enumerate() {
        laid.find_printed_number();
        push_band(
            &mut out,
            &laid.header_lines,
            HeaderFooterKind::Header,
            index,
            &laid,
        );
        push_band(
            &mut out,
            &laid.footer_lines,
            HeaderFooterKind::Footer,
            index,
            &laid,
        );
        out.pages.push(Page {
            index,
            printed_number: laid.printed_number.take(),
            needs_ocr,
            ocr: ocr.pages.get(&index).cloned(),
            ..Page::default()
        });
        body.push((index, laid.body));
    }
    out.paragraphs = layout::paragraphs(&body);
    if undecoded > 0 {
        out.warnings
            .push(ReadWarning::Undecoded { count: undecoded });
    }
    for family in &guessed {
        out.warnings.push(ReadWarning::FontGuessed {
            font: ReadWarning::value(family),
        });
    }
    if problems > 0 {
        out.warnings
            .push(ReadWarning::DamagedStreams { count: problems });
    }
    out.ocr_engine = ocr.engine.clone();
    out.warnings.extend(ocr.warnings);
    if out.pages.iter().all(|p| p.needs_ocr) {
        out.needs_ocr = true;
        out.warnings.push(ReadWarning::ScannedFile);
    } else if out.pages.iter().any(|p| p.needs_ocr) {
        let pages: Vec<usize> = out
            .pages
            .iter()
            .filter(|p| p.needs_ocr)
            .map(|p| p.index + 1)
            .collect();
        out.warnings.push(ReadWarning::ScannedPages { pages });
    } else if !any_text {
        out.warnings.push(ReadWarning::NoText);
    }
    out.sections = vec![Section {
        index: 0,
        first_paragraph: 0,
        title_page: false,
        parts: (0..out.headers_footers.len()).collect(),
    }];
    out.finish_layout();
    Ok(out)
}

/// What OCR made of a file's scanned pages.
#[derive(Default)]
struct OcrOutcome {
    pages: std::collections::HashMap<usize, OcrPage>,
    engine: Option<String>,
    warnings: Vec<ReadWarning>,
}

/// Read every page marked "needs OCR" (images, no text) with the OCR engine, replacing its
/// empty layout with the lines read; a page OCR cannot read stays marked. At most
/// [`ocr::MAX_PAGES_PER_FILE`] pages per file.
fn read_scanned(
    bytes: &[u8],
    laid_pages: &mut [(layout::PageLayout, bool)],
    sizes: &[(f32, f32)],
    ctx: &ReadContext<'_>,
) -> OcrOutcome {
    let mut outcome = OcrOutcome::default();
    let scanned: Vec<usize> = (0..laid_pages.len()).filter(|&i| laid_pages[i].1).collect();
    if scanned.is_empty() {
        return outcome;
    }
    let engine = match ocr::engine() {
        Ok(e) => e,
        Err(why) => {
            outcome.warnings.push(ReadWarning::OcrUnavailable { why });
            return outcome;
        }
    };
    let prepared = ocr::private_dir().and_then(|dir| {
        let copy = dir.path().join("input.pdf");
        std::fs::write(&copy, bytes)
            .map(|()| (dir, copy))
            .map_err(|e| ocr::OcrError::Io(crate::safe_fs::io_cause(&e)))
    });
    let (dir, copy) = match prepared {
        Ok(p) => p,
        Err(e) => {
            outcome
                .warnings
                .push(ReadWarning::OcrNotStarted { error: e });
            return outcome;
        }
    };
    let mut failed: Vec<OcrFailure> = Vec::new();
    let mut low: Vec<UnclearPage> = Vec::new();
    let mut skipped = 0usize;
    for (n, &index) in scanned.iter().enumerate() {
        if n >= ocr::MAX_PAGES_PER_FILE {
            skipped += 1;
            continue;
        }
        let (width, height) = sizes.get(index).copied().unwrap_or((595.0, 842.0));
        let read = engine
            .render_pdf_page(dir.path(), &copy, index, (width, height))
            .and_then(|page| {
                let image = engine.read_rendered(&page)?;
                let mut laid = layout::layout_lines(scanned::lines(&image, height), 0.0, height);
                // A lone page number at the foot of a scan is often dropped as noise by the
                // first reading: read the bands again on their own.
                for edge in [ocr::Edge::Bottom, ocr::Edge::Top] {
                    if laid.has_printed_number() {
                        break;
                    }
                    // The page's pixels are held while a band is cut from them.
                    let pixels = page.pixels();
                    if ctx.budget.charge(Charge::Pixels, pixels).is_err() {
                        break;
                    }
                    let band = engine.read_edge(&page, edge);
                    ctx.budget.release(pixels);
                    if let Ok(band) = band {
                        laid.adopt_band(scanned::lines(&band, height), edge == ocr::Edge::Top);
                    }
                }
                Ok((image, laid))
            });
        match read {
            Ok((image, _)) if image.is_unreliable() => {
                low.push(image.unclear(index + 1));
            }
            Ok((image, laid)) => {
                laid_pages[index] = (laid, false);
                outcome.pages.insert(
                    index,
                    OcrPage {
                        confidence: (image.confidence() * 10.0).round() / 10.0,
                        words: image.words.len(),
                    },
                );
            }
            Err(error) => failed.push(OcrFailure {
                number: index + 1,
                error,
            }),
        }
    }
    drop(dir);
    if !outcome.pages.is_empty() {
        outcome.engine = Some(engine.name.clone());
        let mut read: Vec<usize> = outcome.pages.keys().map(|i| i + 1).collect();
        read.sort_unstable();
        let words: usize = outcome.pages.values().map(|p| p.words).sum();
        let confidence = if words == 0 {
            0.0
        } else {
            outcome
                .pages
                .values()
                .map(|p| p.confidence * p.words as f32)
                .sum::<f32>()
                / words as f32
        };
        outcome.warnings.push(ReadWarning::OcrRead {
            pages: read,
            engine: engine.name.clone(),
            confidence: ReadWarning::percent(confidence),
        });
    }
    if !failed.is_empty() {
        outcome.warnings.push(ReadWarning::OcrFailed {
            pictures: false,
            failures: failed,
        });
    }
    if !low.is_empty() {
        outcome.warnings.push(ocr::unreliable_warning(low));
    }
    if skipped > 0 {
        outcome.warnings.push(ReadWarning::OcrPageLimit {
            read: ocr::MAX_PAGES_PER_FILE,
            skipped,
        });
    }
    outcome
}

fn push_band(
    out: &mut Extracted,
    lines: &[Line],
    kind: HeaderFooterKind,
    page: usize,
    laid: &layout::PageLayout,
) {
    if lines.is_empty() {
        return;
    }
    let text = lines.iter().map(Line::text).collect::<Vec<_>>().join("\n");
    let band = match kind {
        HeaderFooterKind::Header => crate::model::Band::Top,
        HeaderFooterKind::Footer => crate::model::Band::Bottom,
    };
    out.headers_footers.push(HeaderFooter {
        kind,
        variant: HeaderFooterVariant::Default,
        section: 0,
        page: Some(page),
        text,
        has_page_field: laid.printed_number.as_ref().is_some_and(|n| n.band == band),
    });
}

/// The page's resource dictionaries, nearest first (inherited ones after).
fn page_resources(doc: &Document, page_id: ObjectId) -> Vec<&Dictionary> {
    let mut out = Vec::new();
    if let Ok((direct, ids)) = doc.get_page_resources(page_id) {
        if let Some(d) = direct {
            out.push(d);
        }
        for id in ids {
            if let Ok(d) = doc.get_dictionary(id) {
                out.push(d);
            }
        }
    }
    out
}

/// The matrix from user space to the page as displayed (after `/Rotate`), and the bottom and
/// top of the displayed page, so that "top band" means the top a reader sees.
fn display_space(doc: &Document, page_id: ObjectId) -> (Matrix, f32, f32) {
    let [x0, y0, x1, y1] = page_box(doc, page_id);
    let (x0, x1) = (x0.min(x1), x0.max(x1));
    let (y0, y1) = (y0.min(y1), y0.max(y1));
    let rotate = inherited(doc, page_id, b"Rotate")
        .and_then(|o| number_of(doc, Some(o)))
        .map(|r| (r as i64).rem_euclid(360))
        .unwrap_or(0);
    match rotate {
        90 => (Matrix([0.0, -1.0, 1.0, 0.0, -y0, x1]), 0.0, x1 - x0),
        180 => (Matrix([-1.0, 0.0, 0.0, -1.0, x1, y1]), 0.0, y1 - y0),
        270 => (Matrix([0.0, 1.0, -1.0, 0.0, y1, -x0]), 0.0, x1 - x0),
        _ => (Matrix::IDENTITY, y0, y1),
    }
}

/// A page attribute that may be set on the page or any ancestor in the page tree.
fn inherited<'a>(doc: &'a Document, page_id: ObjectId, key: &[u8]) -> Option<&'a Object> {
    let mut node = doc.get_dictionary(page_id).ok();
    for _ in 0..32 {
        let dict = node?;
        if let Ok(v) = dict.get(key) {
            return Some(v);
        }
        node = dict.get(b"Parent").ok().and_then(|p| dict_of(doc, p));
    }
    None
}

/// Width and height of the page as displayed (after `/Rotate`), in points.
fn display_size(doc: &Document, page_id: ObjectId) -> (f32, f32) {
    let [x0, y0, x1, y1] = page_box(doc, page_id);
    let (w, h) = ((x1 - x0).abs(), (y1 - y0).abs());
    let rotate = inherited(doc, page_id, b"Rotate")
        .and_then(|o| number_of(doc, Some(o)))
        .map(|r| (r as i64).rem_euclid(360))
        .unwrap_or(0);
    if rotate == 90 || rotate == 270 {
        (h, w)
    } else {
        (w, h)
    }
}

/// CropBox, else MediaBox, looked up through the page tree (both are inheritable).
fn page_box(doc: &Document, page_id: ObjectId) -> [f32; 4] {
    let mut node = doc.get_dictionary(page_id).ok();
    for _ in 0..32 {
        let Some(dict) = node else {
            break;
        };
        for key in [&b"CropBox"[..], b"MediaBox"] {
            if let Some(Object::Array(a)) = deref(doc, dict.get(key).ok())
                && a.len() == 4
            {
                let v: Vec<f32> = a.iter().filter_map(|o| number_of(doc, Some(o))).collect();
                if let [x0, y0, x1, y1] = v[..]
                    && (y1 - y0).abs() > 1.0
                {
                    return [x0, y0, x1, y1];
                }
            }
        }
        node = dict.get(b"Parent").ok().and_then(|p| dict_of(doc, p));
    }
    DEFAULT_BOX
}

fn metadata(doc: &Document) -> Metadata {
    let info = deref(doc, doc.trailer.get(b"Info").ok()).and_then(|o| match o {
        Object::Dictionary(d) => Some(d),
        _ => None,
    });
    let text = |key: &[u8]| -> Option<String> {
        let obj = deref(doc, info?.get(key).ok())?;
        lopdf::decode_text_string(obj)
            .ok()
            .map(|s| s.trim_matches(char::from(0)).trim().to_string())
            .filter(|s| !s.is_empty())
    };
    Metadata {
        title: text(b"Title"),
        author: text(b"Author"),
        created: text(b"CreationDate").map(|d| pdf_date(&d)),
        modified: text(b"ModDate").map(|d| pdf_date(&d)),
        declared_pages: None,
        even_and_odd_headers: false,
    }
}

/// `D:20250301102030+07'00'` → `2025-03-01T10:20:30+07:00`, the form the Word reader gives;
/// anything we cannot read is kept as written.
fn pdf_date(raw: &str) -> String {
    let s = raw.trim().trim_start_matches("D:");
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() < 4 {
        return raw.to_string();
    }
    let part = |from: usize, default: &str| -> String {
        digits
            .get(from..from + 2)
            .map(str::to_string)
            .unwrap_or_else(|| default.to_string())
    };
    let mut out = format!(
        "{}-{}-{}T{}:{}:{}",
        &digits[..4],
        part(4, "01"),
        part(6, "01"),
        part(8, "00"),
        part(10, "00"),
        part(12, "00")
    );
    let zone: String = s[digits.len()..].chars().filter(|c| *c != '\'').collect();
    match zone.chars().next() {
        Some('Z') => out.push('Z'),
        Some(sign @ ('+' | '-')) => {
            let z: String = zone.chars().skip(1).filter(char::is_ascii_digit).collect();
            if z.len() >= 2 {
                let mm = z.get(2..4).unwrap_or("00");
                out.push_str(&format!("{sign}{}:{mm}", &z[..2]));
            }
        }
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::WorkMeasure;
    use crate::limits::Limits;

    /// Reads a fixture with a given budget; returns the result and what was spent.
    fn read_with(name: &str, limits: BudgetLimits) -> (ExtractResult<Extracted>, [u64; 4]) {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/extract/pdf")
            .join(name);
        let bytes = std::fs::read(&path).expect("fixture");
        let file_limits = Limits::default();
        let memory = crate::limits::Budget::for_file(&file_limits);
        let ctx = ReadContext::new(&file_limits, &memory);
        let doc = load(&path, &bytes, usize::MAX).expect("loads");
        let budget = Budget::new(limits);
        let result = read_document(&path, &bytes, &doc, &ctx, &budget);
        (result, budget.spent())
    }

    #[test]
    fn work_is_counted_as_it_is_done_and_stops_at_the_limit() {
        let roomy = BudgetLimits::with_stream_limit(64 << 20);
        let (ok, [ops, content, inflated, chars]) = read_with("vi_report.pdf", roomy);
        assert!(ok.is_ok());
        // A real 3-page export spends a sliver of the budget.
        assert!(ops > 300 && ops < roomy.operators / 10_000, "{ops}");
        assert!(content > 1000 && content < roomy.content_bytes / 10_000);
        assert!(inflated >= content);
        assert!(chars > 1000 && chars < roomy.characters / 1000, "{chars}");
        for (tight, measure) in [
            (
                BudgetLimits {
                    operators: ops - 1,
                    ..roomy
                },
                WorkMeasure::Operators,
            ),
            (
                BudgetLimits {
                    characters: chars / 2,
                    ..roomy
                },
                WorkMeasure::Characters,
            ),
            (
                BudgetLimits {
                    content_bytes: content - 1,
                    ..roomy
                },
                WorkMeasure::ContentBytes,
            ),
            (
                BudgetLimits {
                    inflated_bytes: inflated / 2,
                    ..roomy
                },
                WorkMeasure::InflatedBytes,
            ),
        ] {
            let (err, _) = read_with("vi_report.pdf", tight);
            let err = err.expect_err("over budget");
            assert!(err.path.ends_with("vi_report.pdf"));
            assert!(
                matches!(err.kind, ExtractErrorKind::WorkLimit { measure: m, .. } if m == measure),
                "{measure:?}: {err}"
            );
            assert!(
                err.message(crate::lang::Lang::Vi)
                    .starts_with("Tệp vượt giới hạn xử lý: cần hơn")
            );
        }
    }

    #[test]
    fn pdf_dates_become_iso() {
        assert_eq!(
            pdf_date("D:20250301102030+07'00'"),
            "2025-03-01T10:20:30+07:00"
        );
        assert_eq!(pdf_date("D:20240115"), "2024-01-15T00:00:00");
        assert_eq!(pdf_date("D:20240115093000Z"), "2024-01-15T09:30:00Z");
        assert_eq!(pdf_date("garbage"), "garbage");
    }
}
