//! List and heading numbers (`word/numbering.xml`). Word does not store "1.", "I." or "a)"
//! in the text of an automatically numbered paragraph; it computes them when it lays the
//! page out. Council members see them, and rules look for "I. ĐẶT VẤN ĐỀ", so the reader
//! computes them too and puts the label before the paragraph's text.
//!
//! Counters run per list instance (`w:numId`), which is what Word shows for the lists that
//! Word, LibreOffice and pandoc write; a deeper level restarts when a shallower one moves on.
//! Bullets carry no words and are left out.

use std::collections::HashMap;
use std::path::Path;

use quick_xml::events::Event;

use crate::error::ExtractResult;
use crate::extract::ReadContext;

use super::xml::{XmlReader, attr, local};

const LEVELS: usize = 9;

#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: String,
    start_overrides: HashMap<usize, u32>,
}

#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    nums: HashMap<String, Num>,
}

/// Where each list instance is, level by level (`None` = level not used yet).
#[derive(Debug, Default)]
pub struct Counters {
    current: HashMap<String, [Option<u32>; LEVELS]>,
}

impl Numbering {
    pub fn parse(xml: &str, path: &Path, ctx: &ReadContext<'_>) -> ExtractResult<Numbering> {
        let mut out = Numbering::default();
        let mut r = XmlReader::new(xml, "word/numbering.xml", path, ctx);
        let mut abstract_id: Option<String> = None;
        let mut levels: Vec<Level> = Vec::new();
        let mut level: Option<usize> = None;
        let mut num: Option<(String, Num)> = None;
        let mut override_level: Option<usize> = None;
        while let Some(ev) = r.next()? {
            match &ev {
                Event::Start(e) | Event::Empty(e) => {
                    let empty = matches!(ev, Event::Empty(_));
                    match local(e) {
                        b"abstractNum" if !empty => {
                            abstract_id = attr(e, b"abstractNumId");
                            levels = vec![Level::default(); LEVELS];
                        }
                        b"lvl" if !empty && abstract_id.is_some() => {
                            level = attr(e, b"ilvl")
                                .and_then(|v| v.parse::<usize>().ok())
                                .filter(|&l| l < LEVELS);
                            if let Some(l) = level
                                && let Some(slot) = levels.get_mut(l)
                            {
                                *slot = Level {
                                    start: 1,
                                    ..Level::default()
                                };
                            }
                        }
                        b"num" if !empty => {
                            num = attr(e, b"numId").map(|id| (id, Num::default()));
                        }
                        b"lvlOverride" if !empty => {
                            override_level = attr(e, b"ilvl")
                                .and_then(|v| v.parse::<usize>().ok())
                                .filter(|&l| l < LEVELS);
                        }
                        name => {
                            let val = attr(e, b"val");
                            if let Some((_, n)) = num.as_mut() {
                                match name {
                                    b"abstractNumId" => n.abstract_id = val.unwrap_or_default(),
                                    b"startOverride" => {
                                        if let (Some(l), Some(v)) =
                                            (override_level, val.and_then(|v| v.parse().ok()))
                                        {
                                            n.start_overrides.insert(l, v);
                                        }
                                    }
                                    _ => {}
                                }
                            } else if let Some(slot) = level.and_then(|l| levels.get_mut(l)) {
                                match name {
                                    b"start" => {
                                        slot.start = val.and_then(|v| v.parse().ok()).unwrap_or(1)
                                    }
                                    b"numFmt" => slot.format = val.unwrap_or_default(),
                                    b"lvlText" => slot.text = val.unwrap_or_default(),
                                    _ => {}
                                }
                            }
                        }
                    }
                }
                Event::End(e) => match e.local_name().into_inner() {
                    b"lvl" => level = None,
                    b"lvlOverride" => override_level = None,
                    b"abstractNum" => {
                        if let Some(id) = abstract_id.take() {
                            out.abstracts
                                .entry(id)
                                .or_insert_with(|| std::mem::take(&mut levels));
                        }
                    }
                    b"num" => {
                        if let Some((id, n)) = num.take() {
                            out.nums.entry(id).or_insert(n);
                        }
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        Ok(out)
    }

    /// Count one paragraph of list `num_id` at `level` and return its label ("2.", "II.",
    /// "1.3."), or `None` for bullets, unknown lists and `numId` 0 (numbering removed).
    pub fn next_label(
        &self,
        counters: &mut Counters,
        num_id: &str,
        level: usize,
    ) -> Option<String> {
        let num = self.nums.get(num_id)?;
        let levels = self.abstracts.get(&num.abstract_id)?;
        let level = level.min(LEVELS - 1);
        let start_of = |l: usize| {
            num.start_overrides
                .get(&l)
                .copied()
                .or_else(|| levels.get(l).map(|x| x.start))
                .unwrap_or(1)
        };
        let state = counters
            .current
            .entry(num_id.to_string())
            .or_insert([None; LEVELS]);
        let value = match state[level] {
            Some(v) => v.saturating_add(1),
            None => start_of(level),
        };
        state[level] = Some(value);
        for deeper in state.iter_mut().skip(level + 1) {
            *deeper = None;
        }
        let this = levels.get(level)?;
        if this.format == "bullet" || this.format == "none" || this.text.is_empty() {
            return None;
        }
        let mut label = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%'
                && let Some(d) = chars.peek().and_then(|d| d.to_digit(10))
            {
                chars.next();
                let l = (d as usize).saturating_sub(1).min(LEVELS - 1);
                let v = state[l].unwrap_or_else(|| start_of(l));
                let fmt = levels
                    .get(l)
                    .map(|x| x.format.as_str())
                    .unwrap_or("decimal");
                label.push_str(&format_number(v, fmt));
            } else {
                label.push(c);
            }
        }
        let label = label.trim().to_string();
        (!label.is_empty()).then_some(label)
    }
}

fn format_number(v: u32, format: &str) -> String {
    match format {
        "upperRoman" => roman(v),
        "lowerRoman" => roman(v).to_lowercase(),
        "upperLetter" => letters(v),
        "lowerLetter" => letters(v).to_lowercase(),
        "decimalZero" => format!("{v:02}"),
        _ => v.to_string(),
    }
}

fn roman(mut v: u32) -> String {
    if v == 0 || v >= 4000 {
        return v.to_string();
    }
    let table = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (n, s) in table {
        while v >= n {
            out.push_str(s);
            v -= n;
        }
    }
    out
}

/// Word's letters: A…Z, then AA…ZZ, AAA… (the letter repeated).
fn letters(v: u32) -> String {
    if v == 0 {
        return "0".into();
    }
    let idx = (v - 1) % 26;
    let times = ((v - 1) / 26 + 1).min(10) as usize;
    let c = char::from(b'A' + idx as u8);
    std::iter::repeat_n(c, times).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::Limits;

    const XML: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
    </w:numbering>"#;

    #[test]
    fn labels_follow_levels_formats_and_restarts() {
        let limits = Limits::default();
        let budget = crate::limits::Budget::for_file(&limits);
        let ctx = ReadContext::new(&limits, &budget);
        let n = Numbering::parse(XML, Path::new("t.docx"), &ctx).unwrap();
        let mut c = Counters::default();
        let mut next = |id: &str, l: usize| n.next_label(&mut c, id, l);
        assert_eq!(next("1", 0).as_deref(), Some("I."));
        assert_eq!(next("1", 1).as_deref(), Some("I.1."));
        assert_eq!(next("1", 2).as_deref(), Some("a)"));
        assert_eq!(next("1", 2).as_deref(), Some("b)"));
        assert_eq!(next("1", 1).as_deref(), Some("I.2."));
        assert_eq!(next("1", 2).as_deref(), Some("a)"));
        assert_eq!(next("1", 0).as_deref(), Some("II."));
        assert_eq!(next("1", 1).as_deref(), Some("II.1."));
        assert_eq!(next("2", 0).as_deref(), Some("IV."));
        assert_eq!(next("3", 0), None);
        assert_eq!(next("0", 0), None);
        assert_eq!(next("missing", 0), None);
    }

    #[test]
    fn number_formats() {
        assert_eq!(roman(1994), "MCMXCIV");
        assert_eq!(letters(1), "A");
        assert_eq!(letters(27), "AA");
        assert_eq!(format_number(7, "decimalZero"), "07");
    }
}
