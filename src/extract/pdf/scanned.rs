//! Scanned pages read by OCR: the words Tesseract found, with their pixel boxes, become lines
//! in the page's display space, so that the header and footer bands, the printed page number
//! and the paragraphs come out of the same layout as on a page with a text layer.
//!
//! OCR gives no font: every run has `font` and `size_pt` unset, so the form rules that need
//! them say "cannot tell" for these pages instead of guessing.

use super::layout::Line;
use crate::extract::ocr::{OcrImage, OcrWord};
use crate::model::Run;

/// A gap wider than this many line sizes splits a line into pieces (a header on the left,
/// the page number on the right), as `layout::BAND_PIECE_GAP` does for glyphs.
const PIECE_GAP: f32 = 1.5;
/// Line box height (ascenders, Vietnamese stacked marks and descenders) per point of size.
const LINE_BOX_PER_SIZE: f32 = 1.3;

/// Lines of one OCR'd page, top to bottom, in points from the bottom-left of a page
/// `page_height` points tall.
pub fn lines(image: &OcrImage, page_height: f32) -> Vec<Line> {
    let scale = if image.height > 0 && page_height > 0.0 {
        page_height / image.height as f32
    } else {
        72.0 / image.dpi.max(1.0)
    };
    // Words in Tesseract's order, grouped by (block, paragraph, line).
    let mut groups: Vec<Vec<&OcrWord>> = Vec::new();
    for w in &image.words {
        match groups.last_mut() {
            Some(g)
                if g.first().is_some_and(|f| {
                    (f.block, f.paragraph, f.line) == (w.block, w.paragraph, w.line)
                }) =>
            {
                g.push(w)
            }
            _ => groups.push(vec![w]),
        }
    }
    let mut out: Vec<Line> = groups
        .into_iter()
        .filter_map(|mut words| {
            words.sort_by_key(|w| w.left);
            line(&words, scale, page_height)
        })
        .collect();
    out.sort_by(|a, b| b.y.total_cmp(&a.y));
    out
}

fn line(words: &[&OcrWord], scale: f32, page_height: f32) -> Option<Line> {
    let first = words.first()?;
    let top = words.iter().map(|w| w.top).min()?;
    let bottom = words.iter().map(|w| w.top + w.height).max()?;
    let mut bottoms: Vec<u32> = words.iter().map(|w| w.top + w.height).collect();
    bottoms.sort_unstable();
    let baseline = bottoms[bottoms.len() / 2];
    let size = ((bottom - top) as f32 * scale / LINE_BOX_PER_SIZE).max(1.0);
    let mut text = String::new();
    let mut pieces: Vec<(String, f32, f32)> = Vec::new();
    let mut prev_end: Option<f32> = None;
    for w in words {
        let x = w.left as f32 * scale;
        let end = (w.left + w.width) as f32 * scale;
        let new_piece = prev_end.is_none_or(|p| x - p > PIECE_GAP * size);
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&w.text);
        if new_piece {
            pieces.push((w.text.clone(), x, end));
        } else if let Some(piece) = pieces.last_mut() {
            piece.0.push(' ');
            piece.0.push_str(&w.text);
            piece.2 = end;
        }
        prev_end = Some(end);
    }
    Some(Line {
        runs: vec![Run {
            text,
            font: None,
            size_pt: None,
            bold: false,
            italic: false,
        }],
        y: page_height - baseline as f32 * scale,
        x0: first.left as f32 * scale,
        x1: words
            .iter()
            .map(|w| (w.left + w.width) as f32 * scale)
            .fold(0.0, f32::max),
        size,
        pieces: pieces
            .into_iter()
            .map(|(t, a, b)| (t, (a + b) / 2.0))
            .collect(),
    })
}

/// Raster formats Tesseract (Leptonica) reads; a Word picture in another (EMF, WMF, SVG) is
/// a drawing, not a scan.
const PICTURE_EXTENSIONS: &[&str] = &["png", "jpg", "jpeg", "tif", "tiff", "bmp", "gif", "webp"];
/// Pictures smaller than this are logos and signatures, not scanned pages.
const MIN_PICTURE_BYTES: usize = 8 * 1024;

/// The pictures of a Word document worth reading, `(relationship id, part name)`, in the
/// order Word numbered them (`rId7` before `rId12`: insertion order, which for pages pasted
/// one after another is page order).
pub fn picture_parts<'a>(rels: impl Iterator<Item = (&'a str, &'a str)>) -> Vec<String> {
    let mut found: Vec<(u64, String)> = rels
        .filter(|(_, target)| {
            let ext = target.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
            PICTURE_EXTENSIONS.contains(&ext.as_str())
        })
        .map(|(id, target)| {
            let n = id
                .trim_start_matches(|c: char| !c.is_ascii_digit())
                .parse()
                .unwrap_or(u64::MAX);
            (n, target.to_string())
        })
        .collect();
    found.sort();
    found.dedup_by(|a, b| a.1 == b.1);
    found.into_iter().map(|(_, t)| t).collect()
}

/// An image-only Word document (scanned pages pasted as pictures): each picture is read by
/// OCR as one page of `doc`, whose text was empty. Without an engine the document is marked
/// "needs OCR" and the warning says how to install one.
pub fn read_pictures(doc: &mut crate::model::Extracted, pictures: Vec<(String, Vec<u8>)>) {
    use crate::extract::ocr;
    use crate::model::{OcrFailure, OcrPage, Page, ReadWarning, UnclearPage};
    let pictures: Vec<(String, Vec<u8>)> = pictures
        .into_iter()
        .filter(|(_, b)| b.len() >= MIN_PICTURE_BYTES)
        .collect();
    if pictures.is_empty() {
        return;
    }
    let scanned_pages = || -> Vec<Page> {
        (0..pictures.len().max(doc.pages.len()))
            .map(|index| Page {
                index,
                needs_ocr: index < pictures.len(),
                ..Page::default()
            })
            .collect()
    };
    let fail = |doc: &mut crate::model::Extracted, pages: Vec<Page>, why: Vec<ReadWarning>| {
        doc.pages = pages;
        doc.needs_ocr = true;
        doc.warnings.push(ReadWarning::PicturesOnly {
            pictures: pictures.len(),
        });
        doc.warnings.extend(why);
    };
    let engine = match ocr::engine() {
        Ok(e) => e,
        Err(why) => {
            return fail(
                doc,
                scanned_pages(),
                vec![ReadWarning::OcrUnavailable { why }],
            );
        }
    };
    let dir = match ocr::private_dir() {
        Ok(d) => d,
        Err(error) => {
            return fail(
                doc,
                scanned_pages(),
                vec![ReadWarning::OcrNotStarted { error }],
            );
        }
    };
    let mut laid_pages: Vec<(super::layout::PageLayout, bool)> = Vec::new();
    let mut read: Vec<Option<OcrPage>> = Vec::new();
    let mut failed: Vec<OcrFailure> = Vec::new();
    let mut low: Vec<UnclearPage> = Vec::new();
    for (i, (name, bytes)) in pictures.iter().enumerate().take(ocr::MAX_PAGES_PER_FILE) {
        let ext = name
            .rsplit('.')
            .next()
            .unwrap_or("img")
            .to_ascii_lowercase();
        let file = dir.path().join(format!("picture-{}.{ext}", i + 1));
        let image = std::fs::write(&file, bytes)
            .map_err(|e| ocr::OcrError::Io(crate::safe_fs::io_cause(&e)))
            .and_then(|()| engine.read_image(&file, ocr::DPI as f32));
        let _ = std::fs::remove_file(&file);
        match image {
            Ok(image) if image.is_unreliable() => {
                low.push(image.unclear(i + 1));
                laid_pages.push((super::layout::PageLayout::default(), true));
                read.push(None);
            }
            Ok(image) => {
                let height = image.height as f32 * 72.0 / ocr::DPI as f32;
                let laid = super::layout::layout_lines(lines(&image, height), 0.0, height);
                laid_pages.push((laid, false));
                read.push(Some(OcrPage {
                    confidence: (image.confidence() * 10.0).round() / 10.0,
                    words: image.words.len(),
                }));
            }
            Err(e) => {
                failed.push(OcrFailure {
                    number: i + 1,
                    error: e,
                });
                laid_pages.push((super::layout::PageLayout::default(), true));
                read.push(None);
            }
        }
    }
    drop(dir);
    if read.iter().all(Option::is_none) {
        let mut why = Vec::new();
        if !failed.is_empty() {
            why.push(ReadWarning::OcrFailed {
                pictures: true,
                failures: failed,
            });
        }
        if !low.is_empty() {
            why.push(ocr::unreliable_warning(low));
        }
        return fail(doc, scanned_pages(), why);
    }
    super::layout::promote_repeated_lines(&mut laid_pages);
    let mut body = Vec::new();
    doc.headers_footers.clear();
    doc.pages.clear();
    for (index, ((mut laid, needs_ocr), ocr_page)) in laid_pages.into_iter().zip(read).enumerate() {
        laid.find_printed_number();
        super::push_band(
            doc,
            &laid.header_lines,
            crate::model::HeaderFooterKind::Header,
            index,
            &laid,
        );
        super::push_band(
            doc,
            &laid.footer_lines,
            crate::model::HeaderFooterKind::Footer,
            index,
            &laid,
        );
        doc.pages.push(Page {
            index,
            printed_number: laid.printed_number.take(),
            needs_ocr,
            ocr: ocr_page,
            ..Page::default()
        });
        body.push((index, laid.body));
    }
    doc.paragraphs = super::layout::paragraphs(&body);
    doc.sections = vec![crate::model::Section {
        index: 0,
        first_paragraph: 0,
        title_page: false,
        parts: (0..doc.headers_footers.len()).collect(),
    }];
    doc.ocr_engine = Some(engine.name.clone());
    let words: usize = doc
        .pages
        .iter()
        .filter_map(|p| p.ocr.as_ref())
        .map(|o| o.words)
        .sum();
    let confidence = doc.ocr_summary().map_or(0.0, |(_, c)| c);
    doc.warnings.push(ReadWarning::PicturesRead {
        pictures: doc.pages.iter().filter(|p| p.ocr.is_some()).count(),
        engine: engine.name.clone(),
        words,
        confidence: ReadWarning::percent(confidence),
    });
    if !failed.is_empty() {
        doc.warnings.push(ReadWarning::OcrFailed {
            pictures: true,
            failures: failed,
        });
    }
    if !low.is_empty() {
        doc.warnings.push(ocr::unreliable_warning(low));
    }
    doc.needs_ocr = doc.pages.iter().all(|p| p.needs_ocr);
    doc.cover_end = 0;
    doc.finish_layout();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::pdf::layout;

    fn word(text: &str, left: u32, top: u32, line: u32) -> OcrWord {
        OcrWord {
            text: text.into(),
            left,
            top,
            width: 30 * text.chars().count() as u32,
            height: 50,
            confidence: 90.0,
            block: 1,
            paragraph: 1,
            line,
        }
    }

    #[test]
    fn words_become_lines_bands_and_a_page_number() {
        // An A4 page at 300 dpi: 2481 x 3508 px for 595 x 842 pt.
        let mut words = vec![
            word("Giải", 300, 400, 1),
            word("pháp", 450, 400, 1),
            word("số", 300, 470, 2),
            word("hóa", 400, 470, 2),
        ];
        let mut footer = word("Trang", 1100, 3300, 9);
        footer.block = 5;
        let mut number = word("2", 1300, 3300, 9);
        number.block = 5;
        words.extend([footer, number]);
        let image = OcrImage {
            width: 2481,
            height: 3508,
            dpi: 300.0,
            words,
        };
        let lines = lines(&image, 842.0);
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0].text(), "Giải pháp");
        assert!(lines[0].runs[0].font.is_none() && lines[0].runs[0].size_pt.is_none());
        assert!((lines[0].y - (842.0 - 450.0 * 842.0 / 3508.0)).abs() < 0.01);
        let mut laid = layout::layout_lines(lines, 0.0, 842.0);
        laid.find_printed_number();
        assert_eq!(laid.body.len(), 2);
        assert_eq!(laid.footer_lines.len(), 1);
        assert_eq!(laid.printed_number.map(|n| n.value), Some(2));
    }
}
