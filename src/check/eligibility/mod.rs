//! Eligibility rules: who may enter, when, where the entry was sent, what was sent with it.
//!
//! Like the form rules (`check::rules`), each is one file with a code, a doc comment quoting
//! the plan line it enforces, a verdict pass / fail / cannot tell with evidence, and an
//! [`Effect`] saying what its verdict does to the entry. They read what the council was given
//! about an entry (the manifest row, the cover, the files and their sizes, what copy
//! detection found) and about the contest (profile, units, excluded persons, other entries),
//! through [`EntryFacts`] and [`ContestFacts`]; the screen stage fills both and only
//! assembles the results.
//!
//! | code | file | plan (Lạng Sơn / Hưng Yên) |
//! |---|---|---|
//! | LATE | `late.rs` | III.5.a / II.6 "trước ngày …" |
//! | EXCLUDED-PERSON | `excluded_person.rs` | II.1 "trừ các thành viên Ban Tổ chức, Ban Giám khảo, Tổ giúp việc" |
//! | GROUP-KIND | `group_kind.rs` | II.1.b / II.3 "nhóm tác giả (từ 02 người trở lên)" |
//! | ELIGIBLE-AUTHOR | `eligible_author.rs` | II.1 "đang cư trú, học tập, lao động trên địa bàn tỉnh" / II.4 "thuộc Ban" |
//! | RECEIVING-POINT | `receiving_point.rs` | III.3.a "gửi bài về …" / II.3 "gửi bài về Văn phòng Ban" |
//! | RECEIVING-POINT-DUPLICATE | `receiving_point_duplicate.rs` | III.3.a "mỗi bài dự thi chỉ được gửi cho một đầu mối tiếp nhận" |
//! | RECYCLED-DECLARED | `recycled_declared.rs` | III.2.b / II.2.b "có văn bản giải trình ghi rõ tên cuộc thi đã tham dự; nội dung đã được chỉnh sửa" |
//! | ATTACHMENTS | `attachments.rs` | III.3.a / II.3 "hình thức video, kèm theo sản phẩm, phần mềm, hình ảnh … trích xuất … ra bản word" |

mod attachments;
mod eligible_author;
mod excluded_person;
mod group_kind;
mod late;
mod receiving_point;
mod receiving_point_duplicate;
mod recycled_declared;

use serde::Serialize;

use super::{CheckResult, CoverInfo, Effect};
use crate::lang::Lang;
use crate::manifest::{Date, ExcludedPerson, ManifestRow, UnitTree};
use crate::model::Extracted;
use crate::profile::ContestProfile;

pub use attachments::Attachments;
pub use eligible_author::EligibleAuthor;
pub use excluded_person::{
    EXCLUDED_MIN_SCORE, ExcludedMatch, ExcludedPersonRule, match_excluded, name_similarity,
};
pub use group_kind::GroupKind;
pub use late::Late;
pub use receiving_point::ReceivingPointRule;
pub use receiving_point_duplicate::ReceivingPointDuplicate;
pub use recycled_declared::RecycledDeclared;

/// What kind of file an entry's file is (discover's, by the file ending).
pub use crate::discover::AttachmentKind as FileKind;

/// A video, picture or program: the plans want its content written out in Word.
pub fn is_media(kind: FileKind) -> bool {
    matches!(
        kind,
        FileKind::Video | FileKind::Picture | FileKind::Software
    )
}

/// The kind in the reader's words.
pub fn kind_label(kind: FileKind, lang: Lang) -> &'static str {
    match kind {
        FileKind::Document => lang.words().rules.entry.kind_document,
        FileKind::Video => lang.words().rules.entry.kind_video,
        FileKind::Picture => lang.words().rules.entry.kind_picture,
        FileKind::Software => lang.words().rules.entry.kind_software,
        FileKind::Other => lang.words().rules.entry.kind_other,
    }
}

/// One file of an entry, with its kind and size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntryFile {
    /// Relative to the entries folder.
    pub name: String,
    pub kind: FileKind,
    pub bytes: u64,
    /// The main document (the Word summary of a video entry).
    pub main: bool,
}

/// Another entry copy detection found with (nearly) the same text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SameText {
    pub other_id: String,
    pub other_point: Option<String>,
    /// Share of this entry's text found in the other, 0..1.
    pub share: f64,
}

/// What the council was given about one entry.
pub struct EntryFacts<'a> {
    pub id: &'a str,
    pub row: Option<&'a ManifestRow>,
    /// The main document, when one was read.
    pub doc: Option<&'a Extracted>,
    /// The cover as parsed (empty when there is no document).
    pub cover: &'a CoverInfo,
    pub attachment_docs: &'a [Extracted],
    /// Every file of the entry, main document first.
    pub files: &'a [EntryFile],
    /// Entries sent elsewhere with the same text (from copy detection).
    pub same_text: &'a [SameText],
}

impl EntryFacts<'_> {
    /// Authors from the manifest, else from the cover page.
    pub fn authors(&self) -> Vec<String> {
        if let Some(r) = self.row
            && !r.authors.is_empty()
        {
            return r.authors.clone();
        }
        if !self.cover.members.is_empty() {
            return self.cover.members.clone();
        }
        self.cover.name.clone().into_iter().collect()
    }

    /// The author's work unit(s) as given: (where, unit).
    pub fn units(&self, lang: Lang) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(u) = self.row.and_then(|r| r.unit.clone()) {
            out.push((lang.words().rules.entry.manifest_unit, u));
        }
        if let Some(u) = self.cover.unit.clone()
            && !out.iter().any(|(_, x)| x == &u)
        {
            out.push((lang.words().rules.entry.cover_unit, u));
        }
        out
    }

    /// The author's (or the group representative's) address(es) as given: (where, address).
    pub fn addresses(&self, lang: Lang) -> Vec<(&'static str, String)> {
        let mut out: Vec<(&'static str, String)> = Vec::new();
        let mut push = |place, a: Option<String>| {
            if let Some(a) = a
                && !out.iter().any(|(_, x)| x == &a)
            {
                out.push((place, a));
            }
        };
        push(
            lang.words().rules.entry.manifest_address,
            self.row.and_then(|r| r.address.clone()),
        );
        push(
            lang.words().rules.entry.cover_address,
            self.cover.address.clone(),
        );
        push(
            lang.words().rules.entry.representative_address,
            self.cover
                .representative
                .as_ref()
                .and_then(|r| r.address.clone()),
        );
        out
    }
}

/// Another entry of the contest, as the manifest and cover describe it.
#[derive(Debug, Clone, PartialEq)]
pub struct Peer {
    pub id: String,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub receiving_point: Option<String>,
}

/// The contest's entries, indexed by title and authors so a rule comparing an entry with the
/// others costs one lookup, not a pass over every entry.
#[derive(Debug, Clone, Default)]
pub struct Peers {
    list: Vec<Peer>,
    by_key: std::collections::HashMap<String, Vec<usize>>,
}

/// Title and authors folded (case, diacritics, punctuation, author order ignored); `None`
/// without a title or an author.
pub fn peer_key(title: Option<&str>, authors: &[String]) -> Option<String> {
    let fold = |s: &str| {
        crate::normalize::fold_key(s)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let title = fold(title?);
    let mut names: Vec<String> = authors.iter().map(|a| fold(a)).collect();
    names.retain(|n| !n.is_empty());
    if title.is_empty() || names.is_empty() {
        return None;
    }
    names.sort();
    Some(format!("{title}|{}", names.join(";")))
}

impl Peers {
    pub fn new(list: Vec<Peer>) -> Peers {
        let mut by_key: std::collections::HashMap<String, Vec<usize>> = Default::default();
        for (i, p) in list.iter().enumerate() {
            if let Some(k) = peer_key(p.title.as_deref(), &p.authors) {
                by_key.entry(k).or_default().push(i);
            }
        }
        Peers { list, by_key }
    }

    /// Entries with the same title and authors (the entry itself included).
    pub fn same_title_and_authors(&self, title: Option<&str>, authors: &[String]) -> Vec<&Peer> {
        peer_key(title, authors)
            .and_then(|k| self.by_key.get(&k))
            .map(|ix| ix.iter().filter_map(|&i| self.list.get(i)).collect())
            .unwrap_or_default()
    }
}

/// What the council was given about the contest.
pub struct ContestFacts<'a> {
    pub profile: &'a ContestProfile,
    /// The excluded-persons list; `None` when none was given.
    pub excluded: Option<&'a [ExcludedPerson]>,
    /// Every unit known, with the receiving points and author units of all entries placed.
    pub units: &'a UnitTree,
    /// `--deadline`: the last day entries are accepted, instead of the profile's date.
    pub deadline_override: Option<Date>,
    /// All entries, for rules that compare an entry with the others.
    pub peers: &'a Peers,
    pub lang: Lang,
}

/// One eligibility rule (one file each).
pub trait EntryRule: Sync {
    fn code(&self) -> &'static str;
    /// A short title in the reader's language.
    fn title(&self, lang: Lang) -> &'static str;
    /// The plan line(s) the rule enforces, quoted.
    fn plan(&self) -> &'static str;
    fn effect(&self) -> Effect;
    fn check(&self, entry: &EntryFacts<'_>, contest: &ContestFacts<'_>) -> CheckResult;
}

/// All eligibility rules, in the order reports list them.
pub static ALL: &[&dyn EntryRule] = &[
    &Late,
    &ExcludedPersonRule,
    &GroupKind,
    &EligibleAuthor,
    &ReceivingPointRule,
    &ReceivingPointDuplicate,
    &RecycledDeclared,
    &Attachments,
];

/// Run every eligibility rule on one entry.
pub fn run_entry_rules(entry: &EntryFacts<'_>, contest: &ContestFacts<'_>) -> Vec<CheckResult> {
    ALL.iter().map(|r| r.check(entry, contest)).collect()
}

/// "“text” (where)" lists for evidence.
pub(crate) fn quoted_list(items: &[(&str, String)]) -> String {
    items
        .iter()
        .map(|(w, t)| format!("“{t}” ({w})"))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
pub(crate) mod testing {
    //! Facts for the rules' unit tests.
    use super::*;

    pub struct Fixture {
        pub profile: ContestProfile,
        pub row: Option<ManifestRow>,
        pub doc: Option<Extracted>,
        pub cover: CoverInfo,
        pub attachment_docs: Vec<Extracted>,
        pub files: Vec<EntryFile>,
        pub same_text: Vec<SameText>,
        pub excluded: Option<Vec<ExcludedPerson>>,
        pub units: UnitTree,
        pub peers: Peers,
        pub deadline_override: Option<Date>,
    }

    impl Fixture {
        pub fn new(profile: &str) -> Fixture {
            let profile = ContestProfile::builtin(profile).unwrap_or_else(|| unreachable!());
            Fixture {
                profile,
                row: Some(ManifestRow {
                    line: 2,
                    id: "E1".into(),
                    ..ManifestRow::default()
                }),
                doc: Some(Extracted::default()),
                cover: CoverInfo::default(),
                attachment_docs: Vec::new(),
                files: Vec::new(),
                same_text: Vec::new(),
                excluded: None,
                units: UnitTree::default(),
                peers: Peers::default(),
                deadline_override: None,
            }
        }

        pub fn row(&mut self) -> &mut ManifestRow {
            self.row.get_or_insert_with(ManifestRow::default)
        }

        pub fn run(&self, rule: &dyn EntryRule) -> CheckResult {
            self.run_in(rule, Lang::Vi)
        }

        pub fn run_in(&self, rule: &dyn EntryRule, lang: Lang) -> CheckResult {
            let mut units = self.units.clone();
            let agency = self.profile.eligibility.agency.first().cloned();
            if units.units().is_empty() {
                units = UnitTree::new(&[], agency.as_deref());
            }
            if let Some(r) = &self.row {
                for name in [&r.receiving_point, &r.unit].into_iter().flatten() {
                    units.place(name, None);
                }
            }
            let entry = EntryFacts {
                id: "E1",
                row: self.row.as_ref(),
                doc: self.doc.as_ref(),
                cover: &self.cover,
                attachment_docs: &self.attachment_docs,
                files: &self.files,
                same_text: &self.same_text,
            };
            let contest = ContestFacts {
                profile: &self.profile,
                excluded: self.excluded.as_deref(),
                units: &units,
                deadline_override: self.deadline_override,
                peers: &self.peers,
                lang,
            };
            rule.check(&entry, &contest)
        }
    }
}
