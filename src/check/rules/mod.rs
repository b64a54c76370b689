//! One file per rule; [`ALL`] lists them in the order reports show them.

mod address;
mod area;
mod cover_name;
mod cover_phone;
mod cover_position;
mod cover_unit;
mod form_font;
mod form_pagenum;
mod form_size;
mod group_members;
mod revision_statement;
#[cfg(test)]
mod testing;

pub use address::AddressRule;
pub use area::AreaRule;
pub use cover_name::CoverName;
pub use cover_phone::CoverPhone;
pub use cover_position::CoverPosition;
pub use cover_unit::CoverUnit;
pub use form_font::FormFont;
pub use form_pagenum::FormPagenum;
pub use form_size::FormSize;
pub use group_members::GroupMembers;
pub use revision_statement::RevisionStatementRule;

use serde_json::json;

use super::text::snippet;
use super::{CheckResult, Rule, RuleInput, Verdict};
use crate::model::{Extracted, Format};

pub static ALL: &[&dyn Rule] = &[
    &FormFont,
    &FormSize,
    &FormPagenum,
    &CoverName,
    &CoverPosition,
    &CoverUnit,
    &CoverPhone,
    &AddressRule,
    &GroupMembers,
    &AreaRule,
    &RevisionStatementRule,
];

/// Why a rule that reads formatting or text cannot see the entry, if it cannot: a scanned
/// PDF has no text layer, a plain-text file has no fonts, sizes or pages.
pub(crate) fn cannot_see(
    input: &RuleInput<'_>,
    code: &str,
    needs_formatting: bool,
) -> Option<CheckResult> {
    let lang = input.lang;
    let doc = input.doc;
    if doc.needs_ocr {
        return Some(CheckResult::new(
            code,
            Verdict::CannotTell,
            lang.words().rules.cannot_see.needs_ocr.to_string(),
            json!({ "reason": "needs-ocr" }),
        ));
    }
    if needs_formatting && doc.format == Some(Format::Txt) {
        return Some(CheckResult::new(
            code,
            Verdict::CannotTell,
            lang.words().rules.cannot_see.plain_text.to_string(),
            json!({ "reason": "plain-text" }),
        ));
    }
    None
}

/// A place in the entry a council member can find: "trang 3: “…”".
pub(crate) fn place(input: &RuleInput<'_>, page: usize, what: &str, text: &str) -> String {
    let text = snippet(text, 60);
    (input.lang.words().rules.labelled.place)(page + 1, what, &text)
}

/// Pages that are scanned inside an otherwise readable PDF.
pub(crate) fn scanned_pages(doc: &Extracted) -> Vec<usize> {
    doc.pages
        .iter()
        .filter(|p| p.needs_ocr)
        .map(|p| p.index + 1)
        .collect()
}

/// The verdict of a cover rule that looks for one labelled value (name, position, …).
pub(crate) fn labelled_value(
    input: &RuleInput<'_>,
    code: &str,
    required: bool,
    value: Option<&str>,
    what: &str,
) -> CheckResult {
    let w = &input.lang.words().rules.labelled;
    if !required {
        return CheckResult::new(
            code,
            Verdict::Pass,
            (w.not_required)(what),
            json!({ "required": false, "value": value }),
        );
    }
    if let Some(r) = cannot_see(input, code, false) {
        return r;
    }
    let data = json!({
        "value": value,
        "labels_found": input.cover.labels_found,
        "cover_chars": input.doc.cover_text().chars().count(),
    });
    match value {
        Some(v) => CheckResult::new(code, Verdict::Pass, (w.found)(what, v), data),
        None if input.cover.labels_found == 0 && !input.doc.cover_text().trim().is_empty() => {
            CheckResult::new(code, Verdict::CannotTell, (w.no_labels)(what), data)
        }
        None => CheckResult::new(code, Verdict::Fail, (w.missing)(what), data),
    }
}
