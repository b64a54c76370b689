//! DOCX reader, our own on `zip` + `quick-xml` (docx-rs keeps fonts and sizes private,
//! resolves no styles and drops `fldSimple` instructions; see issue 2).
//!
//! Order of work: `[Content_Types].xml` first (an .xlsx renamed .docx stops here), then the
//! relationships of the main part, styles and theme, the body, notes, headers and footers,
//! and the document properties.
//!
//! Footnotes and endnotes are appended after the body as [`BlockKind::Footnote`]
//! paragraphs on the last page, so that the body text stays in reading order and copy
//! detection still sees the notes; rules that want body text only filter on the kind.
//!
//! The cover page ends at the first page break or section break. A document with neither
//! has no real cover page; we then take the paragraphs before the first heading, when a
//! heading comes within the first [`COVER_GUESS_PARAGRAPHS`] paragraphs, else that many
//! paragraphs, and say so in a warning.

mod numbering;
mod package;
mod styles;
mod walker;
mod xml;

use std::collections::HashMap;
use std::path::Path;

use quick_xml::events::Event;

use crate::error::{ExtractError, ExtractErrorKind, ExtractResult};
use crate::extract::{Extractor, ReadContext, convert};
use crate::model::{
    BlockKind, Extracted, Format, HeaderFooter, HeaderFooterKind, HeaderFooterVariant, Metadata,
    ReadWarning, Section,
};

use numbering::Numbering;
use package::{Package, PackageKind};
use styles::Styles;
use walker::{Look, PartRole, SectionProps, Walked};
use xml::{XmlReader, local, text_of};

/// How many leading paragraphs may form a guessed cover page (no break in the document).
pub const COVER_GUESS_PARAGRAPHS: usize = 12;

pub struct DocxExtractor;

impl Extractor for DocxExtractor {
    fn format(&self) -> Format {
        Format::Docx
    }

    fn extract(
        &self,
        path: &Path,
        bytes: &[u8],
        ctx: &ReadContext<'_>,
    ) -> ExtractResult<Extracted> {
        let mut pkg = Package::open(path, bytes, ctx)?;
        let main_part = match pkg.kind()? {
            PackageKind::Word { main_part } => main_part,
            PackageKind::Odt => return convert::read_converted(path, bytes, Format::Odt, ctx),
            PackageKind::Other(found) => {
                // Named by the file's own ending: an .xlsx renamed .doc is "named .doc".
                let expected = path
                    .extension()
                    .and_then(|e| e.to_str())
                    .map(str::to_ascii_lowercase)
                    .unwrap_or_else(|| "docx".into());
                return Err(ExtractError::new(
                    path,
                    ExtractErrorKind::WrongFormat { expected, found },
                ));
            }
        };
        read_word(&mut pkg, &main_part)
    }
}

/// Relationship types are URIs; the last path segment says what the target is.
fn rel_kind(ty: &str) -> &str {
    ty.rsplit('/').next().unwrap_or(ty)
}

fn read_word(pkg: &mut Package<'_>, main_part: &str) -> ExtractResult<Extracted> {
    let path = pkg.path();
    let ctx = pkg.ctx();
    let body_xml = pkg.read_text_part(main_part)?.ok_or_else(|| {
        ExtractError::corrupt(path, format!("the main part '{main_part}' is missing"))
    })?;
    let rels = pkg.relationships(main_part)?;
    let target_of = |kind: &str| {
        let mut found: Vec<&String> = rels
            .values()
            .filter(|(ty, _)| rel_kind(ty) == kind)
            .map(|(_, target)| target)
            .collect();
        found.sort();
        found.first().map(|s| s.to_string())
    };
    let styles_part = target_of("styles");
    let theme_part = target_of("theme");
    let notes_parts = [target_of("footnotes"), target_of("endnotes")];

    let styles_xml = match &styles_part {
        Some(p) => pkg.read_text_part(p)?,
        None => None,
    };
    let theme_xml = match &theme_part {
        Some(p) => pkg.read_text_part(p)?,
        None => None,
    };
    let styles = Styles::parse(styles_xml.as_deref(), theme_xml.as_deref(), path, ctx)?;
    let numbering = match target_of("numbering") {
        Some(p) => match pkg.read_text_part(&p)? {
            Some(xml) => Numbering::parse(&xml, path, ctx)?,
            None => Numbering::default(),
        },
        None => Numbering::default(),
    };

    let look = Look {
        styles: &styles,
        numbering: &numbering,
    };
    let sections = walker::scan_sections(&body_xml, main_part, path, ctx)?;
    let body = walker::walk(
        &body_xml,
        main_part,
        path,
        ctx,
        &look,
        PartRole::Body,
        &sections,
    )?;
    drop(body_xml);

    let mut doc = Extracted {
        file: path.to_path_buf(),
        format: Some(Format::Docx),
        ..Extracted::default()
    };
    let mut legacy = body.legacy;
    let last_page = body.pages.saturating_sub(1);
    let Walked {
        paragraphs,
        section_ends,
        cover_paragraphs,
        ..
    } = body;
    doc.paragraphs = paragraphs;
    let body_paragraphs = doc.paragraphs.len();

    for part in notes_parts.iter().flatten() {
        let Some(xml) = pkg.read_text_part(part)? else {
            continue;
        };
        let notes = walker::walk(&xml, part, path, ctx, &look, PartRole::Notes, &[])?;
        legacy = legacy.or(notes.legacy);
        doc.paragraphs
            .extend(notes.paragraphs.into_iter().map(|mut p| {
                p.page = last_page;
                p.kind = BlockKind::Footnote;
                p
            }));
    }

    // Sections and their headers/footers, inheritance resolved.
    let section_count = sections.len().max(section_ends.len() + 1);
    let mut part_cache: HashMap<String, (String, bool)> = HashMap::new();
    let mut entry_of: HashMap<(String, HeaderFooterKind, HeaderFooterVariant), usize> =
        HashMap::new();
    let mut in_effect: HashMap<(HeaderFooterKind, HeaderFooterVariant), usize> = HashMap::new();
    for index in 0..section_count {
        let props = sections
            .get(index)
            .cloned()
            .unwrap_or_else(SectionProps::default);
        for (kind, variant, rid) in &props.refs {
            let Some((_, target)) = rels.get(rid) else {
                doc.warnings.push(ReadWarning::HeaderFooterReference {
                    section: index + 1,
                    reference: ReadWarning::value(rid),
                });
                continue;
            };
            let key = (target.clone(), *kind, *variant);
            if let Some(&i) = entry_of.get(&key) {
                in_effect.insert((*kind, *variant), i);
                continue;
            }
            if !part_cache.contains_key(target) {
                let read = match pkg.read_text_part(target)? {
                    Some(xml) => {
                        let w = walker::walk(
                            &xml,
                            target,
                            path,
                            ctx,
                            &look,
                            PartRole::HeaderFooter,
                            &[],
                        )?;
                        legacy = legacy.or(w.legacy);
                        let text = w
                            .paragraphs
                            .iter()
                            .map(|p| p.text())
                            .collect::<Vec<_>>()
                            .join("\n");
                        (text, w.has_page_field)
                    }
                    None => {
                        doc.warnings.push(ReadWarning::HeaderFooterMissing {
                            part: ReadWarning::value(target),
                        });
                        (String::new(), false)
                    }
                };
                part_cache.insert(target.clone(), read);
            }
            let (text, has_page_field) = part_cache.get(target).cloned().unwrap_or_default();
            doc.headers_footers.push(HeaderFooter {
                kind: *kind,
                variant: *variant,
                section: index,
                page: None,
                text,
                has_page_field,
            });
            let i = doc.headers_footers.len() - 1;
            entry_of.insert(key, i);
            in_effect.insert((*kind, *variant), i);
        }
        let mut parts: Vec<usize> = in_effect.values().copied().collect();
        parts.sort_unstable();
        let first_paragraph = if index == 0 {
            0
        } else {
            section_ends
                .get(index - 1)
                .copied()
                .unwrap_or(body_paragraphs)
        };
        doc.sections.push(Section {
            index,
            first_paragraph,
            title_page: props.title_page,
            parts,
        });
    }

    doc.metadata = read_metadata(pkg)?;
    doc.legacy_encoding = legacy;
    doc.finish_layout();
    doc.cover_end = cover_end(&doc, cover_paragraphs, body_paragraphs);
    if cover_paragraphs.is_none() && body_paragraphs > 0 {
        doc.warnings.push(ReadWarning::CoverGuessed);
    }
    // Issue 14 item 8: an image-only document (scanned pages pasted into Word) is read by
    // OCR, one picture a page (src/extract/pdf/scanned.rs).
    if doc.text.trim().is_empty() {
        let images = rels
            .iter()
            .filter(|(_, (ty, _))| rel_kind(ty) == "image")
            .map(|(id, (_, target))| (id.as_str(), target.as_str()));
        let mut pictures = Vec::new();
        for part in crate::extract::pdf::picture_parts(images) {
            if let Some(bytes) = pkg.read_part(&part)? {
                pictures.push((part, bytes));
            }
        }
        crate::extract::pdf::read_pictures(&mut doc, pictures);
    }
    Ok(doc)
}

/// Byte offset where the cover page ends (see the module docs for the rule).
fn cover_end(doc: &Extracted, cover_paragraphs: Option<usize>, body_paragraphs: usize) -> usize {
    let offset_of = |i: usize| {
        doc.paragraphs
            .get(i)
            .map(|p| p.text_start)
            .unwrap_or(doc.text.len())
    };
    let count = match cover_paragraphs {
        Some(n) => n,
        None => {
            let limit = COVER_GUESS_PARAGRAPHS.min(body_paragraphs);
            doc.paragraphs
                .iter()
                .take(limit)
                .position(|p| p.kind == BlockKind::Heading)
                .filter(|&i| i > 0)
                .unwrap_or(limit)
        }
    };
    if count >= body_paragraphs {
        // The cover is the whole body: end it at the end of the last body paragraph.
        return doc
            .paragraphs
            .get(body_paragraphs.saturating_sub(1))
            .map(|p| p.text_start + p.runs.iter().map(|r| r.text.len()).sum::<usize>())
            .unwrap_or(0);
    }
    offset_of(count)
}

fn read_metadata(pkg: &mut Package<'_>) -> ExtractResult<Metadata> {
    let path = pkg.path();
    let ctx = pkg.ctx();
    let mut meta = Metadata::default();
    if let Some(xml) = pkg.read_text_part("docProps/core.xml")? {
        let mut r = XmlReader::new(&xml, "docProps/core.xml", path, ctx);
        let mut field: Option<Vec<u8>> = None;
        let mut value = String::new();
        while let Some(ev) = r.next()? {
            match &ev {
                Event::Start(e) => {
                    field = Some(local(e).to_vec());
                    value.clear();
                }
                Event::End(_) => {
                    let v = value.trim().to_string();
                    if let Some(name) = field.take()
                        && !v.is_empty()
                    {
                        let v = crate::normalize::nfc(&v);
                        match name.as_slice() {
                            b"title" => meta.title = Some(v),
                            b"creator" => meta.author = Some(v),
                            b"created" => meta.created = Some(v),
                            b"modified" => meta.modified = Some(v),
                            _ => {}
                        }
                    }
                    value.clear();
                }
                other => {
                    if let Some(t) = text_of(other) {
                        value.push_str(&t);
                    }
                }
            }
        }
    }
    if let Some(xml) = pkg.read_text_part("docProps/app.xml")? {
        let mut r = XmlReader::new(&xml, "docProps/app.xml", path, ctx);
        let mut in_pages = false;
        while let Some(ev) = r.next()? {
            match &ev {
                Event::Start(e) => in_pages = local(e) == b"Pages",
                Event::End(_) => in_pages = false,
                other if in_pages => {
                    if let Some(t) = text_of(other) {
                        meta.declared_pages = t.trim().parse().ok();
                    }
                }
                _ => {}
            }
        }
    }
    // Word shows the `Even` header/footer on even pages only when settings.xml says so.
    if let Some(xml) = pkg.read_text_part("word/settings.xml")? {
        let mut r = XmlReader::new(&xml, "word/settings.xml", path, ctx);
        while let Some(ev) = r.next()? {
            if let Event::Start(e) | Event::Empty(e) = &ev
                && local(e) == b"evenAndOddHeaders"
            {
                meta.even_and_odd_headers =
                    !matches!(xml::attr(e, b"val").as_deref(), Some("0" | "false" | "off"));
            }
        }
    }
    Ok(meta)
}
