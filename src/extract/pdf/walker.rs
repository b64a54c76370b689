//! The content-stream walker: runs the text and graphics-state operators of a page (and the
//! Form XObjects it draws) and yields every glyph with its position, advance, effective size
//! and font. It does not draw; it tracks only what text layout needs.
//!
//! The size a reader sees is `Tf × text matrix × CTM`: cairo writes `1 Tf` and carries the
//! size in `Tm`, Word writes the size in `Tf` and scales nothing, scanners' OCR layers scale
//! through `cm`. All three must come out as the same 14 pt.

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::budget::{Budget, Exceeded};
use super::content::{Lexer, Operand};
use super::font::{FontCache, PdfFont};
use super::object::{StreamError, deref, dict_of, name_of, stream_data};
use crate::limits::Deadline;

/// Form XObjects drawing Form XObjects: deeper than this is a loop or an attack.
const MAX_FORM_DEPTH: usize = 12;
/// Operators between two looks at the clock.
const DEADLINE_EVERY: usize = 2048;
/// Distinct problems kept per page; past this they are only counted.
const MAX_PROBLEMS: usize = 32;
/// Decoded form content kept for reuse within one file (a form drawn on every page, a
/// letterhead, is inflated once).
const FORM_CACHE_BYTES: usize = 32 * 1024 * 1024;
/// A form whose one drawing runs this many operators makes the page be costed whole.
const COSTLY_FORM: u64 = 100_000;
/// Glyphs kept per page. A real page holds a few thousand; a content stream of tens of
/// megabytes of `Tj` must not become gigabytes of glyphs.
const MAX_GLYPHS_PER_PAGE: usize = 400_000;

/// A 2-D affine matrix `[a b c d e f]`, row-vector convention as in the PDF specification.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Matrix(pub [f32; 6]);

impl Matrix {
    pub const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn translate(tx: f32, ty: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, tx, ty])
    }

    /// `self` applied first, then `other`.
    fn then(&self, other: &Matrix) -> Matrix {
        let [a1, b1, c1, d1, e1, f1] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a1 * a2 + b1 * c2,
            a1 * b2 + b1 * d2,
            c1 * a2 + d1 * c2,
            c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2,
            e1 * b2 + f1 * d2 + f2,
        ])
    }

    fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (x * a + y * c + e, x * b + y * d + f)
    }

    fn from_numbers(ops: &[Operand<'_>]) -> Option<Matrix> {
        if ops.len() < 6 {
            return None;
        }
        let mut m = [0.0f32; 6];
        for (slot, o) in m.iter_mut().zip(ops) {
            *slot = o.number()?;
        }
        Some(Matrix(m))
    }

    fn from_operands(ops: &[Object]) -> Option<Matrix> {
        if ops.len() < 6 {
            return None;
        }
        let mut m = [0.0f32; 6];
        for (slot, o) in m.iter_mut().zip(ops) {
            *slot = o.as_float().ok().filter(|v| v.is_finite())?;
        }
        Some(Matrix(m))
    }
}

/// One glyph as drawn.
#[derive(Debug, Clone)]
pub struct Glyph {
    pub text: String,
    /// Origin of the glyph on the baseline, in user space (points from the bottom-left).
    pub x: f32,
    pub y: f32,
    /// Horizontal advance in user space (spacing included).
    pub width: f32,
    /// Effective font size in points.
    pub size: f32,
    pub font: Rc<PdfFont>,
}

/// What a page's content streams drew.
#[derive(Debug, Default)]
pub struct PageDrawing {
    pub glyphs: Vec<Glyph>,
    /// Images drawn (XObject images and inline images).
    pub images: usize,
    /// Codes no font map could turn into text.
    pub undecoded: usize,
    /// Glyphs past [`MAX_GLYPHS_PER_PAGE`], not kept.
    pub dropped: usize,
    /// Fonts decoded with a guessed table (no ToUnicode, no /Encoding).
    pub guessed_fonts: Vec<String>,
    /// Streams or operators we could not read; the page is read as far as it goes. At most
    /// [`MAX_PROBLEMS`] kept; `problem_count` counts them all.
    pub problems: Vec<String>,
    pub problem_count: usize,
}

impl PageDrawing {
    fn problem(&mut self, what: impl FnOnce() -> String) {
        self.problem_count += 1;
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(what());
        }
    }
}

/// Decoded Form XObject content streams of one file, by object.
#[derive(Debug, Default)]
pub struct FormCache {
    forms: HashMap<ObjectId, Rc<Vec<u8>>>,
    bytes: usize,
    /// Operators one drawing of a form runs, forms inside included (see `form_cost`).
    costs: HashMap<ObjectId, u64>,
}

/// Why a walk stopped early for the whole file.
#[derive(Debug)]
pub enum WalkStop {
    Deadline,
    StreamTooLarge,
    Budget(Exceeded),
}

impl From<Exceeded> for WalkStop {
    fn from(e: Exceeded) -> Self {
        WalkStop::Budget(e)
    }
}

#[derive(Debug, Clone)]
struct TextState {
    font: Option<Rc<PdfFont>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    horizontal_scale: f32,
    leading: f32,
    rise: f32,
}

impl Default for TextState {
    fn default() -> Self {
        TextState {
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            horizontal_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

#[derive(Debug, Clone)]
struct GraphicsState {
    ctm: Matrix,
    text: TextState,
}

pub struct Walker<'a> {
    doc: &'a Document,
    fonts: &'a mut FontCache,
    forms: &'a mut FormCache,
    budget: &'a Budget,
    deadline: Deadline,
    out: PageDrawing,
    ops_seen: usize,
    /// Form XObjects being drawn, to stop a form that draws itself.
    form_stack: Vec<ObjectId>,
    /// Forms whose cost is being computed.
    cost_stack: Vec<ObjectId>,
    /// The page's own content (for costing it whole) and whether that was done.
    page_content: Rc<Vec<u8>>,
    page_costed: bool,
}

impl<'a> Walker<'a> {
    pub fn new(
        doc: &'a Document,
        fonts: &'a mut FontCache,
        forms: &'a mut FormCache,
        budget: &'a Budget,
        deadline: Deadline,
    ) -> Self {
        Walker {
            doc,
            fonts,
            forms,
            budget,
            deadline,
            out: PageDrawing::default(),
            ops_seen: 0,
            form_stack: Vec::new(),
            cost_stack: Vec::new(),
            page_content: Rc::default(),
            page_costed: false,
        }
    }

    /// Walk one page. `resources` are the page's resource dictionaries, nearest first.
    pub fn walk_page(
        mut self,
        content: Vec<u8>,
        resources: &[&'a Dictionary],
        base: Matrix,
    ) -> Result<PageDrawing, WalkStop> {
        let state = GraphicsState {
            ctm: base,
            text: TextState::default(),
        };
        self.page_content = Rc::new(content);
        let content = self.page_content.clone();
        self.walk(&content, resources, state, 0)?;
        Ok(self.out)
    }

    fn walk(
        &mut self,
        content: &[u8],
        resources: &[&'a Dictionary],
        mut gs: GraphicsState,
        depth: usize,
    ) -> Result<(), WalkStop> {
        let mut stack: Vec<GraphicsState> = Vec::new();
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        let mut local_fonts: HashMap<Vec<u8>, Rc<PdfFont>> = HashMap::new();
        self.budget.content_bytes(content.len())?;
        let mut lexer = Lexer::new(content);
        while let Some(op) = lexer.next() {
            let operator = match op {
                Ok(op) => op,
                Err(e) => {
                    self.out
                        .problem(|| format!("content stream unreadable past this point ({e})"));
                    break;
                }
            };
            self.budget.operators(1)?;
            self.ops_seen += 1;
            if self.ops_seen.is_multiple_of(DEADLINE_EVERY) && self.deadline.expired() {
                return Err(WalkStop::Deadline);
            }
            let ops = &lexer.operands;
            let num = |i: usize| ops.get(i).and_then(Operand::number);
            match operator {
                // A stream that saves without restoring must not grow memory without bound.
                b"q" if stack.len() < 4096 => stack.push(gs.clone()),
                b"q" => {}
                b"Q" => {
                    if let Some(saved) = stack.pop() {
                        gs = saved;
                    }
                }
                b"cm" => {
                    if let Some(m) = Matrix::from_numbers(ops) {
                        gs.ctm = m.then(&gs.ctm);
                    }
                }
                b"BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                b"ET" => {}
                b"Tf" => {
                    if let Some(size) = num(1) {
                        gs.text.size = size;
                    }
                    if let Some(Operand::Name(name)) = ops.first() {
                        gs.text.font = match local_fonts.get(name.as_ref()) {
                            Some(f) => Some(f.clone()),
                            None => {
                                let font = self.font(resources, name);
                                if let Some(e) = self.budget.exceeded() {
                                    return Err(e.into());
                                }
                                if let Some(f) = &font {
                                    local_fonts.insert(name.to_vec(), f.clone());
                                }
                                font
                            }
                        };
                    }
                }
                b"Tc" => gs.text.char_spacing = num(0).unwrap_or(0.0),
                b"Tw" => gs.text.word_spacing = num(0).unwrap_or(0.0),
                b"Tz" => gs.text.horizontal_scale = num(0).unwrap_or(100.0) / 100.0,
                b"TL" => gs.text.leading = num(0).unwrap_or(0.0),
                b"Ts" => gs.text.rise = num(0).unwrap_or(0.0),
                b"Td" | b"TD" => {
                    let (tx, ty) = (num(0).unwrap_or(0.0), num(1).unwrap_or(0.0));
                    if operator == b"TD" {
                        gs.text.leading = -ty;
                    }
                    tlm = Matrix::translate(tx, ty).then(&tlm);
                    tm = tlm;
                }
                b"Tm" => {
                    if let Some(m) = Matrix::from_numbers(ops) {
                        tlm = m;
                        tm = m;
                    }
                }
                b"T*" => {
                    tlm = Matrix::translate(0.0, -gs.text.leading).then(&tlm);
                    tm = tlm;
                }
                b"Tj" => {
                    if let Some(Operand::Str(bytes)) = ops.first() {
                        self.show(bytes, &gs, &mut tm)?;
                    }
                }
                b"'" => {
                    tlm = Matrix::translate(0.0, -gs.text.leading).then(&tlm);
                    tm = tlm;
                    if let Some(Operand::Str(bytes)) = ops.first() {
                        self.show(bytes, &gs, &mut tm)?;
                    }
                }
                b"\"" => {
                    gs.text.word_spacing = num(0).unwrap_or(gs.text.word_spacing);
                    gs.text.char_spacing = num(1).unwrap_or(gs.text.char_spacing);
                    tlm = Matrix::translate(0.0, -gs.text.leading).then(&tlm);
                    tm = tlm;
                    if let Some(Operand::Str(bytes)) = ops.get(2) {
                        self.show(bytes, &gs, &mut tm)?;
                    }
                }
                b"TJ" => {
                    if let Some(Operand::Array(items)) = ops.first() {
                        for item in items {
                            match item {
                                Operand::Str(bytes) => self.show(bytes, &gs, &mut tm)?,
                                Operand::Number(adj) => {
                                    let adj = *adj;
                                    if adj.is_finite() {
                                        let tx =
                                            -adj / 1000.0 * gs.text.size * gs.text.horizontal_scale;
                                        tm = Matrix::translate(tx, 0.0).then(&tm);
                                    }
                                }
                                _ => {}
                            }
                        }
                    }
                }
                b"BI" => self.out.images += 1,
                b"Do" => {
                    if let Some(Operand::Name(name)) = ops.first() {
                        self.draw_xobject(resources, name, &gs, depth)?;
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn lookup(
        &self,
        resources: &[&'a Dictionary],
        category: &[u8],
        name: &[u8],
    ) -> Option<&'a Object> {
        let doc = self.doc;
        resources.iter().find_map(|res| {
            let cat = deref(doc, res.get(category).ok())?;
            let Object::Dictionary(d) = cat else {
                return None;
            };
            d.get(name).ok()
        })
    }

    fn font(&mut self, resources: &[&'a Dictionary], name: &[u8]) -> Option<Rc<PdfFont>> {
        let obj = self.lookup(resources, b"Font", name)?;
        let doc = self.doc;
        if let Object::Reference(id) = obj {
            if let Some(f) = self.fonts.get(id) {
                return Some(f.clone());
            }
            let dict = dict_of(doc, obj)?;
            let font = Rc::new(PdfFont::load(doc, dict, self.budget));
            self.note_font(&font);
            self.fonts.insert(*id, font.clone());
            Some(font)
        } else {
            let dict = dict_of(doc, obj)?;
            let font = Rc::new(PdfFont::load(doc, dict, self.budget));
            self.note_font(&font);
            Some(font)
        }
    }

    fn note_font(&mut self, font: &PdfFont) {
        if font.guessed_encoding && !self.out.guessed_fonts.contains(&font.family) {
            self.out.guessed_fonts.push(font.family.clone());
        }
    }

    fn show(&mut self, bytes: &[u8], gs: &GraphicsState, tm: &mut Matrix) -> Result<(), WalkStop> {
        let ts = &gs.text;
        let Some(font) = ts.font.clone() else {
            // Text with no font selected cannot be decoded; count it rather than guess.
            self.out.undecoded += bytes.len();
            return Ok(());
        };
        for code in font.decode(bytes) {
            let render = Matrix([
                ts.size * ts.horizontal_scale,
                0.0,
                0.0,
                ts.size,
                0.0,
                ts.rise,
            ])
            .then(tm)
            .then(&gs.ctm);
            let (x, y) = render.apply(0.0, 0.0);
            let [_, _, c, d, _, _] = render.0;
            let size = (c * c + d * d).sqrt();
            let mut advance = code.width * ts.size + ts.char_spacing;
            if code.is_word_space {
                advance += ts.word_spacing;
            }
            advance *= ts.horizontal_scale;
            let (ex, _) = Matrix::translate(advance, 0.0)
                .then(tm)
                .then(&gs.ctm)
                .apply(0.0, 0.0);
            let (ox, _) = tm.then(&gs.ctm).apply(0.0, 0.0);
            let width = ex - ox;
            match code.text {
                Some(_) if self.out.glyphs.len() >= MAX_GLYPHS_PER_PAGE => {
                    self.out.dropped += 1;
                }
                Some(text) if x.is_finite() && y.is_finite() && size.is_finite() => {
                    self.budget.characters(1)?;
                    self.out.glyphs.push(Glyph {
                        text,
                        x,
                        y,
                        width: if width.is_finite() { width } else { 0.0 },
                        size,
                        font: font.clone(),
                    });
                }
                Some(_) => {}
                None => self.out.undecoded += 1,
            }
            *tm = Matrix::translate(advance, 0.0).then(tm);
        }
        Ok(())
    }

    fn draw_xobject(
        &mut self,
        resources: &[&'a Dictionary],
        name: &[u8],
        gs: &GraphicsState,
        depth: usize,
    ) -> Result<(), WalkStop> {
        let doc = self.doc;
        let Some(obj) = self.lookup(resources, b"XObject", name) else {
            return Ok(());
        };
        let id = obj.as_reference().ok();
        let Some(Object::Stream(stream)) = deref(doc, Some(obj)) else {
            return Ok(());
        };
        match name_of(doc, stream.dict.get(b"Subtype").ok()).as_deref() {
            Some("Image") => self.out.images += 1,
            Some("Form") => {
                if depth >= MAX_FORM_DEPTH || id.is_some_and(|i| self.form_stack.contains(&i)) {
                    self.out
                        .problem(|| "form XObjects nested too deep or drawing themselves".into());
                    return Ok(());
                }
                let Some(data) = self.form_data(id, stream)? else {
                    return Ok(());
                };
                let matrix = deref(doc, stream.dict.get(b"Matrix").ok())
                    .and_then(|o| o.as_array().ok())
                    .and_then(|a| Matrix::from_operands(a))
                    .unwrap_or(Matrix::IDENTITY);
                let mut inner: Vec<&'a Dictionary> = Vec::with_capacity(resources.len() + 1);
                if let Some(r) = stream
                    .dict
                    .get(b"Resources")
                    .ok()
                    .and_then(|o| dict_of(doc, o))
                {
                    inner.push(r);
                }
                inner.extend_from_slice(resources);
                // Before drawing, what drawing will cost, the forms inside counted as often as
                // they are drawn: a 4 KB file of forms 10 wide and 13 deep is refused here at
                // once instead of after its first 40 million operators.
                if let Some(i) = id {
                    let cost = self.form_cost(i, &data, &inner, depth + 1)?;
                    self.budget.would_run(cost)?;
                    // A page drawing a costly form many times (2,000 draws of a form of
                    // 4 million operators) is costed whole, once, at its first such draw.
                    if depth == 0 && cost >= COSTLY_FORM && !self.page_costed {
                        self.page_costed = true;
                        let page = self.page_content.clone();
                        let page_cost = self.content_cost(&page, resources, 0)?;
                        self.budget
                            .would_run(page_cost.saturating_sub(self.ops_seen as u64))?;
                    }
                }
                let state = GraphicsState {
                    ctm: matrix.then(&gs.ctm),
                    text: gs.text.clone(),
                };
                if let Some(i) = id {
                    self.form_stack.push(i);
                }
                let result = self.walk(&data, &inner, state, depth + 1);
                if id.is_some() {
                    self.form_stack.pop();
                }
                result?;
            }
            _ => {}
        }
        Ok(())
    }

    /// A form's decoded content, from the file's cache or inflated (and cached while the cache
    /// has room). `None`: undecodable, noted as a problem.
    fn form_data(
        &mut self,
        id: Option<ObjectId>,
        stream: &lopdf::Stream,
    ) -> Result<Option<Rc<Vec<u8>>>, WalkStop> {
        if let Some(d) = id.and_then(|i| self.forms.forms.get(&i)) {
            return Ok(Some(d.clone()));
        }
        match stream_data(stream, self.budget) {
            Ok(d) => {
                let d = Rc::new(d);
                if let Some(i) = id
                    && self.forms.bytes + d.len() <= FORM_CACHE_BYTES
                {
                    self.forms.bytes += d.len();
                    self.forms.forms.insert(i, d.clone());
                }
                Ok(Some(d))
            }
            Err(StreamError::TooLarge) => Err(WalkStop::StreamTooLarge),
            Err(StreamError::Budget(e)) => Err(e.into()),
            Err(StreamError::Undecodable(e)) => {
                self.out
                    .problem(|| format!("form XObject unreadable ({e})"));
                Ok(None)
            }
        }
    }

    /// Operators that drawing form `id` (content `data`) runs: its own, plus each form it
    /// draws times the times it draws it, down to [`MAX_FORM_DEPTH`]. Computed once per form
    /// (names resolved with the resources of the first place it is drawn), saturating.
    fn form_cost(
        &mut self,
        id: ObjectId,
        data: &[u8],
        resources: &[&'a Dictionary],
        depth: usize,
    ) -> Result<u64, WalkStop> {
        if let Some(&c) = self.forms.costs.get(&id) {
            return Ok(c);
        }
        if depth >= MAX_FORM_DEPTH || self.cost_stack.contains(&id) {
            return Ok(0);
        }
        self.cost_stack.push(id);
        let total = self.content_cost(data, resources, depth);
        self.cost_stack.pop();
        let total = total?;
        self.forms.costs.insert(id, total);
        Ok(total)
    }

    /// Operators that running `data` runs, the forms it draws included (see `form_cost`).
    fn content_cost(
        &mut self,
        data: &[u8],
        resources: &[&'a Dictionary],
        depth: usize,
    ) -> Result<u64, WalkStop> {
        self.budget.content_bytes(data.len())?;
        let doc = self.doc;
        let mut own: u64 = 0;
        let mut draws: HashMap<Vec<u8>, u64> = HashMap::new();
        let mut lexer = Lexer::new(data);
        while let Some(Ok(operator)) = lexer.next() {
            own += 1;
            if operator == b"Do"
                && let Some(Operand::Name(n)) = lexer.operands.first()
            {
                *draws.entry(n.to_vec()).or_default() += 1;
            }
        }
        let mut total = own;
        for (name, times) in draws {
            let Some(obj) = self.lookup(resources, b"XObject", &name) else {
                continue;
            };
            let Ok(child) = obj.as_reference() else {
                continue;
            };
            let Some(Object::Stream(stream)) = deref(doc, Some(obj)) else {
                continue;
            };
            if name_of(doc, stream.dict.get(b"Subtype").ok()).as_deref() != Some("Form") {
                continue;
            }
            let Some(child_data) = self.form_data(Some(child), stream)? else {
                continue;
            };
            let mut inner: Vec<&'a Dictionary> = Vec::with_capacity(resources.len() + 1);
            if let Some(r) = stream
                .dict
                .get(b"Resources")
                .ok()
                .and_then(|o| dict_of(doc, o))
            {
                inner.push(r);
            }
            inner.extend_from_slice(resources);
            let c = self.form_cost(child, &child_data, &inner, depth + 1)?;
            total = total.saturating_add(c.saturating_mul(times));
        }
        Ok(total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrices_compose_in_pdf_order() {
        // Scale by 2 then move by (10, 20): a point at (1, 1) lands at (12, 22).
        let m = Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]).then(&Matrix::translate(10.0, 20.0));
        assert_eq!(m.apply(1.0, 1.0), (12.0, 22.0));
        let t = Matrix::translate(5.0, 0.0).then(&Matrix([1.0, 0.0, 0.0, 1.0, 100.0, 700.0]));
        assert_eq!(t.apply(0.0, 0.0), (105.0, 700.0));
    }
}
