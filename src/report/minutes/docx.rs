//! A small WordprocessingML writer for the council's papers: paragraphs, runs, tables, a
//! page-number header from page 2, document properties — exactly what an administrative
//! document under Nghị định 30/2020/NĐ-CP needs and nothing else.
//!
//! Written by hand because docx-rs (used before) cannot mark a table row as a repeating header
//! (`w:tblHeader`), nor set the author of the document properties; both are part of what makes
//! a biên bản printable and signable. The XML is built as text with every piece of untrusted
//! text escaped (and XML-forbidden control characters dropped) in one place, [`Run`].

use std::fmt::Write as _;
use std::io::Write as _;

use crate::report::escape::without_controls;

/// Times New Roman everywhere (Decree 30/2020, Phụ lục I: "phông chữ tiếng Việt Times New
/// Roman").
pub const FONT: &str = "Times New Roman";
/// A4 in twentieths of a point.
pub const PAGE_WIDTH: u32 = 11906;
pub const PAGE_HEIGHT: u32 = 16838;
/// Decree 30's margins: top and bottom 20 mm, left 30 mm, right 20 mm.
pub const MARGIN_TOP: u32 = 1134;
pub const MARGIN_BOTTOM: u32 = 1134;
pub const MARGIN_LEFT: u32 = 1701;
pub const MARGIN_RIGHT: u32 = 1134;
/// The width text may take.
pub const TEXT_WIDTH: u32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

/// XML text content: `&`, `<`, `>` and `"` escaped, control characters XML 1.0 forbids
/// dropped (a tab or line break inside a name becomes a space).
pub fn xml_escape(text: &str) -> String {
    let text = without_controls(text, true);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A run of text with its character formatting, or a special run.
#[derive(Debug, Clone, Default)]
pub struct Run {
    text: String,
    bold: bool,
    italic: bool,
    underline: bool,
    /// Size in half-points (Word's unit): 28 = 14 pt.
    size: Option<u32>,
    kind: RunKind,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
enum RunKind {
    #[default]
    Text,
    Tab,
    Break,
    /// A PAGE field (the page's number).
    PageField,
}

impl Run {
    pub fn new(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            ..Run::default()
        }
    }
    pub fn tab() -> Run {
        Run {
            kind: RunKind::Tab,
            ..Run::default()
        }
    }
    /// A line break inside the paragraph.
    pub fn line_break() -> Run {
        Run {
            kind: RunKind::Break,
            ..Run::default()
        }
    }
    pub fn page_number() -> Run {
        Run {
            kind: RunKind::PageField,
            ..Run::default()
        }
    }
    pub fn bold(mut self) -> Run {
        self.bold = true;
        self
    }
    pub fn italic(mut self) -> Run {
        self.italic = true;
        self
    }
    pub fn underline(mut self) -> Run {
        self.underline = true;
        self
    }
    /// Size in points.
    pub fn pt(mut self, points: u32) -> Run {
        self.size = Some(points * 2);
        self
    }
    pub fn is_bold(&self) -> bool {
        self.bold
    }

    fn properties(&self, out: &mut String) {
        // The font on every run too, not only in the styles: text copied into another
        // document keeps Times New Roman.
        let mut props = format!(
            "<w:rFonts w:ascii=\"{FONT}\" w:hAnsi=\"{FONT}\" w:eastAsia=\"{FONT}\" w:cs=\"{FONT}\"/>"
        );
        if self.bold {
            props.push_str("<w:b/><w:bCs/>");
        }
        if self.italic {
            props.push_str("<w:i/><w:iCs/>");
        }
        if self.underline {
            props.push_str("<w:u w:val=\"single\"/>");
        }
        if let Some(size) = self.size {
            let _ = write!(props, "<w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>");
        }
        let _ = write!(out, "<w:rPr>{props}</w:rPr>");
    }

    fn write(&self, out: &mut String) {
        match self.kind {
            RunKind::Text => {
                out.push_str("<w:r>");
                self.properties(out);
                let _ = write!(
                    out,
                    "<w:t xml:space=\"preserve\">{}</w:t></w:r>",
                    xml_escape(&self.text)
                );
            }
            RunKind::Tab => out.push_str("<w:r><w:tab/></w:r>"),
            RunKind::Break => out.push_str("<w:r><w:br/></w:r>"),
            RunKind::PageField => {
                let mut props = String::new();
                self.properties(&mut props);
                let _ = write!(
                    out,
                    "<w:r>{props}<w:fldChar w:fldCharType=\"begin\"/></w:r>\
                     <w:r>{props}<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>\
                     <w:r>{props}<w:fldChar w:fldCharType=\"separate\"/></w:r>\
                     <w:r>{props}<w:t>2</w:t></w:r>\
                     <w:r>{props}<w:fldChar w:fldCharType=\"end\"/></w:r>"
                );
            }
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
    Both,
}

impl Align {
    fn val(self) -> &'static str {
        match self {
            Align::Left => "left",
            Align::Center => "center",
            Align::Right => "right",
            Align::Both => "both",
        }
    }
}

/// A paragraph: runs plus the paragraph properties the papers use.
#[derive(Debug, Clone, Default)]
pub struct Para {
    runs: Vec<Run>,
    align: Align,
    keep_next: bool,
    keep_lines: bool,
    /// Spacing before / after in twentieths of a point.
    before: Option<u32>,
    after: Option<u32>,
    first_line: Option<u32>,
    indent_left: Option<u32>,
    indent_right: Option<u32>,
    /// A rule (top border) drawn across the paragraph's width: Decree 30's short lines.
    rule: bool,
    /// Centre tab stops (positions in twentieths of a point).
    center_tabs: Vec<u32>,
    /// Exact line height (twentieths of a point).
    exact_line: Option<u32>,
}

impl Para {
    pub fn new() -> Para {
        Para::default()
    }
    /// A paragraph of one plain run.
    pub fn text(text: impl Into<String>) -> Para {
        Para::new().run(Run::new(text))
    }
    pub fn run(mut self, run: Run) -> Para {
        self.runs.push(run);
        self
    }
    pub fn runs(mut self, runs: impl IntoIterator<Item = Run>) -> Para {
        self.runs.extend(runs);
        self
    }
    pub fn align(mut self, align: Align) -> Para {
        self.align = align;
        self
    }
    pub fn center(self) -> Para {
        self.align(Align::Center)
    }
    /// Keep this paragraph on the same page as the next one.
    pub fn keep_next(mut self) -> Para {
        self.keep_next = true;
        self
    }
    pub fn no_keep_next(mut self) -> Para {
        self.keep_next = false;
        self
    }
    /// Do not split this paragraph across pages.
    pub fn keep_lines(mut self) -> Para {
        self.keep_lines = true;
        self
    }
    pub fn spacing(mut self, before: u32, after: u32) -> Para {
        self.before = Some(before);
        self.after = Some(after);
        self
    }
    pub fn first_line(mut self, twips: u32) -> Para {
        self.first_line = Some(twips);
        self
    }
    pub fn indent(mut self, left: u32, right: u32) -> Para {
        self.indent_left = Some(left);
        self.indent_right = Some(right);
        self
    }
    pub fn center_tabs(mut self, tabs: &[u32]) -> Para {
        self.center_tabs = tabs.to_vec();
        self
    }
    /// An empty paragraph drawing a horizontal line of `length` twips, centred in `width`.
    pub fn rule(length: u32, width: u32) -> Para {
        let side = width.saturating_sub(length) / 2;
        Para {
            rule: true,
            exact_line: Some(120),
            ..Para::default()
        }
        .indent(side, side)
        .spacing(0, 0)
    }

    fn write(&self, out: &mut String) {
        let mut p = String::new();
        if self.keep_next {
            p.push_str("<w:keepNext/>");
        }
        if self.keep_lines {
            p.push_str("<w:keepLines/>");
        }
        if self.rule {
            p.push_str(
                "<w:pBdr><w:top w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>",
            );
        }
        if !self.center_tabs.is_empty() {
            p.push_str("<w:tabs>");
            for t in &self.center_tabs {
                let _ = write!(p, "<w:tab w:val=\"center\" w:pos=\"{t}\"/>");
            }
            p.push_str("</w:tabs>");
        }
        if self.before.is_some() || self.after.is_some() || self.exact_line.is_some() {
            p.push_str("<w:spacing");
            if let Some(b) = self.before {
                let _ = write!(p, " w:before=\"{b}\"");
            }
            if let Some(a) = self.after {
                let _ = write!(p, " w:after=\"{a}\"");
            }
            if let Some(l) = self.exact_line {
                let _ = write!(p, " w:line=\"{l}\" w:lineRule=\"exact\"");
            }
            p.push_str("/>");
        }
        if self.first_line.is_some() || self.indent_left.is_some() || self.indent_right.is_some() {
            p.push_str("<w:ind");
            if let Some(l) = self.indent_left {
                let _ = write!(p, " w:left=\"{l}\"");
            }
            if let Some(r) = self.indent_right {
                let _ = write!(p, " w:right=\"{r}\"");
            }
            if let Some(f) = self.first_line {
                let _ = write!(p, " w:firstLine=\"{f}\"");
            }
            p.push_str("/>");
        }
        if self.align != Align::Left {
            let _ = write!(p, "<w:jc w:val=\"{}\"/>", self.align.val());
        }
        out.push_str("<w:p>");
        if !p.is_empty() {
            let _ = write!(out, "<w:pPr>{p}</w:pPr>");
        }
        for r in &self.runs {
            r.write(out);
        }
        out.push_str("</w:p>");
    }
}

/// A table cell: its paragraphs and width.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    paras: Vec<Para>,
    /// Vertical alignment centred.
    v_center: bool,
    /// Grey background (a cell the reader must not fill).
    shaded: bool,
}

impl Cell {
    pub fn new(paras: Vec<Para>) -> Cell {
        Cell {
            paras,
            ..Cell::default()
        }
    }
    /// One paragraph of text at `pt` points.
    pub fn text(text: impl Into<String>, pt: u32) -> Cell {
        Cell::new(vec![Para::new().run(Run::new(text).pt(pt)).spacing(40, 40)])
    }
    pub fn v_center(mut self) -> Cell {
        self.v_center = true;
        self
    }
    pub fn shaded(mut self) -> Cell {
        self.shaded = true;
        self
    }
}

/// A table row.
#[derive(Debug, Clone, Default)]
pub struct Row {
    cells: Vec<Cell>,
    /// Repeat this row at the top of every page the table runs onto (w:tblHeader).
    header: bool,
    /// Keep the row on one page.
    cant_split: bool,
}

impl Row {
    /// A row that may break across pages. Rows of a table with a repeating header must stay
    /// splittable: LibreOffice (7.4) drops every row after the first page break when
    /// rows are `w:cantSplit` and the table repeats its header row, so a council printing
    /// from LibreOffice would lose entries from its minutes (tests/minutes.rs renders it).
    pub fn new(cells: Vec<Cell>) -> Row {
        Row {
            cells,
            header: false,
            cant_split: false,
        }
    }
    /// Keep this row on one page (tables without a repeating header only).
    pub fn cant_split(mut self) -> Row {
        self.cant_split = true;
        self
    }
    pub fn header(mut self) -> Row {
        self.header = true;
        self
    }
}

/// A table with fixed column widths.
#[derive(Debug, Clone, Default)]
pub struct Table {
    widths: Vec<u32>,
    rows: Vec<Row>,
    borders: bool,
}

impl Table {
    pub fn new(widths: Vec<u32>, rows: Vec<Row>) -> Table {
        Table {
            widths,
            rows,
            borders: true,
        }
    }
    pub fn without_borders(mut self) -> Table {
        self.borders = false;
        self
    }

    fn write(&self, out: &mut String) {
        let total: u32 = self.widths.iter().sum();
        let border = if self.borders { "single" } else { "nil" };
        let _ = write!(
            out,
            "<w:tbl><w:tblPr><w:tblW w:w=\"{total}\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>\
             <w:tblBorders><w:top w:val=\"{border}\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
             <w:left w:val=\"{border}\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
             <w:bottom w:val=\"{border}\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
             <w:right w:val=\"{border}\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
             <w:insideH w:val=\"{border}\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>\
             <w:insideV w:val=\"{border}\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/></w:tblBorders>\
             <w:tblLayout w:type=\"fixed\"/>\
             <w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar>\
             <w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid>"
        );
        for w in &self.widths {
            let _ = write!(out, "<w:gridCol w:w=\"{w}\"/>");
        }
        out.push_str("</w:tblGrid>");
        for row in &self.rows {
            out.push_str("<w:tr>");
            if row.header || row.cant_split {
                out.push_str("<w:trPr>");
                if row.cant_split {
                    out.push_str("<w:cantSplit/>");
                }
                if row.header {
                    out.push_str("<w:tblHeader/>");
                }
                out.push_str("</w:trPr>");
            }
            for (i, cell) in row.cells.iter().enumerate() {
                let width = self.widths.get(i).copied().unwrap_or(0);
                let _ = write!(out, "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>");
                if cell.shaded {
                    out.push_str("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D9D9D9\"/>");
                }
                if cell.v_center {
                    out.push_str("<w:vAlign w:val=\"center\"/>");
                }
                out.push_str("</w:tcPr>");
                if cell.paras.is_empty() {
                    // A cell must hold at least one paragraph.
                    Para::new().write(out);
                }
                for p in &cell.paras {
                    p.write(out);
                }
                out.push_str("</w:tc>");
            }
            out.push_str("</w:tr>");
        }
        out.push_str("</w:tbl>");
    }
}

/// A block of the body.
#[derive(Debug, Clone)]
pub enum Block {
    Para(Para),
    Table(Table),
}

impl From<Para> for Block {
    fn from(p: Para) -> Block {
        Block::Para(p)
    }
}

impl From<Table> for Block {
    fn from(t: Table) -> Block {
        Block::Table(t)
    }
}

/// The document properties (docProps/core.xml) a secretary sees under File → Properties.
#[derive(Debug, Clone, Default)]
pub struct Properties {
    pub title: String,
    pub subject: String,
    /// The author: the council's secretary, or the council.
    pub creator: String,
    /// RFC 3339 in UTC, e.g. `2025-07-08T01:30:00Z`.
    pub created: String,
}

/// A whole document: body blocks, body text size, properties.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub blocks: Vec<Block>,
    pub properties: Properties,
    /// Body text size in points (13 or 14 under Decree 30).
    pub body_pt: u32,
}

impl Document {
    pub fn push(&mut self, block: impl Into<Block>) {
        self.blocks.push(block.into());
    }

    /// `word/document.xml`.
    pub fn document_xml(&self) -> String {
        let mut out = String::with_capacity(64 * 1024);
        out.push_str(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
             <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
             xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>",
        );
        for block in &self.blocks {
            match block {
                Block::Para(p) => p.write(&mut out),
                Block::Table(t) => t.write(&mut out),
            }
        }
        let _ = write!(
            out,
            "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>\
             <w:headerReference w:type=\"first\" r:id=\"rIdHeaderFirst\"/>\
             <w:pgSz w:w=\"{PAGE_WIDTH}\" w:h=\"{PAGE_HEIGHT}\"/>\
             <w:pgMar w:top=\"{MARGIN_TOP}\" w:right=\"{MARGIN_RIGHT}\" w:bottom=\"{MARGIN_BOTTOM}\" \
             w:left=\"{MARGIN_LEFT}\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>\
             <w:pgNumType w:start=\"1\"/><w:titlePg/></w:sectPr></w:body></w:document>"
        );
        out
    }

    /// `word/styles.xml`: Times New Roman at the body size, Vietnamese language.
    fn styles_xml(&self) -> String {
        let size = self.body_pt.max(1) * 2;
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
             <w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
             <w:docDefaults><w:rPrDefault><w:rPr>\
             <w:rFonts w:ascii=\"{FONT}\" w:hAnsi=\"{FONT}\" w:eastAsia=\"{FONT}\" w:cs=\"{FONT}\"/>\
             <w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/><w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" w:bidi=\"ar-SA\"/>\
             </w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>\
             </w:pPr></w:pPrDefault></w:docDefaults>\
             <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>\
             <w:rPr><w:rFonts w:ascii=\"{FONT}\" w:hAnsi=\"{FONT}\" w:eastAsia=\"{FONT}\" w:cs=\"{FONT}\"/>\
             <w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/></w:rPr></w:style>\
             <w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/><w:basedOn w:val=\"Normal\"/></w:style>\
             <w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>\
             <w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>\
             <w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>\
             </w:tblCellMar></w:tblPr></w:style></w:styles>"
        )
    }

    /// `docProps/core.xml`.
    pub fn core_xml(&self) -> String {
        let p = &self.properties;
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
             <cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
             xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
             xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
             <dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject><dc:creator>{creator}</dc:creator>\
             <cp:lastModifiedBy>{creator}</cp:lastModifiedBy><dc:language>vi-VN</dc:language>\
             <cp:revision>1</cp:revision>\
             <dcterms:created xsi:type=\"dcterms:W3CDTF\">{created}</dcterms:created>\
             <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{created}</dcterms:modified></cp:coreProperties>",
            title = xml_escape(&p.title),
            subject = xml_escape(&p.subject),
            creator = xml_escape(&p.creator),
            created = xml_escape(&p.created),
        )
    }

    /// The page-number header: centred in the top margin, from page 2 (the first page has
    /// its own, empty header) — Decree 30: "không hiển thị số trang thứ nhất".
    fn header_xml(&self, with_number: bool) -> String {
        let mut body = String::new();
        let mut p = Para::new().center();
        if with_number {
            p = p.run(Run::page_number().pt(self.body_pt.clamp(13, 14)));
        }
        p.write(&mut body);
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
             <w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
             xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">{body}</w:hdr>"
        )
    }

    /// The whole .docx as bytes. Every part has the same fixed timestamp in the zip, so the
    /// same document gives the same bytes.
    pub fn to_bytes(&self) -> Result<Vec<u8>, String> {
        const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
            <Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
            <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
            <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
            <Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
            <Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
            <Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
            <Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>\
            <Override PartName=\"/word/header2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>\
            <Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
            <Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
            </Types>";
        const RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
            <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
            <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
            <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
            <Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
            </Relationships>";
        const DOCUMENT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
            <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
            <Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
            <Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>\
            <Relationship Id=\"rIdHeader\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>\
            <Relationship Id=\"rIdHeaderFirst\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header2.xml\"/>\
            </Relationships>";
        const SETTINGS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
            <w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
            <w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>\
            <w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
            </w:settings>";
        const APP: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
            <Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
            <Application>soloai</Application></Properties>";

        let parts: [(&str, String); 9] = [
            ("[Content_Types].xml", CONTENT_TYPES.to_string()),
            ("_rels/.rels", RELS.to_string()),
            ("docProps/core.xml", self.core_xml()),
            ("docProps/app.xml", APP.to_string()),
            ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_string()),
            ("word/document.xml", self.document_xml()),
            ("word/styles.xml", self.styles_xml()),
            ("word/settings.xml", SETTINGS.to_string()),
            ("word/header1.xml", self.header_xml(true)),
        ];
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        for (name, text) in parts
            .iter()
            .map(|(n, t)| (*n, t.as_str()))
            .chain([("word/header2.xml", self.header_xml(false).as_str())])
        {
            zip.start_file(name, options).map_err(|e| e.to_string())?;
            zip.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
        }
        Ok(zip.finish().map_err(|e| e.to_string())?.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn untrusted_text_is_escaped_and_controls_dropped() {
        assert_eq!(
            xml_escape("<w:t>&\"x\u{1}\u{b}y\tz"),
            "&lt;w:t&gt;&amp;&quot;xy z"
        );
    }

    #[test]
    fn header_rows_repeat_and_pages_are_numbered_from_two() {
        let mut doc = Document {
            body_pt: 14,
            ..Document::default()
        };
        doc.push(Table::new(
            vec![1000, 2000],
            vec![
                Row::new(vec![Cell::text("STT", 12), Cell::text("Tên", 12)]).header(),
                Row::new(vec![Cell::text("1", 12), Cell::text("a", 12)]),
            ],
        ));
        let xml = doc.document_xml();
        assert_eq!(xml.matches("<w:tblHeader/>").count(), 1);
        assert!(xml.contains("<w:titlePg/>"));
        assert!(doc.header_xml(true).contains(" PAGE "));
        assert!(!doc.header_xml(false).contains("PAGE"));
    }

    #[test]
    fn the_package_is_a_zip_with_every_part() -> Result<(), Box<dyn std::error::Error>> {
        let mut doc = Document {
            body_pt: 14,
            properties: Properties {
                title: "Biên bản".into(),
                creator: "Vi Thị Ngọc".into(),
                created: "2025-07-08T01:30:00Z".into(),
                ..Properties::default()
            },
            ..Document::default()
        };
        doc.push(Para::text("Xin chào"));
        let bytes = doc.to_bytes()?;
        let again = doc.to_bytes()?;
        assert_eq!(bytes, again, "same document, same bytes");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))?;
        assert_eq!(zip.len(), 10);
        let mut core = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("docProps/core.xml")?, &mut core)?;
        assert!(core.contains("<dc:creator>Vi Thị Ngọc</dc:creator>"));
        assert!(core.contains(">2025-07-08T01:30:00Z</dcterms:created>"));
        Ok(())
    }
}
