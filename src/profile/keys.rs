//! What each profile key means and what reads it: `soloai profile show` prints this as
//! comments, and a test checks that every key of the built-in profiles is here (a key nothing
//! reads is removed, not kept). Keys of `[compare]` belong to copy detection, those of
//! `[[prizes]]` (and `[scoring]`) to the council papers; they are documented by their owners
//! and listed here by prefix.

/// (key path, what it means, what reads it). Array-of-tables keys are written `table.key`.
pub const KEYS: &[(&str, &str, &str)] = &[
    ("name", "short name used by --profile", "screen, reports"),
    (
        "title",
        "the contest's title as the plan writes it",
        "reports; RECYCLED-DECLARED (a statement naming this contest)",
    ),
    (
        "year",
        "the contest's year",
        "RECYCLED-DECLARED (an earlier contest is not this year's)",
    ),
    ("organizer", "who runs this round", "reports, minutes"),
    (
        "plan_reference",
        "the plan's number and date",
        "reports (cited beside the contest's name)",
    ),
    (
        "single_receiving_point",
        "an entry may be sent to one receiving point only",
        "RECEIVING-POINT-DUPLICATE",
    ),
    (
        "receiving_points.kind",
        "named | own-unit | district-of-residence | commune-of-residence | member-organization",
        "RECEIVING-POINT",
    ),
    (
        "receiving_points.label",
        "the plan's words for the point",
        "RECEIVING-POINT (evidence)",
    ),
    (
        "receiving_points.names",
        "named: the point's name and other spellings",
        "RECEIVING-POINT",
    ),
    (
        "deadlines.binds",
        "whom the date binds: author | receiving-unit | council | organizer",
        "LATE (author's date, else the receiving unit's)",
    ),
    (
        "deadlines.who",
        "who must act, as the plan names them",
        "LATE (evidence)",
    ),
    ("deadlines.what", "what must be done", "LATE (evidence)"),
    ("deadlines.before", "the date, YYYY-MM-DD", "LATE"),
    (
        "deadlines.day_counts",
        "the date itself is still in time (\"trước ngày\": false)",
        "LATE",
    ),
    (
        "areas.area",
        "the area's letter a, b, c, d, đ, e, g, h",
        "AREA",
    ),
    (
        "areas.title",
        "the area's name in the plan",
        "AREA, reports",
    ),
    (
        "areas.description",
        "the plan's description of the area",
        "AREA (detection)",
    ),
    (
        "areas.terms",
        "typical wording of entries in the area (ours)",
        "AREA (detection)",
    ),
    ("form.fonts.name", "an accepted font family", "FORM-FONT"),
    (
        "form.fonts.aliases",
        "other names of that face",
        "FORM-FONT",
    ),
    (
        "form.pdf_metric_equivalents",
        "metric clones accepted in PDFs only",
        "FORM-FONT",
    ),
    ("form.size_pt", "body text size in points", "FORM-SIZE"),
    (
        "form.size_tolerance_pt",
        "allowed difference from size_pt",
        "FORM-SIZE",
    ),
    (
        "form.min_body_share",
        "share of body characters that must comply",
        "FORM-FONT, FORM-SIZE",
    ),
    (
        "form.page_numbering_required",
        "pages must be numbered in order",
        "FORM-PAGENUM",
    ),
    (
        "form.cover_may_be_unnumbered",
        "the cover may carry no number",
        "FORM-PAGENUM",
    ),
    (
        "form.cover.name",
        "the cover names the author",
        "COVER-NAME",
    ),
    (
        "form.cover.position",
        "the cover gives the position",
        "COVER-POSITION",
    ),
    (
        "form.cover.unit",
        "unit | unit-or-address | unit-and-address on the cover",
        "COVER-UNIT",
    ),
    (
        "form.cover.phone",
        "the entry gives a phone number",
        "COVER-PHONE",
    ),
    (
        "form.cover.address",
        "the entry gives an address (cover or later)",
        "ADDRESS",
    ),
    (
        "form.cover.group_min_members",
        "a group has at least this many authors",
        "GROUP-MEMBERS, GROUP-KIND",
    ),
    (
        "form.cover.group_representative_contact",
        "a group names a representative with address and phone",
        "GROUP-MEMBERS",
    ),
    (
        "eligibility.individuals",
        "who may enter as an individual (the plan's words)",
        "ELIGIBLE-AUTHOR (evidence for an individual entry)",
    ),
    (
        "eligibility.groups",
        "who may enter as a group (the plan's words)",
        "ELIGIBLE-AUTHOR (evidence for a group entry)",
    ),
    (
        "eligibility.scope",
        "region (live/study/work in the province) | staff (of one agency)",
        "ELIGIBLE-AUTHOR",
    ),
    (
        "eligibility.region",
        "the province's name",
        "ELIGIBLE-AUTHOR",
    ),
    (
        "eligibility.region_places",
        "the province's district-level places",
        "ELIGIBLE-AUTHOR",
    ),
    (
        "eligibility.agency",
        "staff: the agency and its other spellings",
        "ELIGIBLE-AUTHOR; the unit tree (parent of divisions)",
    ),
    (
        "eligibility.excluded_roles",
        "bodies whose members may not enter",
        "EXCLUDED-PERSON",
    ),
    (
        "quotas.unit_kind",
        "department | district | commune | social-organization | central-agency | internal-division",
        "QUOTA",
    ),
    (
        "quotas.min_entries",
        "entries each unit of the kind sends at least",
        "QUOTA",
    ),
    (
        "quotas.required",
        "false: only encouraged (khuyến khích), never failed",
        "QUOTA",
    ),
    (
        "quotas.counted_by",
        "receiving-point | author-unit: which unit an entry counts for",
        "QUOTA",
    ),
    (
        "quotas.includes_units_below",
        "entries of units below count too (communes for their district)",
        "QUOTA",
    ),
    (
        "quotas.letter_if_none",
        "a unit with none owes an explanation letter",
        "QUOTA",
    ),
    (
        "quotas.note",
        "the plan's words for the quota",
        "QUOTA (evidence)",
    ),
];

/// Sections documented by their owners.
pub const OWNED_ELSEWHERE: &[(&str, &str)] = &[
    (
        "compare.",
        "copy-detection thresholds (see `soloai compare --help` and README, How copying is judged)",
    ),
    (
        "prizes.",
        "prize structure, read by the council papers (scoring, award list)",
    ),
    ("scoring.", "the marking sheet, read by the council papers"),
];

/// The documentation of a key path, if any.
pub fn doc(path: &str) -> Option<(&'static str, &'static str)> {
    KEYS.iter()
        .find(|(k, _, _)| *k == path)
        .map(|(_, d, u)| (*d, *u))
        .or_else(|| {
            OWNED_ELSEWHERE
                .iter()
                .find(|(p, _)| path.starts_with(p) || path == p.trim_end_matches('.'))
                .map(|(_, d)| (*d, ""))
        })
}

/// The key paths of a TOML value (`deadlines.before` for an array of tables).
pub fn paths(value: &toml::Value) -> Vec<String> {
    fn walk(v: &toml::Value, prefix: &str, out: &mut Vec<String>) {
        if let toml::Value::Table(t) = v {
            {
                for (k, child) in t {
                    let p = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    match child {
                        toml::Value::Table(_) => walk(child, &p, out),
                        toml::Value::Array(items)
                            if items.iter().any(|i| matches!(i, toml::Value::Table(_))) =>
                        {
                            for i in items {
                                walk(i, &p, out);
                            }
                        }
                        _ => {
                            if !out.contains(&p) {
                                out.push(p)
                            }
                        }
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(value, "", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::ContestProfile;

    #[test]
    fn every_key_of_the_built_in_profiles_is_documented_and_read() {
        for name in ContestProfile::builtin_names() {
            let source = ContestProfile::builtin_source(name).unwrap_or_default();
            let value: toml::Value = toml::from_str(source).unwrap_or_else(|e| panic!("{e}"));
            let full: toml::Value = toml::from_str(
                &ContestProfile::builtin(name)
                    .map(|p| p.to_toml_string())
                    .unwrap_or_default(),
            )
            .unwrap_or_else(|e| panic!("{e}"));
            for p in paths(&value).into_iter().chain(paths(&full)) {
                assert!(doc(&p).is_some(), "{name}: key {p} is not documented");
            }
        }
        for (k, d, used) in KEYS {
            assert!(!d.is_empty() && !used.is_empty(), "{k}");
        }
    }
}
