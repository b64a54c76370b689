//! Corpus documents written as text with a TOML front-matter block:
//!
//! ```text
//! +++
//! title = "Bộ phận một cửa liên thông cấp huyện"
//! kind = "applied"
//! area = "c"
//! +++
//! The body…
//! ```
//!
//! The keys say what copy detection needs to know about a source (is it an applied model, an
//! earlier entry, was it awarded) and where the fact came from; the body is the text.

use serde::Deserialize;

use crate::normalize;

/// The keys a corpus document may carry; all optional, unknown keys ignored.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct FrontMatter {
    pub title: Option<String>,
    /// "applied" | "published" | "past-entry" | "template".
    pub kind: Option<String>,
    /// Content area a–h (Lạng Sơn letters, "đ" included).
    pub area: Option<String>,
    pub province: Option<String>,
    /// Year or date the model has been applied since.
    pub since: Option<toml::Value>,
    /// The earlier contest a past entry ran in.
    pub contest: Option<String>,
    pub year: Option<i64>,
    pub awarded: Option<bool>,
    /// Name of the public source the facts come from.
    pub source: Option<String>,
    pub source_url: Option<String>,
}

impl FrontMatter {
    /// `since` as text, whatever TOML type the author used (2019, "2019-06", 2019-06-01).
    pub fn since_text(&self) -> Option<String> {
        match &self.since {
            None => None,
            Some(toml::Value::String(s)) => Some(s.clone()),
            Some(toml::Value::Integer(i)) => Some(i.to_string()),
            Some(other) => Some(other.to_string()),
        }
    }
}

/// A document split into its front matter and its body (NFC, trimmed).
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub front: FrontMatter,
    pub body: String,
}

/// Why a front-matter block could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FrontMatterError {
    NotUtf8,
    Unclosed,
    Toml(String),
}

/// `Ok(None)` when the text does not start with a `+++` line (an ordinary document).
pub fn parse(bytes: &[u8]) -> Result<Option<Parsed>, FrontMatterError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if !starts_with_fence(bytes) {
        return Ok(None);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| FrontMatterError::NotUtf8)?;
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or_default();
    let mut offset = first.len();
    let block_start = offset;
    let mut block_end = None;
    for line in lines {
        if line.trim_end() == "+++" {
            block_end = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let (end, body_start) = block_end.ok_or(FrontMatterError::Unclosed)?;
    let block = text.get(block_start..end).unwrap_or_default();
    let front: FrontMatter =
        toml::from_str(block).map_err(|e| FrontMatterError::Toml(e.message().to_string()))?;
    let body = text.get(body_start..).unwrap_or_default();
    let body = body.replace("\r\n", "\n");
    Ok(Some(Parsed {
        front: nfc_front(front),
        body: normalize::nfc_cow(&body).trim().to_string(),
    }))
}

fn starts_with_fence(bytes: &[u8]) -> bool {
    let first_line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    first_line.trim_ascii_end() == b"+++"
}

fn nfc_front(front: FrontMatter) -> FrontMatter {
    let n = |s: Option<String>| s.map(|s| normalize::nfc(s.trim()));
    FrontMatter {
        title: n(front.title),
        kind: n(front.kind),
        area: n(front.area),
        province: n(front.province),
        since: front.since,
        contest: n(front.contest),
        year: front.year,
        awarded: front.awarded,
        source: n(front.source),
        source_url: n(front.source_url),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_keys_and_body() {
        let text = "+++\r\ntitle = \"Mo\u{0302}\u{0323}t cửa\"\r\nkind = \"applied\"\r\nsince = 2019\r\nawarded = false\r\n+++\r\n\r\nThân bài.\r\nDòng hai.\r\n";
        let parsed = parse(text.as_bytes()).unwrap().unwrap();
        assert_eq!(parsed.front.title.as_deref(), Some("Một cửa"));
        assert_eq!(parsed.front.kind.as_deref(), Some("applied"));
        assert_eq!(parsed.front.since_text().as_deref(), Some("2019"));
        assert_eq!(parsed.front.awarded, Some(false));
        assert_eq!(parsed.body, "Thân bài.\nDòng hai.");
    }

    #[test]
    fn plain_text_has_no_front_matter() {
        assert_eq!(parse("Tiêu đề\n+++\n".as_bytes()), Ok(None));
        assert_eq!(parse(b""), Ok(None));
    }

    #[test]
    fn broken_blocks_are_errors_not_panics() {
        assert_eq!(
            parse(b"+++\ntitle = \"x\"\nbody"),
            Err(FrontMatterError::Unclosed)
        );
        assert!(matches!(
            parse(b"+++\ntitle = \n+++\nbody"),
            Err(FrontMatterError::Toml(_))
        ));
        assert_eq!(parse(b"+++\n\xff\n+++\n"), Err(FrontMatterError::NotUtf8));
        assert!(matches!(
            parse(b"+++\nyear = \"x\"\n+++\n"),
            Err(FrontMatterError::Toml(_))
        ));
    }
}
