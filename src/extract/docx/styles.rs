//! Run formatting resolved the way Word resolves it: document defaults, then the paragraph
//! style and its `basedOn` chain, then the character style and its chain, then direct
//! formatting. Theme fonts (`w:asciiTheme="minorHAnsi"`) are looked up in the theme part.
//!
//! Bold and italic are toggle properties: the value a character style gives flips the value
//! the paragraph style gave (ECMA-376 §17.7.3), while direct formatting sets it outright.

use std::collections::HashMap;
use std::path::Path;

use quick_xml::events::{BytesStart, Event};

use crate::error::ExtractResult;
use crate::extract::ReadContext;

use super::xml::{XmlReader, attr, local, on_off};

/// Which theme font a run asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeFont {
    Major,
    Minor,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FontChoice {
    Named(String),
    Theme(ThemeFont),
}

/// The run properties one level of the hierarchy sets; `None` = not set at this level.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunProps {
    pub font: Option<FontChoice>,
    /// Half-points, as `w:sz` stores them.
    pub size_half_pt: Option<u32>,
    pub bold: Option<bool>,
    pub italic: Option<bool>,
    /// `w:vanish`: hidden text, not printed.
    pub hidden: Option<bool>,
}

impl RunProps {
    /// Properties of `over` win where set.
    pub fn overlay(&self, over: &RunProps) -> RunProps {
        RunProps {
            font: over.font.clone().or_else(|| self.font.clone()),
            size_half_pt: over.size_half_pt.or(self.size_half_pt),
            bold: over.bold.or(self.bold),
            italic: over.italic.or(self.italic),
            hidden: over.hidden.or(self.hidden),
        }
    }

    /// Apply one child element of `w:rPr` (or a style's `w:rPr`).
    pub fn apply(&mut self, e: &BytesStart<'_>) {
        match local(e) {
            b"rFonts" => {
                // A theme attribute beats a font name at the same level, as in Word.
                let theme = attr(e, b"asciiTheme").or_else(|| attr(e, b"hAnsiTheme"));
                if let Some(t) = theme {
                    let which = if t.starts_with("major") {
                        ThemeFont::Major
                    } else {
                        ThemeFont::Minor
                    };
                    self.font = Some(FontChoice::Theme(which));
                } else if let Some(name) = attr(e, b"ascii").or_else(|| attr(e, b"hAnsi")) {
                    self.font = Some(FontChoice::Named(name));
                }
            }
            b"sz" => {
                if let Some(v) = attr(e, b"val").and_then(|v| parse_half_points(&v)) {
                    self.size_half_pt = Some(v);
                }
            }
            b"b" => self.bold = Some(on_off(e)),
            b"i" => self.italic = Some(on_off(e)),
            b"vanish" => self.hidden = Some(on_off(e)),
            _ => {}
        }
    }
}

/// `w:sz` is an integer of half-points; some writers put a decimal there.
fn parse_half_points(v: &str) -> Option<u32> {
    let v = v.trim();
    if let Ok(n) = v.parse::<u32>() {
        return (n > 0 && n < 10_000).then_some(n);
    }
    let f = v.parse::<f32>().ok()?;
    (f > 0.0 && f < 10_000.0).then_some(f.round() as u32)
}

#[derive(Debug, Clone, Default)]
pub struct Style {
    pub name: Option<String>,
    pub based_on: Option<String>,
    pub run: RunProps,
    /// `w:outlineLvl` in the style's paragraph properties (0 = level 1).
    pub outline_level: Option<u8>,
    pub page_break_before: Option<bool>,
    /// `w:numPr` in the style's paragraph properties (headings numbered by their style).
    pub num_id: Option<String>,
    pub num_level: Option<usize>,
}

#[derive(Debug, Default)]
pub struct Styles {
    defaults: RunProps,
    styles: HashMap<String, Style>,
    default_paragraph: Option<String>,
    default_character: Option<String>,
    major_font: Option<String>,
    minor_font: Option<String>,
}

/// The formatting a run ends up with.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub font: Option<String>,
    pub size_pt: Option<f32>,
    pub bold: bool,
    pub italic: bool,
    pub hidden: bool,
}

/// Longest `basedOn` chain followed (Word's own limit is far lower; a loop ends here).
const MAX_CHAIN: usize = 32;

impl Styles {
    pub fn parse(
        styles_xml: Option<&str>,
        theme_xml: Option<&str>,
        path: &Path,
        ctx: &ReadContext<'_>,
    ) -> ExtractResult<Styles> {
        let mut out = Styles::default();
        if let Some(xml) = theme_xml {
            out.parse_theme(xml, path, ctx)?;
        }
        if let Some(xml) = styles_xml {
            out.parse_styles(xml, path, ctx)?;
        }
        Ok(out)
    }

    fn parse_theme(&mut self, xml: &str, path: &Path, ctx: &ReadContext<'_>) -> ExtractResult<()> {
        let mut r = XmlReader::new(xml, "theme", path, ctx);
        let mut which: Option<ThemeFont> = None;
        while let Some(ev) = r.next()? {
            match &ev {
                Event::Start(e) if local(e) == b"majorFont" => which = Some(ThemeFont::Major),
                Event::Start(e) if local(e) == b"minorFont" => which = Some(ThemeFont::Minor),
                Event::End(e)
                    if matches!(e.local_name().into_inner(), b"majorFont" | b"minorFont") =>
                {
                    which = None
                }
                Event::Start(e) | Event::Empty(e) if local(e) == b"latin" => {
                    let face = attr(e, b"typeface").filter(|f| !f.is_empty());
                    match which {
                        Some(ThemeFont::Major) if self.major_font.is_none() => {
                            self.major_font = face
                        }
                        Some(ThemeFont::Minor) if self.minor_font.is_none() => {
                            self.minor_font = face
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn parse_styles(&mut self, xml: &str, path: &Path, ctx: &ReadContext<'_>) -> ExtractResult<()> {
        let mut r = XmlReader::new(xml, "word/styles.xml", path, ctx);
        let mut in_defaults = false;
        let mut in_rpr = false;
        let mut in_ppr = false;
        let mut current: Option<(String, Style)> = None;
        let mut is_default = false;
        while let Some(ev) = r.next()? {
            match &ev {
                Event::Start(e) | Event::Empty(e) => {
                    let empty = matches!(ev, Event::Empty(_));
                    match local(e) {
                        b"rPrDefault" if !empty => in_defaults = true,
                        b"style" if !empty => {
                            let ty = attr(e, b"type").unwrap_or_default();
                            let id = attr(e, b"styleId").unwrap_or_default();
                            is_default =
                                attr(e, b"default").is_some_and(|v| v == "1" || v == "true");
                            if is_default {
                                match ty.as_str() {
                                    "paragraph" => self.default_paragraph = Some(id.clone()),
                                    "character" => self.default_character = Some(id.clone()),
                                    _ => {}
                                }
                            }
                            current = Some((id, Style::default()));
                        }
                        b"rPr" if !empty => in_rpr = true,
                        b"pPr" if !empty => in_ppr = true,
                        b"name" if !in_rpr && !in_ppr => {
                            if let Some((_, s)) = current.as_mut() {
                                s.name = attr(e, b"val");
                            }
                        }
                        b"basedOn" if !in_rpr && !in_ppr => {
                            if let Some((_, s)) = current.as_mut() {
                                s.based_on = attr(e, b"val");
                            }
                        }
                        b"outlineLvl" if in_ppr => {
                            if let Some((_, s)) = current.as_mut() {
                                s.outline_level = attr(e, b"val").and_then(|v| v.parse().ok());
                            }
                        }
                        b"numId" if in_ppr => {
                            if let Some((_, s)) = current.as_mut() {
                                s.num_id = attr(e, b"val");
                            }
                        }
                        b"ilvl" if in_ppr => {
                            if let Some((_, s)) = current.as_mut() {
                                s.num_level = attr(e, b"val").and_then(|v| v.parse().ok());
                            }
                        }
                        b"pageBreakBefore" if in_ppr => {
                            if let Some((_, s)) = current.as_mut() {
                                s.page_break_before = Some(on_off(e));
                            }
                        }
                        _ if in_rpr => {
                            if let Some((_, s)) = current.as_mut() {
                                s.run.apply(e);
                            } else if in_defaults {
                                self.defaults.apply(e);
                            }
                        }
                        _ => {}
                    }
                }
                Event::End(e) => match e.local_name().into_inner() {
                    b"rPrDefault" => in_defaults = false,
                    b"rPr" => in_rpr = false,
                    b"pPr" => in_ppr = false,
                    b"style" => {
                        if let Some((id, s)) = current.take() {
                            self.styles.entry(id).or_insert(s);
                        }
                        is_default = false;
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        let _ = is_default;
        Ok(())
    }

    /// The style id a paragraph uses (its own, or the default paragraph style).
    pub fn paragraph_style_id<'s>(&'s self, own: Option<&'s str>) -> Option<&'s str> {
        own.filter(|id| self.styles.contains_key(*id))
            .or(self.default_paragraph.as_deref())
    }

    pub fn style(&self, id: &str) -> Option<&Style> {
        self.styles.get(id)
    }

    /// Run properties of a style with its `basedOn` chain folded in (base first).
    fn chain_props(&self, id: Option<&str>) -> RunProps {
        let mut chain: Vec<&Style> = Vec::new();
        let mut next = id;
        while let Some(cur) = next {
            let Some(s) = self.styles.get(cur) else { break };
            if chain.len() >= MAX_CHAIN {
                break;
            }
            chain.push(s);
            next = s.based_on.as_deref().filter(|b| *b != cur);
        }
        chain
            .iter()
            .rev()
            .fold(RunProps::default(), |acc, s| acc.overlay(&s.run))
    }

    /// A paragraph property that lives in the style chain (first style that sets it wins).
    pub fn chain_find<T>(&self, id: Option<&str>, get: impl Fn(&Style) -> Option<T>) -> Option<T> {
        let mut next = id;
        let mut steps = 0;
        while let Some(cur) = next {
            let s = self.styles.get(cur)?;
            if let Some(v) = get(s) {
                return Some(v);
            }
            steps += 1;
            if steps >= MAX_CHAIN {
                return None;
            }
            next = s.based_on.as_deref().filter(|b| *b != cur);
        }
        None
    }

    /// Resolve a run: `para_style` is the paragraph's style id (already defaulted),
    /// `char_style` the run's `w:rStyle`, `direct` its `w:rPr`.
    pub fn resolve(
        &self,
        para_style: Option<&str>,
        char_style: Option<&str>,
        direct: &RunProps,
    ) -> Resolved {
        let para = self.chain_props(para_style);
        let char_id = char_style
            .filter(|id| self.styles.contains_key(*id))
            .or(self.default_character.as_deref());
        let chars = self.chain_props(char_id);
        let toggle = |p: Option<bool>, c: Option<bool>| match (p, c) {
            (None, None) => None,
            (p, c) => Some(p.unwrap_or(false) ^ c.unwrap_or(false)),
        };
        let styled = RunProps {
            font: chars.font.clone().or(para.font.clone()),
            size_half_pt: chars.size_half_pt.or(para.size_half_pt),
            bold: toggle(para.bold, chars.bold),
            italic: toggle(para.italic, chars.italic),
            hidden: toggle(para.hidden, chars.hidden),
        };
        let all = self.defaults.overlay(&styled).overlay(direct);
        let font = match all.font {
            Some(FontChoice::Named(n)) => Some(n),
            Some(FontChoice::Theme(ThemeFont::Major)) => self.major_font.clone(),
            Some(FontChoice::Theme(ThemeFont::Minor)) => self.minor_font.clone(),
            // Word's built-in default when nothing names a font.
            None => self.minor_font.clone(),
        };
        Resolved {
            font: font.map(|f| f.trim().to_string()).filter(|f| !f.is_empty()),
            size_pt: Some(
                all.size_half_pt
                    .map(|h| (h as f32 / 2.0 * 10.0).round() / 10.0)
                    // Word's default when neither defaults nor styles give a size: 10 pt.
                    .unwrap_or(10.0),
            ),
            bold: all.bold.unwrap_or(false),
            italic: all.italic.unwrap_or(false),
            hidden: all.hidden.unwrap_or(false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::Limits;

    const STYLES: &str = r#"<w:styles xmlns:w="w">
      <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="28"/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>
      <w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
      <w:style w:type="character" w:styleId="Loop"><w:basedOn w:val="Loop"/></w:style>
    </w:styles>"#;
    const THEME: &str = r#"<a:theme xmlns:a="a"><a:themeElements><a:fontScheme><a:majorFont><a:latin typeface="Cambria"/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/></a:minorFont></a:fontScheme></a:themeElements></a:theme>"#;

    fn styles() -> Styles {
        let limits = Limits::default();
        let budget = crate::limits::Budget::for_file(&limits);
        let ctx = ReadContext::new(&limits, &budget);
        Styles::parse(Some(STYLES), Some(THEME), Path::new("t.docx"), &ctx).unwrap()
    }

    #[test]
    fn defaults_then_style_chain_then_direct() {
        let s = styles();
        let normal = s.resolve(s.paragraph_style_id(None), None, &RunProps::default());
        assert_eq!(normal.font.as_deref(), Some("Times New Roman"));
        assert_eq!(normal.size_pt, Some(14.0));
        assert!(!normal.bold);
        let heading = s.resolve(Some("Heading1"), None, &RunProps::default());
        assert_eq!(heading.font.as_deref(), Some("Times New Roman"));
        assert_eq!(heading.size_pt, Some(16.0));
        assert!(heading.bold);
        let direct = RunProps {
            size_half_pt: Some(25),
            bold: Some(false),
            ..RunProps::default()
        };
        let d = s.resolve(Some("Heading1"), None, &direct);
        assert_eq!(d.size_pt, Some(12.5));
        assert!(!d.bold);
    }

    #[test]
    fn character_style_toggles_bold_of_a_bold_paragraph_style() {
        let s = styles();
        assert!(
            !s.resolve(Some("Heading1"), Some("Strong"), &RunProps::default())
                .bold
        );
        assert!(
            s.resolve(Some("Normal"), Some("Strong"), &RunProps::default())
                .bold
        );
    }

    #[test]
    fn theme_fonts_and_loops() {
        let s = styles();
        let direct = RunProps {
            font: Some(FontChoice::Theme(ThemeFont::Major)),
            ..RunProps::default()
        };
        assert_eq!(
            s.resolve(None, None, &direct).font.as_deref(),
            Some("Cambria")
        );
        // A style based on itself ends the chain instead of looping.
        let r = s.resolve(Some("Normal"), Some("Loop"), &RunProps::default());
        assert_eq!(r.size_pt, Some(14.0));
        assert_eq!(s.style("Heading1").and_then(|h| h.outline_level), Some(0));
    }
}
