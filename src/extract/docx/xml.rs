//! A quick-xml pull reader with the guards every DOCX part needs: nesting depth, the
//! per-file deadline, and errors that name the file and the part.

use std::borrow::Cow;
use std::path::Path;

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

use crate::error::{ExtractError, ExtractErrorKind, ExtractResult};
use crate::extract::ReadContext;

/// How many events between two looks at the clock (reading the clock is not free).
const EVENTS_PER_DEADLINE_CHECK: u32 = 4096;

pub struct XmlReader<'x> {
    reader: Reader<&'x [u8]>,
    part: String,
    path: &'x Path,
    ctx: &'x ReadContext<'x>,
    depth: usize,
    events: u32,
}

impl<'x> XmlReader<'x> {
    pub fn new(xml: &'x str, part: &str, path: &'x Path, ctx: &'x ReadContext<'x>) -> Self {
        let mut reader = Reader::from_str(xml);
        let config = reader.config_mut();
        // Word files in the wild have mismatched end tags now and then; the structure we
        // need survives that, so we do not reject them.
        config.check_end_names = false;
        config.allow_unmatched_ends = true;
        XmlReader {
            reader,
            part: part.to_string(),
            path,
            ctx,
            depth: 0,
            events: 0,
        }
    }

    /// The next event, `None` at the end of the part.
    pub fn next(&mut self) -> ExtractResult<Option<Event<'x>>> {
        self.events = self.events.wrapping_add(1);
        if self.events.is_multiple_of(EVENTS_PER_DEADLINE_CHECK) && self.ctx.deadline.expired() {
            return Err(ExtractError::new(
                self.path,
                ExtractErrorKind::Timeout {
                    seconds: self.ctx.deadline.budget_secs(),
                },
            ));
        }
        let ev = self.reader.read_event().map_err(|e| {
            ExtractError::corrupt(
                self.path,
                format!(
                    "XML in '{}' at byte {}: {e}",
                    self.part,
                    self.reader.error_position()
                ),
            )
        })?;
        match &ev {
            Event::Start(_) => {
                self.depth += 1;
                if self.depth > self.ctx.limits.max_xml_depth {
                    return Err(ExtractError::new(
                        self.path,
                        ExtractErrorKind::XmlTooDeep {
                            part: self.part.clone(),
                        },
                    ));
                }
            }
            Event::End(_) => self.depth = self.depth.saturating_sub(1),
            Event::Eof => return Ok(None),
            _ => {}
        }
        Ok(Some(ev))
    }

    /// Skip everything up to the end of the element whose `Start` was just read.
    pub fn skip_element(&mut self) -> ExtractResult<()> {
        let target = self.depth.saturating_sub(1);
        while self.depth > target {
            if self.next()?.is_none() {
                break;
            }
        }
        Ok(())
    }
}

/// Local name of an element (`w:p` → `p`).
pub fn local<'e>(e: &'e BytesStart<'_>) -> &'e [u8] {
    let name = e.name().into_inner();
    match name.iter().rposition(|&b| b == b':') {
        Some(i) => name.get(i + 1..).unwrap_or(name),
        None => name,
    }
}

/// Value of the attribute with this local name (`w:val` → `val`), unescaped.
pub fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    for a in e.attributes().with_checks(false).flatten() {
        let key = a.key.into_inner();
        let key_local = match key.iter().rposition(|&b| b == b':') {
            Some(i) => key.get(i + 1..).unwrap_or(key),
            None => key,
        };
        if key_local == name {
            return Some(
                a.normalized_value(XmlVersion::Implicit1_0)
                    .map(Cow::into_owned)
                    .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned()),
            );
        }
    }
    None
}

/// A Word on/off property (`<w:b/>`, `<w:b w:val="0"/>`, `w:val="false"`/`"off"`).
pub fn on_off(e: &BytesStart<'_>) -> bool {
    !matches!(
        attr(e, b"val").as_deref(),
        Some("0" | "false" | "off" | "none")
    )
}

/// Text of a `Text`, `CData` or entity/char reference event.
pub fn text_of(ev: &Event<'_>) -> Option<String> {
    match ev {
        Event::Text(t) => Some(
            t.xml_content(XmlVersion::Implicit1_0)
                .map(Cow::into_owned)
                .unwrap_or_else(|_| String::from_utf8_lossy(t).into_owned()),
        ),
        Event::CData(t) => Some(String::from_utf8_lossy(t).into_owned()),
        Event::GeneralRef(r) => {
            if let Ok(Some(c)) = r.resolve_char_ref() {
                return Some(c.to_string());
            }
            let name = r.decode().ok()?;
            let s = match name.as_ref() {
                "amp" => "&",
                "lt" => "<",
                "gt" => ">",
                "quot" => "\"",
                "apos" => "'",
                _ => return None,
            };
            Some(s.to_string())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::Limits;

    fn texts(xml: &str) -> String {
        let limits = Limits::default();
        let budget = crate::limits::Budget::for_file(&limits);
        let ctx = ReadContext::new(&limits, &budget);
        let mut r = XmlReader::new(xml, "t.xml", Path::new("t.docx"), &ctx);
        let mut out = String::new();
        while let Some(ev) = r.next().unwrap() {
            if let Some(t) = text_of(&ev) {
                out.push_str(&t);
            }
        }
        out
    }

    #[test]
    fn entities_and_char_refs_become_text() {
        assert_eq!(texts("<a>x &amp; y &#7841;&#x1EA1;</a>"), "x & y ạạ");
    }

    #[test]
    fn depth_limit_is_an_error_not_a_stack_overflow() {
        let limits = Limits {
            max_xml_depth: 10,
            ..Limits::default()
        };
        let budget = crate::limits::Budget::for_file(&limits);
        let ctx = ReadContext::new(&limits, &budget);
        let xml = "<a>".repeat(50);
        let mut r = XmlReader::new(&xml, "deep.xml", Path::new("t.docx"), &ctx);
        let err = loop {
            match r.next() {
                Ok(Some(_)) => {}
                Ok(None) => panic!("no depth error"),
                Err(e) => break e,
            }
        };
        assert_eq!(err.kind().code(), "xml-too-deep");
    }
}
