//! The zip container of a DOCX, opened with the limits of untrusted input.
//!
//! A member's declared size is checked before inflating, and the bytes are counted while
//! inflating too, because the declared size is written by whoever made the file and can lie.
//! Every part soloai reads goes through [`Package::read_part`], so one place enforces the
//! per-member and total budgets.

use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::path::Path;

use quick_xml::events::Event;
use zip::ZipArchive;

use crate::error::{ExtractError, ExtractErrorKind, ExtractResult};
use crate::extract::ReadContext;
use crate::limits::Charge;

use super::xml::{XmlReader, attr, local};

/// Content type of the main part of a Word document (also templates and macro documents).
const WORD_MAIN_TYPES: &[&str] = &[
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
];

/// What the package turned out to be after reading `[Content_Types].xml` (or `mimetype`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackageKind {
    /// A Word document whose main part is at this name (no leading slash).
    Word { main_part: String },
    /// An OpenDocument text file (an .odt saved under a .docx name): read through conversion.
    Odt,
    /// Some other kind of file in a zip; the short name of what it is ("xlsx", "pptx", "zip").
    Other(String),
}

pub struct Package<'a> {
    path: &'a Path,
    ctx: &'a ReadContext<'a>,
    archive: ZipArchive<Cursor<&'a [u8]>>,
    /// Lower-cased member name → real member name (part names are case-insensitive).
    names: HashMap<String, String>,
    inflated_total: u64,
}

impl<'a> Package<'a> {
    pub fn open(path: &'a Path, bytes: &'a [u8], ctx: &'a ReadContext<'a>) -> ExtractResult<Self> {
        let archive = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| ExtractError::corrupt(path, format!("zip: {e}")))?;
        let names = archive
            .file_names()
            .map(|n| (n.to_lowercase(), n.to_string()))
            .collect();
        Ok(Package {
            path,
            ctx,
            archive,
            names,
            inflated_total: 0,
        })
    }

    pub fn has_part(&self, name: &str) -> bool {
        self.names
            .contains_key(&name.trim_start_matches('/').to_lowercase())
    }

    /// The bytes of one part, or `None` when the package has no such part.
    pub fn read_part(&mut self, name: &str) -> ExtractResult<Option<Vec<u8>>> {
        let key = name.trim_start_matches('/').to_lowercase();
        let Some(real) = self.names.get(&key).cloned() else {
            return Ok(None);
        };
        if self.ctx.deadline.expired() {
            return Err(self.timeout());
        }
        let limits = self.ctx.limits;
        let path = self.path;
        let mut member = self
            .archive
            .by_name(&real)
            .map_err(|e| ExtractError::corrupt(path, format!("zip member '{real}': {e}")))?;
        let bomb = || {
            ExtractError::new(
                path,
                ExtractErrorKind::ZipBomb {
                    member: real.clone(),
                },
            )
        };
        let left_in_total = limits
            .max_total_decompressed
            .saturating_sub(self.inflated_total);
        let budget = limits.max_member_bytes.min(left_in_total);
        if member.size() > budget {
            return Err(bomb());
        }
        // The part's declared size is charged to the file's memory budget before inflating,
        // and no more is inflated than the budget still allows: a member that lies about its
        // size stops at the budget, not at the zip limits.
        let declared = member.size();
        self.ctx.charge(path, Charge::Decompressed, declared)?;
        let allowed = budget.min(declared.saturating_add(self.ctx.budget.remaining()));
        let mut out = Vec::with_capacity(usize::try_from(declared.min(1 << 20)).unwrap_or(0));
        // Read one byte past what is allowed: if it arrives, the member lied about its size.
        let read = (&mut member)
            .take(allowed.saturating_add(1))
            .read_to_end(&mut out)
            .map_err(|e| ExtractError::corrupt(path, format!("zip member '{real}': {e}")))?
            as u64;
        if read > budget {
            return Err(bomb());
        }
        if read > allowed {
            // Past the memory budget though within the zip limits.
            self.ctx
                .charge(path, Charge::Decompressed, read - declared)?;
        }
        self.ctx
            .charge(path, Charge::Decompressed, read.saturating_sub(declared))?;
        self.inflated_total += read;
        Ok(Some(out))
    }

    /// A part read as UTF-8 text (XML parts are UTF-8 in every Word-compatible writer; a
    /// UTF-16 part with a BOM is decoded too).
    pub fn read_text_part(&mut self, name: &str) -> ExtractResult<Option<String>> {
        let Some(bytes) = self.read_part(name)? else {
            return Ok(None);
        };
        Ok(Some(decode_xml_bytes(&bytes)))
    }

    pub fn timeout(&self) -> ExtractError {
        ExtractError::new(
            self.path,
            ExtractErrorKind::Timeout {
                seconds: self.ctx.deadline.budget_secs(),
            },
        )
    }

    pub fn path(&self) -> &'a Path {
        self.path
    }

    pub fn ctx(&self) -> &'a ReadContext<'a> {
        self.ctx
    }

    /// Decide what the package is from `[Content_Types].xml`, before reading anything else.
    pub fn kind(&mut self) -> ExtractResult<PackageKind> {
        if let Some(types) = self.read_text_part("[Content_Types].xml")? {
            let mut overrides: Vec<(String, String)> = Vec::new();
            let mut defaults: Vec<String> = Vec::new();
            let mut reader = XmlReader::new(&types, "[Content_Types].xml", self.path, self.ctx);
            while let Some(ev) = reader.next()? {
                if let Event::Start(e) | Event::Empty(e) = &ev {
                    match local(e) {
                        b"Override" => {
                            let part = attr(e, b"PartName").unwrap_or_default();
                            let ty = attr(e, b"ContentType").unwrap_or_default();
                            overrides.push((part, ty));
                        }
                        b"Default" => defaults.push(attr(e, b"ContentType").unwrap_or_default()),
                        _ => {}
                    }
                }
            }
            if let Some((part, _)) = overrides
                .iter()
                .find(|(_, ty)| WORD_MAIN_TYPES.contains(&ty.as_str()))
            {
                return Ok(PackageKind::Word {
                    main_part: part.trim_start_matches('/').to_string(),
                });
            }
            let all_types = overrides
                .iter()
                .map(|(_, t)| t.as_str())
                .chain(defaults.iter().map(String::as_str));
            for ty in all_types {
                if ty.contains("spreadsheetml") || ty.contains("ms-excel") {
                    return Ok(PackageKind::Other("xlsx".into()));
                }
                if ty.contains("presentationml") || ty.contains("ms-powerpoint") {
                    return Ok(PackageKind::Other("pptx".into()));
                }
                if ty.contains("drawingml.diagram") || ty.contains("visio") {
                    return Ok(PackageKind::Other("vsdx".into()));
                }
            }
            // Content types without a Word main part: some writers omit the override but
            // still put the document where Word does.
            if self.has_part("word/document.xml") {
                return Ok(PackageKind::Word {
                    main_part: "word/document.xml".into(),
                });
            }
            return Ok(PackageKind::Other("ooxml".into()));
        }
        if let Some(mime) = self.read_part("mimetype")? {
            let mime = String::from_utf8_lossy(&mime).trim().to_string();
            // Text, text template and master document: all LibreOffice Writer files.
            if mime.starts_with("application/vnd.oasis.opendocument.text") {
                return Ok(PackageKind::Odt);
            }
            let short = mime
                .rsplit('.')
                .next()
                .filter(|s| !s.is_empty())
                .unwrap_or("opendocument");
            return Ok(PackageKind::Other(format!("opendocument {short}")));
        }
        if self.has_part("word/document.xml") {
            return Ok(PackageKind::Word {
                main_part: "word/document.xml".into(),
            });
        }
        Ok(PackageKind::Other("zip".into()))
    }

    /// Relationships of a part: id → (type, target part name resolved against the part).
    pub fn relationships(
        &mut self,
        part: &str,
    ) -> ExtractResult<HashMap<String, (String, String)>> {
        let (dir, file) = match part.rfind('/') {
            Some(i) => (&part[..i], &part[i + 1..]),
            None => ("", part),
        };
        let rels_name = if dir.is_empty() {
            format!("_rels/{file}.rels")
        } else {
            format!("{dir}/_rels/{file}.rels")
        };
        let mut out = HashMap::new();
        let Some(xml) = self.read_text_part(&rels_name)? else {
            return Ok(out);
        };
        let mut reader = XmlReader::new(&xml, &rels_name, self.path, self.ctx);
        while let Some(ev) = reader.next()? {
            if let Event::Start(e) | Event::Empty(e) = &ev
                && local(e) == b"Relationship"
            {
                if attr(e, b"TargetMode").as_deref() == Some("External") {
                    continue;
                }
                let (Some(id), Some(ty), Some(target)) =
                    (attr(e, b"Id"), attr(e, b"Type"), attr(e, b"Target"))
                else {
                    continue;
                };
                out.insert(id, (ty, resolve_target(dir, &target)));
            }
        }
        Ok(out)
    }
}

/// Join a relationship target to the folder of its source part (`../` and `/` handled).
fn resolve_target(dir: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        dir.split('/').filter(|s| !s.is_empty()).collect()
    };
    for seg in target.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

fn decode_xml_bytes(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let (text, _, _) = encoding_rs::UTF_16LE.decode(bytes);
        return text.into_owned();
    }
    String::from_utf8_lossy(bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_against_the_source_folder() {
        assert_eq!(resolve_target("word", "styles.xml"), "word/styles.xml");
        assert_eq!(
            resolve_target("word", "../customXml/a.xml"),
            "customXml/a.xml"
        );
        assert_eq!(
            resolve_target("word", "/word/footer1.xml"),
            "word/footer1.xml"
        );
        assert_eq!(resolve_target("", "word/document.xml"), "word/document.xml");
    }

    #[test]
    fn utf16_parts_are_decoded() {
        let bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("<a/>".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode_xml_bytes(&bytes), "<a/>");
    }
}
