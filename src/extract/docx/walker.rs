//! Walks one WordprocessingML part (the body, a header/footer, the footnotes) and turns it
//! into paragraphs of resolved runs.
//!
//! Choices made here, and why:
//! - Pages come from explicit breaks only: `w:br w:type="page"`, `w:pageBreakBefore`, and
//!   section breaks that start a new page (every type but `continuous`; `oddPage`/`evenPage`
//!   count as one new page even when Word would insert a blank one). `lastRenderedPageBreak`
//!   is ignored: it records where some renderer last broke the text, which differs between
//!   Word versions and LibreOffice, and a check must not depend on who saved the file last.
//!   The real page count, when the producing program recorded it, is in
//!   `Metadata::declared_pages`.
//! - A page break in the middle of a paragraph splits it in two, so that page ranges are exact.
//! - Paragraphs with no visible text are dropped (their breaks and section ends still count).
//! - A text box's paragraphs follow the paragraph that anchors it.
//! - Only the `mc:Choice` branch of `mc:AlternateContent` is read; `mc:Fallback` repeats it.
//! - Field instructions are dropped and field results kept: a footer holding `PAGE` shows
//!   its last rendered number as text and sets `has_page_field`.

use std::path::Path;

use quick_xml::events::{BytesStart, Event};

use crate::error::ExtractResult;
use crate::extract::ReadContext;
use crate::model::{
    BlockKind, HeaderFooterKind, HeaderFooterVariant, LegacyEncoding, Paragraph, Run,
};
use crate::normalize;
use crate::normalize::legacy;

use super::numbering::{Counters, Numbering};
use super::styles::{RunProps, Styles};
use super::xml::{XmlReader, attr, local, on_off, text_of};

/// How a section starts (`w:type` in its `w:sectPr`; absent means `nextPage`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SectionStart {
    #[default]
    NextPage,
    Continuous,
    NextColumn,
    EvenPage,
    OddPage,
}

impl SectionStart {
    fn starts_page(self) -> bool {
        !matches!(self, SectionStart::Continuous | SectionStart::NextColumn)
    }
}

#[derive(Debug, Clone, Default)]
pub struct SectionProps {
    pub start: SectionStart,
    pub title_page: bool,
    /// Header/footer references: kind, variant, relationship id.
    pub refs: Vec<(HeaderFooterKind, HeaderFooterVariant, String)>,
}

/// Elements whose content is an older version of formatting (tracked changes) or other
/// properties that must not be read as the current ones.
fn is_skipped(local_name: &[u8]) -> bool {
    matches!(
        local_name,
        b"Fallback"
            | b"rPrChange"
            | b"pPrChange"
            | b"sectPrChange"
            | b"tblPrChange"
            | b"trPrChange"
            | b"tcPrChange"
            | b"numberingChange"
            | b"sdtPr"
            | b"sdtEndPr"
            | b"delText"
            | b"delInstrText"
            | b"fldData"
    )
}

/// Every `w:sectPr` of the body, in order (the last one is the body's own).
pub fn scan_sections(
    xml: &str,
    part: &str,
    path: &Path,
    ctx: &ReadContext<'_>,
) -> ExtractResult<Vec<SectionProps>> {
    let mut r = XmlReader::new(xml, part, path, ctx);
    let mut out = Vec::new();
    let mut current: Option<SectionProps> = None;
    while let Some(ev) = r.next()? {
        match &ev {
            Event::Start(e) if is_skipped(local(e)) => r.skip_element()?,
            Event::Start(e) if local(e) == b"sectPr" => current = Some(SectionProps::default()),
            Event::Empty(e) if local(e) == b"sectPr" => out.push(SectionProps::default()),
            Event::Start(e) | Event::Empty(e) => {
                let Some(s) = current.as_mut() else { continue };
                match local(e) {
                    b"type" => {
                        s.start = match attr(e, b"val").as_deref() {
                            Some("continuous") => SectionStart::Continuous,
                            Some("nextColumn") => SectionStart::NextColumn,
                            Some("evenPage") => SectionStart::EvenPage,
                            Some("oddPage") => SectionStart::OddPage,
                            _ => SectionStart::NextPage,
                        }
                    }
                    b"titlePg" => s.title_page = on_off(e),
                    name @ (b"headerReference" | b"footerReference") => {
                        let kind = if name == b"headerReference" {
                            HeaderFooterKind::Header
                        } else {
                            HeaderFooterKind::Footer
                        };
                        let variant = match attr(e, b"type").as_deref() {
                            Some("first") => HeaderFooterVariant::First,
                            Some("even") => HeaderFooterVariant::Even,
                            _ => HeaderFooterVariant::Default,
                        };
                        if let Some(id) = attr(e, b"id") {
                            s.refs.push((kind, variant, id));
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) if e.local_name().into_inner() == b"sectPr" => {
                if let Some(s) = current.take() {
                    out.push(s);
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

/// The document-wide parts that decide how a paragraph looks: styles (with the theme) and
/// list numbering.
pub struct Look<'a> {
    pub styles: &'a Styles,
    pub numbering: &'a Numbering,
}

/// What a part is, for the walker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartRole {
    Body,
    HeaderFooter,
    Notes,
}

pub struct Walked {
    pub paragraphs: Vec<Paragraph>,
    pub has_page_field: bool,
    /// For each section break met in the body: how many paragraphs came before it.
    pub section_ends: Vec<usize>,
    /// How many paragraphs come before the first page or section break.
    pub cover_paragraphs: Option<usize>,
    pub legacy: Option<LegacyEncoding>,
    /// Pages counted from explicit breaks (body only).
    pub pages: usize,
}

#[derive(Default)]
struct ParaBuilder {
    runs: Vec<Run>,
    style_id: Option<String>,
    outline_level: Option<u8>,
    page_break_before: Option<bool>,
    kind: BlockKind,
    page: usize,
    ends_section: bool,
    num_id: Option<String>,
    num_level: Option<usize>,
    /// The second half of a paragraph split by a page break (not numbered again).
    continuation: bool,
    run: Option<RunBuilder>,
    /// Paragraphs of text boxes anchored in this one, emitted after it.
    deferred: Vec<Paragraph>,
}

impl ParaBuilder {
    fn has_text(&self) -> bool {
        self.runs.iter().any(|r| !r.text.trim().is_empty())
    }
}

#[derive(Default)]
struct RunBuilder {
    direct: RunProps,
    char_style: Option<String>,
    text: String,
}

struct Field {
    instr: String,
    in_result: bool,
}

struct Walker<'s> {
    styles: &'s Styles,
    numbering: &'s Numbering,
    counters: Counters,
    role: PartRole,
    sections: &'s [SectionProps],
    out: Walked,
    paras: Vec<ParaBuilder>,
    fields: Vec<Field>,
    in_text: bool,
    in_instr: bool,
    in_run_props: bool,
    in_para_props: bool,
    table_depth: usize,
    textbox_depth: usize,
    page: usize,
    page_has_text: bool,
    section: usize,
}

pub fn walk(
    xml: &str,
    part: &str,
    path: &Path,
    ctx: &ReadContext<'_>,
    look: &Look<'_>,
    role: PartRole,
    sections: &[SectionProps],
) -> ExtractResult<Walked> {
    let mut w = Walker {
        styles: look.styles,
        numbering: look.numbering,
        counters: Counters::default(),
        role,
        sections,
        out: Walked {
            paragraphs: Vec::new(),
            has_page_field: false,
            section_ends: Vec::new(),
            cover_paragraphs: None,
            legacy: None,
            pages: 1,
        },
        paras: Vec::new(),
        fields: Vec::new(),
        in_text: false,
        in_instr: false,
        in_run_props: false,
        in_para_props: false,
        table_depth: 0,
        textbox_depth: 0,
        page: 0,
        page_has_text: false,
        section: 0,
    };
    let mut r = XmlReader::new(xml, part, path, ctx);
    while let Some(ev) = r.next()? {
        match &ev {
            Event::Start(e) => {
                let name = local(e);
                if is_skipped(name) || (role == PartRole::Notes && is_separator_note(e)) {
                    r.skip_element()?;
                    continue;
                }
                if w.in_para_props && matches!(name, b"rPr" | b"sectPr") {
                    if name == b"sectPr"
                        && let Some(p) = w.paras.last_mut()
                    {
                        p.ends_section = true;
                    }
                    r.skip_element()?;
                    continue;
                }
                w.start(e, false);
            }
            Event::Empty(e) => w.start(e, true),
            Event::End(e) => w.end(e.local_name().into_inner()),
            other => {
                if let Some(t) = text_of(other) {
                    w.text(&t);
                }
            }
        }
    }
    // Unclosed paragraphs at the end of a broken part still count.
    while !w.paras.is_empty() {
        w.end_paragraph();
    }
    w.out.pages = w.page + 1;
    Ok(w.out)
}

fn is_separator_note(e: &BytesStart<'_>) -> bool {
    matches!(local(e), b"footnote" | b"endnote") && attr(e, b"type").is_some_and(|t| t != "normal")
}

/// A field instruction whose first word is PAGE (not NUMPAGES, not PAGEREF).
fn is_page_instruction(instr: &str) -> bool {
    instr
        .split_whitespace()
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("PAGE"))
}

impl Walker<'_> {
    fn start(&mut self, e: &BytesStart<'_>, empty: bool) {
        let name = local(e);
        if self.in_run_props {
            if let Some(run) = self.run_mut() {
                if name == b"rStyle" {
                    run.char_style = attr(e, b"val");
                } else {
                    run.direct.apply(e);
                }
            }
            return;
        }
        if self.in_para_props {
            if let Some(p) = self.paras.last_mut() {
                match name {
                    b"pStyle" => p.style_id = attr(e, b"val"),
                    b"outlineLvl" => p.outline_level = attr(e, b"val").and_then(|v| v.parse().ok()),
                    b"pageBreakBefore" => p.page_break_before = Some(on_off(e)),
                    b"sectPr" => p.ends_section = true,
                    b"numId" => p.num_id = attr(e, b"val"),
                    b"ilvl" => p.num_level = attr(e, b"val").and_then(|v| v.parse().ok()),
                    _ => {}
                }
            }
            return;
        }
        match name {
            b"p" if !empty => self.start_paragraph(),
            b"pPr" if !empty && !self.in_run() => self.in_para_props = true,
            b"r" if !empty => {
                if let Some(p) = self.paras.last_mut() {
                    p.run = Some(RunBuilder::default());
                }
            }
            b"rPr" if !empty && self.in_run() => self.in_run_props = true,
            b"t" if !empty => self.in_text = true,
            b"instrText" if !empty => self.in_instr = true,
            b"tab" if self.in_run() => self.literal("\t"),
            b"cr" if self.in_run() => self.literal("\n"),
            b"noBreakHyphen" if self.in_run() => self.literal("-"),
            // A soft hyphen is invisible, except in a TCVN3 run where its byte (0xAD) is "ư";
            // Word and LibreOffice store that byte as <w:softHyphen/>. Kept here, dropped
            // below unless the run turns out to be legacy-encoded.
            b"softHyphen" if self.in_run() => self.literal("\u{ad}"),
            b"br" if self.in_run() => {
                if attr(e, b"type").as_deref() == Some("page") {
                    self.page_break();
                } else {
                    self.literal("\n");
                }
            }
            b"fldChar" => match attr(e, b"fldCharType").as_deref() {
                Some("begin") => self.fields.push(Field {
                    instr: String::new(),
                    in_result: false,
                }),
                Some("separate") => {
                    if let Some(f) = self.fields.last_mut() {
                        f.in_result = true;
                        if is_page_instruction(&f.instr) {
                            self.out.has_page_field = true;
                        }
                    }
                }
                Some("end") => {
                    if let Some(f) = self.fields.pop()
                        && is_page_instruction(&f.instr)
                    {
                        self.out.has_page_field = true;
                    }
                }
                _ => {}
            },
            b"fldSimple" if attr(e, b"instr").is_some_and(|i| is_page_instruction(&i)) => {
                self.out.has_page_field = true;
            }
            b"tbl" if !empty => self.table_depth += 1,
            b"txbxContent" if !empty => self.textbox_depth += 1,
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        if self.in_run_props {
            if name == b"rPr" {
                self.in_run_props = false;
            }
            return;
        }
        if self.in_para_props {
            if name == b"pPr" {
                self.in_para_props = false;
                self.paragraph_properties_done();
            }
            return;
        }
        match name {
            b"p" => self.end_paragraph(),
            b"r" => self.end_run(),
            b"t" => self.in_text = false,
            b"instrText" => self.in_instr = false,
            b"tbl" => self.table_depth = self.table_depth.saturating_sub(1),
            b"txbxContent" => self.textbox_depth = self.textbox_depth.saturating_sub(1),
            _ => {}
        }
    }

    fn text(&mut self, t: &str) {
        if self.in_instr {
            if let Some(f) = self.fields.last_mut()
                && !f.in_result
            {
                f.instr.push_str(t);
            }
            return;
        }
        if self.in_text {
            self.literal(t);
        }
    }

    /// Text that belongs to the run: `w:t` content, or what `w:tab`/`w:br`/`w:cr` stand for.
    /// Inside a field instruction it is not shown.
    fn literal(&mut self, t: &str) {
        if self.fields.iter().any(|f| !f.in_result) {
            return;
        }
        if let Some(run) = self.run_mut() {
            run.text.push_str(t);
        }
    }

    /// The run being read, in the innermost open paragraph (a text box's paragraphs sit
    /// inside a run of the paragraph that anchors them, so each paragraph has its own).
    fn run_mut(&mut self) -> Option<&mut RunBuilder> {
        self.paras.last_mut().and_then(|p| p.run.as_mut())
    }

    fn in_run(&self) -> bool {
        self.paras.last().is_some_and(|p| p.run.is_some())
    }

    fn counts_pages(&self) -> bool {
        self.role == PartRole::Body && self.textbox_depth == 0
    }

    fn start_paragraph(&mut self) {
        let kind = match self.role {
            PartRole::Notes => BlockKind::Footnote,
            _ if self.textbox_depth > 0 => BlockKind::TextBox,
            _ if self.table_depth > 0 => BlockKind::Table,
            _ => BlockKind::Body,
        };
        self.paras.push(ParaBuilder {
            kind,
            page: self.page,
            ..ParaBuilder::default()
        });
    }

    fn paragraph_properties_done(&mut self) {
        if !self.counts_pages() || self.paras.len() != 1 {
            return;
        }
        let Some(p) = self.paras.last() else { return };
        let style = self.styles.paragraph_style_id(p.style_id.as_deref());
        let before = p
            .page_break_before
            .or_else(|| self.styles.chain_find(style, |s| s.page_break_before))
            .unwrap_or(false);
        if before && self.page_has_text {
            self.new_page();
            if self.out.cover_paragraphs.is_none() {
                self.out.cover_paragraphs = Some(self.out.paragraphs.len());
            }
            if let Some(p) = self.paras.last_mut() {
                p.page = self.page;
            }
        }
    }

    fn new_page(&mut self) {
        self.page += 1;
        self.page_has_text = false;
    }

    fn page_break(&mut self) {
        if !self.counts_pages() {
            return;
        }
        // Text already in this paragraph stays on the old page: split the paragraph there.
        self.end_run_keep_open();
        let splits = self.paras.len() == 1 && self.paras.last().is_some_and(ParaBuilder::has_text);
        if splits && let Some(mut p) = self.paras.pop() {
            let cont = ParaBuilder {
                style_id: p.style_id.clone(),
                outline_level: p.outline_level,
                kind: p.kind,
                continuation: true,
                run: p.run.take(),
                ..ParaBuilder::default()
            };
            self.number(&mut p);
            self.emit(p);
            self.paras.push(cont);
        }
        self.new_page();
        if self.out.cover_paragraphs.is_none() {
            self.out.cover_paragraphs = Some(self.out.paragraphs.len());
        }
        if let Some(p) = self.paras.last_mut() {
            p.page = self.page;
        }
    }

    /// Close the current run and open an identical one (used when a break splits a run).
    fn end_run_keep_open(&mut self) {
        let Some(p) = self.paras.last_mut() else {
            return;
        };
        if let Some(run) = p.run.as_ref() {
            let reopened = RunBuilder {
                direct: run.direct.clone(),
                char_style: run.char_style.clone(),
                text: String::new(),
            };
            self.end_run();
            if let Some(p) = self.paras.last_mut() {
                p.run = Some(reopened);
            }
        }
    }

    fn end_run(&mut self) {
        let Some(run) = self.paras.last_mut().and_then(|p| p.run.take()) else {
            return;
        };
        self.in_text = false;
        if run.text.is_empty() {
            return;
        }
        let styles = self.styles;
        let Some(p) = self.paras.last_mut() else {
            return;
        };
        let para_style = styles.paragraph_style_id(p.style_id.as_deref());
        let resolved = styles.resolve(para_style, run.char_style.as_deref(), &run.direct);
        if resolved.hidden {
            // Hidden text is not printed: it is not part of what the council reads.
            return;
        }
        let mut text = run.text;
        if let Some(font) = resolved.font.as_deref()
            && let Some(enc) = legacy::encoding_for_font(font)
        {
            let upper = enc == LegacyEncoding::Tcvn3 && font.trim_end().ends_with(['H', 'h']);
            text = legacy::decode(&text, enc, upper);
            self.out.legacy.get_or_insert(enc);
        }
        if text.contains('\u{ad}') {
            text = text.replace('\u{ad}', "");
        }
        if !normalize::is_nfc(&text) {
            text = normalize::nfc(&text);
        }
        if let Some(last) = p.runs.last_mut()
            && last.font == resolved.font
            && last.size_pt == resolved.size_pt
            && last.bold == resolved.bold
            && last.italic == resolved.italic
        {
            last.text.push_str(&text);
            return;
        }
        p.runs.push(Run {
            text,
            font: resolved.font,
            size_pt: resolved.size_pt,
            bold: resolved.bold,
            italic: resolved.italic,
        });
    }

    fn end_paragraph(&mut self) {
        self.end_run();
        self.in_para_props = false;
        self.in_run_props = false;
        let Some(mut p) = self.paras.pop() else {
            return;
        };
        self.number(&mut p);
        if let Some(outer) = self.paras.last_mut() {
            // A paragraph inside a text box: emitted after the paragraph that anchors it.
            if let Some(done) = finish(self.styles, p) {
                outer.deferred.push(done);
            }
            return;
        }
        let ends_section = p.ends_section;
        self.emit(p);
        if ends_section && self.role == PartRole::Body {
            self.section_break();
        }
    }

    /// Put the list or heading number Word would show in front of the paragraph's text.
    fn number(&mut self, p: &mut ParaBuilder) {
        if p.continuation {
            return;
        }
        let style = self.styles.paragraph_style_id(p.style_id.as_deref());
        let Some(num_id) = p
            .num_id
            .clone()
            .or_else(|| self.styles.chain_find(style, |s| s.num_id.clone()))
        else {
            return;
        };
        let level = p
            .num_level
            .or_else(|| self.styles.chain_find(style, |s| s.num_level))
            .unwrap_or(0);
        let Some(label) = self
            .numbering
            .next_label(&mut self.counters, &num_id, level)
        else {
            return;
        };
        if p.has_text()
            && let Some(first) = p.runs.first_mut()
        {
            first.text.insert_str(0, &format!("{label} "));
        }
    }

    fn section_break(&mut self) {
        self.out.section_ends.push(self.out.paragraphs.len());
        if self.out.cover_paragraphs.is_none() {
            self.out.cover_paragraphs = Some(self.out.paragraphs.len());
        }
        self.section += 1;
        let next = self
            .sections
            .get(self.section)
            .map(|s| s.start)
            .unwrap_or_default();
        if next.starts_page() && self.page_has_text {
            self.new_page();
        }
    }

    fn emit(&mut self, mut p: ParaBuilder) {
        let deferred = std::mem::take(&mut p.deferred);
        if let Some(done) = finish(self.styles, p) {
            self.out.paragraphs.push(done);
            if self.textbox_depth == 0 {
                self.page_has_text = true;
            }
        }
        self.out.paragraphs.extend(deferred);
    }
}

/// Turn a finished builder into a paragraph, or `None` when it has no text.
fn finish(styles: &Styles, p: ParaBuilder) -> Option<Paragraph> {
    if !p.has_text() {
        return None;
    }
    let style_id = styles.paragraph_style_id(p.style_id.as_deref());
    let style = style_id.and_then(|id| styles.style(id));
    let name = style.and_then(|s| s.name.clone());
    let outline = p
        .outline_level
        .or_else(|| styles.chain_find(style_id, |s| s.outline_level));
    let lower = name.as_deref().map(str::to_lowercase).unwrap_or_default();
    let kind = if p.kind != BlockKind::Body {
        p.kind
    } else if lower.starts_with("heading") || lower == "title" || outline.is_some_and(|l| l < 9) {
        BlockKind::Heading
    } else if lower == "caption" {
        BlockKind::Caption
    } else {
        BlockKind::Body
    };
    Some(Paragraph {
        runs: p.runs,
        kind,
        style: name,
        page: p.page,
        text_start: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::Limits;

    fn walk_body(body: &str) -> Walked {
        let xml = format!(
            r#"<w:document xmlns:w="w" xmlns:mc="mc"><w:body>{body}</w:body></w:document>"#
        );
        let limits = Limits::default();
        let budget = crate::limits::Budget::for_file(&limits);
        let ctx = ReadContext::new(&limits, &budget);
        let styles = Styles::default();
        let path = Path::new("t.docx");
        let sections = scan_sections(&xml, "d", path, &ctx).unwrap();
        walk(
            &xml,
            "d",
            path,
            &ctx,
            &Look {
                styles: &styles,
                numbering: &Numbering::default(),
            },
            PartRole::Body,
            &sections,
        )
        .unwrap()
    }

    fn texts(w: &Walked) -> Vec<(String, usize)> {
        w.paragraphs.iter().map(|p| (p.text(), p.page)).collect()
    }

    #[test]
    fn page_break_mid_paragraph_splits_it() {
        let w = walk_body(
            r#"<w:p><w:r><w:t>Bìa</w:t></w:r></w:p>
               <w:p><w:r><w:t xml:space="preserve">trước </w:t><w:br w:type="page"/><w:t>sau</w:t></w:r></w:p>
               <w:p><w:r><w:t>tiếp</w:t></w:r></w:p>"#,
        );
        assert_eq!(
            texts(&w),
            vec![
                ("Bìa".into(), 0),
                ("trước ".into(), 0),
                ("sau".into(), 1),
                ("tiếp".into(), 1)
            ]
        );
        assert_eq!(w.cover_paragraphs, Some(2));
        assert_eq!(w.pages, 2);
    }

    #[test]
    fn soft_hyphen_is_tcvn3_u_horn_and_invisible_elsewhere() {
        // "nước" in .VnTime is n, 0xAD (ư), í (ớ), c; Word writes 0xAD as <w:softHyphen/>.
        let w = walk_body(
            r#"<w:p><w:r><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr><w:t>n</w:t><w:softHyphen/><w:t>íc</w:t></w:r></w:p>
               <w:p><w:r><w:t>hoa</w:t><w:softHyphen/><w:t>hồng</w:t></w:r></w:p>"#,
        );
        assert_eq!(texts(&w), vec![("nước".into(), 0), ("hoahồng".into(), 0)]);
    }

    #[test]
    fn fields_keep_results_and_drop_instructions() {
        let w = walk_body(
            r#"<w:p><w:r><w:t xml:space="preserve">Trang </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE \* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#,
        );
        assert_eq!(texts(&w), vec![("Trang 3".into(), 0)]);
        assert!(w.has_page_field);
        let w = walk_body(
            r#"<w:p><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple></w:p>"#,
        );
        assert!(!w.has_page_field);
        let w = walk_body(
            r#"<w:p><w:fldSimple w:instr="PAGE"><w:r><w:t>9</w:t></w:r></w:fldSimple></w:p>"#,
        );
        assert!(w.has_page_field);
        assert_eq!(texts(&w), vec![("9".into(), 0)]);
    }

    #[test]
    fn fallback_is_skipped_and_text_boxes_follow_their_anchor() {
        let w = walk_body(
            r#"<w:p><w:r><w:t>neo</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>hộp</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>hộp</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
        );
        assert_eq!(texts(&w), vec![("neo".into(), 0), ("hộp".into(), 0)]);
        assert_eq!(w.paragraphs[1].kind, BlockKind::TextBox);
    }

    #[test]
    fn sections_start_pages_unless_continuous() {
        let w = walk_body(
            r#"<w:p><w:r><w:t>một</w:t></w:r><w:pPr><w:sectPr><w:type w:val="continuous"/></w:sectPr></w:pPr></w:p>
               <w:p><w:pPr><w:sectPr/></w:pPr><w:r><w:t>hai</w:t></w:r></w:p>
               <w:p><w:r><w:t>ba</w:t></w:r></w:p>
               <w:sectPr><w:type w:val="continuous"/></w:sectPr>"#,
        );
        // A sectPr's type says how ITS section starts: section 2 (empty sectPr) starts a
        // new page, section 3 (continuous) does not.
        assert_eq!(w.section_ends, vec![1, 2]);
        assert_eq!(
            texts(&w),
            vec![("một".into(), 0), ("hai".into(), 1), ("ba".into(), 1)]
        );
        let w2 = walk_body(
            r#"<w:p><w:pPr><w:sectPr/></w:pPr><w:r><w:t>một</w:t></w:r></w:p>
               <w:p><w:r><w:t>hai</w:t></w:r></w:p>
               <w:sectPr/>"#,
        );
        assert_eq!(texts(&w2), vec![("một".into(), 0), ("hai".into(), 1)]);
        assert_eq!(w2.cover_paragraphs, Some(1));
    }

    #[test]
    fn tables_and_deleted_text() {
        let w = walk_body(
            r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>ô</w:t></w:r><w:del><w:r><w:delText>xoá</w:delText></w:r></w:del></w:p></w:tc></w:tr></w:tbl>"#,
        );
        assert_eq!(texts(&w), vec![("ô".into(), 0)]);
        assert_eq!(w.paragraphs[0].kind, BlockKind::Table);
    }

    #[test]
    fn whitespace_between_elements_is_not_text() {
        let w = walk_body(
            "<w:p>\n  <w:r>\n    <w:t>một</w:t>\n  </w:r>\n  <w:r><w:tab/><w:t>hai</w:t><w:br/><w:t>ba</w:t></w:r>\n</w:p>",
        );
        assert_eq!(texts(&w), vec![("một\thai\nba".into(), 0)]);
    }

    #[test]
    fn page_break_before_starts_a_page_unless_the_page_is_empty() {
        let w = walk_body(
            r#"<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>đầu</w:t></w:r></w:p>
               <w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>mới</w:t></w:r></w:p>
               <w:p><w:pPr><w:pageBreakBefore w:val="0"/></w:pPr><w:r><w:t>cùng</w:t></w:r></w:p>"#,
        );
        assert_eq!(
            texts(&w),
            vec![("đầu".into(), 0), ("mới".into(), 1), ("cùng".into(), 1)]
        );
        assert_eq!(w.cover_paragraphs, Some(1));
    }

    #[test]
    fn nested_fields_and_unclosed_parts_do_not_leak_instructions() {
        let w = walk_body(
            r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/><w:instrText>IF </w:instrText><w:fldChar w:fldCharType="begin"/><w:instrText>PAGE</w:instrText><w:fldChar w:fldCharType="separate"/><w:t>2</w:t><w:fldChar w:fldCharType="end"/><w:instrText> = 1 "x" "y"</w:instrText><w:fldChar w:fldCharType="separate"/><w:t>y</w:t><w:fldChar w:fldCharType="end"/></w:r></w:p><w:p><w:r><w:t>cụt"#,
        );
        assert_eq!(texts(&w)[0], ("y".to_string(), 0));
        assert!(w.has_page_field);
    }

    #[test]
    fn a_text_box_inside_a_run_keeps_both_paragraphs_whole() {
        let w = walk_body(
            r#"<w:p><w:r><w:t xml:space="preserve">trước </w:t><w:pict><w:txbxContent><w:p><w:pPr><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:t>trong</w:t></w:r></w:p></w:txbxContent></w:pict><w:t>sau</w:t></w:r></w:p>"#,
        );
        assert_eq!(
            texts(&w),
            vec![("trước sau".into(), 0), ("trong".into(), 0)]
        );
        assert!(w.paragraphs.iter().all(|p| p.runs.iter().all(|r| !r.bold)));
    }

    #[test]
    fn hidden_text_is_left_out() {
        let w = walk_body(
            r#"<w:p><w:r><w:t xml:space="preserve">in </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn </w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>hiện</w:t></w:r></w:p>"#,
        );
        assert_eq!(texts(&w), vec![("in hiện".into(), 0)]);
    }
}
