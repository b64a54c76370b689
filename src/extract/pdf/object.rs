//! Small, never-failing accessors over lopdf objects: a broken reference or a wrong type is
//! "absent", and each caller decides what absence means.

use lopdf::{Dictionary, Document, Object, Stream};

use super::budget::{Budget, Exceeded};

/// How many references in a row we follow before calling it a loop.
const MAX_DEREF: usize = 16;

pub fn deref<'a>(doc: &'a Document, obj: Option<&'a Object>) -> Option<&'a Object> {
    let mut obj = obj?;
    for _ in 0..MAX_DEREF {
        match obj {
            Object::Reference(id) => obj = doc.get_object(*id).ok()?,
            other => return Some(other),
        }
    }
    None
}

pub fn dict_of<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a Dictionary> {
    match deref(doc, Some(obj))? {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

pub fn name_of(doc: &Document, obj: Option<&Object>) -> Option<String> {
    match deref(doc, obj)? {
        Object::Name(n) => Some(String::from_utf8_lossy(n).into_owned()),
        _ => None,
    }
}

pub fn number_of(doc: &Document, obj: Option<&Object>) -> Option<f32> {
    match deref(doc, obj)? {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

/// Why a stream's bytes could not be had.
#[derive(Debug)]
pub enum StreamError {
    /// Decompressing would pass the limit: a bomb, reported as `TooLarge`.
    TooLarge,
    /// A filter we cannot undo or broken data.
    Undecodable(String),
    /// The file's work budget ran out (see [`super::budget`]).
    Budget(Exceeded),
}

/// A stream's decoded bytes, bounded by the single-stream limit while inflating (lopdf counts
/// as it goes) and charged to the file's budget.
pub fn stream_data(stream: &Stream, budget: &Budget) -> Result<Vec<u8>, StreamError> {
    if let Some(e) = budget.exceeded() {
        return Err(StreamError::Budget(e));
    }
    match stream.get_plain_content_with_limit(budget.stream_limit()) {
        Ok(data) => {
            budget
                .inflated_bytes(data.len())
                .map_err(StreamError::Budget)?;
            Ok(data)
        }
        Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
            Err(StreamError::TooLarge)
        }
        Err(e) => Err(StreamError::Undecodable(e.to_string())),
    }
}
