//! Every word a person reads, in one place per language: `vi.rs` (the default) and `en.rs`.
//!
//! A string a council member, a secretary or an author reads — CLI help and errors, the
//! terminal summary, the HTML pages, the spreadsheet, the minutes, the messages inside
//! `report.json` — comes from [`Words`], one `static` per language. The compiler keeps the two
//! languages complete: a field added here and missing in one file does not build. Strings
//! that take values are plain functions (`fn(usize) -> String`), so each language says the
//! number where its grammar wants it.
//!
//! Codes (`FORM-FONT`, `COPY`, `applied`, `pass`) are for machines and stay in JSON and CSV
//! code columns; wherever a person reads one it stands beside its label from
//! [`Codes`], never alone.
//!
//! How to add a string: add a field with a doc comment to the section struct below (or a new
//! section for a new module), then its Vietnamese in `vi.rs` and its English in `en.rs`. Use
//! it as `lang.words().section.field`. The formatting of dates, times and numbers for each
//! language is here too ([`date`], [`date_time`], [`decimal`], [`percent`]).

mod en;
pub mod lang;
#[cfg(test)]
mod source_scan;
mod vi;

pub use lang::Lang;

/// All words of one language.
pub struct Words {
    pub verdict: VerdictWords,
    pub captions: Captions,
    pub codes: Codes,
    pub dashboard: Dashboard,
    pub entry_page: EntryPage,
    pub sheet: Sheet,
    pub terminal: Terminal,
    pub check_cli: CheckCli,
    pub corpus: CorpusWords,
    pub cli: Cli,
    pub errors: Errors,
    pub files: FileWords,
    /// The council's papers: screening minutes, scoring sheets, marking papers (papers).
    pub papers: Papers,
    /// The scoring sheet (phiếu chấm điểm) each jury member fills in.
    pub scoring_sheet: ScoringSheet,
    /// The marking papers: biên bản chấm điểm, bảng điểm, danh sách đề nghị khen thưởng.
    pub marking: Marking,
    /// The package sent up (`soloai package`): its contents list, warnings and errors.
    pub package: PackageWords,
    /// What `soloai scoring collect` finds wrong in the filled sheets.
    pub sheet_problems: SheetProblems,
    pub web: WebWords,
    /// The screening rules' titles and fixed evidence (`src/check`).
    pub rules: RuleWords,
    /// `soloai corpus`: what add, remove, search and stats print.
    pub corpus_command: CorpusCommandWords,
    /// `soloai compare A B`: the verdict and the matched passages side by side.
    pub compare_command: CompareCommandWords,
    /// `soloai scoring`: the sheets written and what collect found.
    pub scoring_command: ScoringCommandWords,
    /// `soloai profile`: the rules and keys of a contest profile.
    pub profile_command: ProfileCommandWords,
    /// `soloai manifest`: the manifest template written.
    pub manifest_command: ManifestCommandWords,
    /// `soloai package`: the package written, in the terminal.
    pub package_command: PackageCommandWords,
    /// `soloai extract`: progress and notes.
    pub extract_command: ExtractCommandWords,
    /// `soloai council` and `soloai minutes`: what was written.
    pub council_command: CouncilCommandWords,
    /// A council file (`council.toml`) that cannot be used: what is wrong, what to do.
    pub council_file: TomlFileWords<crate::council::CouncilProblem>,
    /// A contest profile that cannot be used: what is wrong, what to do.
    pub profile_file: TomlFileWords<crate::profile::ProfileProblem>,
    /// A decisions file (`--decisions`) that cannot be used.
    pub decisions_file: DecisionsFileWords,
    /// A manifest, `units.csv` or excluded-persons list that cannot be read, or one bad row.
    pub manifest_error: ManifestErrorWords,
    /// The corpus index: why it could not be used, why a file was not added.
    pub index_error: IndexErrorWords,
    /// Why the marking round could not be done ([`crate::scoring::ScoringError`]).
    pub scoring_error: ScoringErrorWords,
    /// The copy flags' messages (`COPY`, `CORPUS-COPY`, `IDEA`) in the screening.
    pub copy_flags: CopyFlagWords,
    /// How two texts match: match kinds, signals and why a passage is excluded.
    pub matching: MatchWords,
    /// The council: its members' roles and its default name.
    pub council: CouncilWords,
    /// The corpus kinds, as a council member reads them.
    pub corpus_kinds: CorpusKindWords,
    /// The prize ranks and the marking round's papers.
    pub marking_round: MarkingRoundWords,
    /// The screening run: progress bars and the flags it writes itself.
    pub screening: ScreeningWords,
    /// Why a file could not be read and what to do (`ExtractError::message`).
    pub extract_error: fn(&crate::error::ExtractErrorKind) -> String,
    /// A recycled entry or a double submission, as the flag says it
    /// ([`crate::compare::FindingReason`]).
    pub recycled_finding: fn(&crate::compare::FindingReason) -> String,
    /// Why a file given as a scoring sheet was not counted.
    pub sheet_error: fn(&crate::scoring::read::SheetError) -> String,
    /// Why `soloai serve` could not start.
    pub serve_error: fn(&crate::serve::ServeError) -> String,
    /// What copy detection counts and how it names a match, with the profile's thresholds
    /// (under the sources table of an entry page).
    pub thresholds_explained: fn(&crate::compare::Thresholds) -> String,
}

impl Lang {
    /// The words of this language.
    pub fn words(self) -> &'static Words {
        match self {
            Lang::Vi => &vi::WORDS,
            Lang::En => &en::WORDS,
        }
    }
}

/// The screening verdicts (GLOSSARY "Words on screen").
pub struct VerdictWords {
    pub pass: &'static str,
    pub fail: &'static str,
    pub cannot_tell: &'static str,
    /// The file could not be read: the author must send it again (not a verdict on the idea).
    pub resubmit: &'static str,
    /// What to ask the author of an unreadable file, one sentence.
    pub resubmit_ask: &'static str,
}

/// Column and field captions shared by several outputs.
pub struct Captions {
    pub id: &'static str,
    pub file: &'static str,
    pub title: &'static str,
    pub authors: &'static str,
    pub unit: &'static str,
    pub receiving_point: &'static str,
    pub submitted: &'static str,
    pub declared_area: &'static str,
    pub detected_area: &'static str,
    pub area: &'static str,
    pub originality: &'static str,
    pub similarity: &'static str,
    pub verdict: &'static str,
    pub forward: &'static str,
    pub flags: &'static str,
    pub checks: &'static str,
    pub failed_checks: &'static str,
    pub top_source: &'static str,
    pub error: &'static str,
    pub status: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub unit_kind: &'static str,
    pub entries: &'static str,
    pub quota_min: &'static str,
    pub meets_quota: &'static str,
    pub owes_explanation: &'static str,
    pub source: &'static str,
    pub matched_passage: &'static str,
    pub excluded_passage: &'static str,
    pub evidence: &'static str,
    pub code: &'static str,
    pub rule: &'static str,
    pub result: &'static str,
    pub confidence: &'static str,
    pub status_read: &'static str,
    pub status_unreadable: &'static str,
    pub duplicate_of: &'static str,
}

impl Captions {
    /// The captions of a language.
    pub fn new(lang: Lang) -> &'static Captions {
        &lang.words().captions
    }
}

/// Labels for codes. Each returns `None` for a code it does not know; callers then show the
/// code itself (see [`check_name`] and friends, which do that).
pub struct Codes {
    /// A check or eligibility rule (`FORM-FONT`, `LATE`, …).
    pub check: fn(&str) -> Option<&'static str>,
    /// A flag (`COPY`, `RECYCLED-NO-STATEMENT`, …); falls back to `check`.
    pub flag: fn(&str) -> Option<&'static str>,
    /// A match kind (`exact`, `near`, `partial`, `idea`).
    pub match_kind: fn(&str) -> Option<&'static str>,
    /// A match signal (`verbatim`, `paraphrase`, `idea`).
    pub signal: fn(&str) -> Option<&'static str>,
    /// A corpus kind (`applied`, `published`, `past-entry`, `template`, `entry`).
    pub source_kind: fn(&str) -> Option<&'static str>,
    /// Why a passage is excluded (`template`, `shared`, `quote`, `legal-citation`, `cover`).
    pub excluded_reason: fn(&str) -> Option<&'static str>,
    /// A content area's name by its letter (`a` … `h`, `đ`).
    pub area: fn(&str) -> Option<&'static str>,
    /// A unit kind (`department`, `district`, `commune`, …).
    pub unit_kind: fn(&str) -> Option<&'static str>,
}

/// `index.html`.
pub struct Dashboard {
    pub heading: &'static str,
    pub profile: &'static str,
    pub generated: &'static str,
    pub files: &'static str,
    pub summary_xlsx: &'static str,
    pub summary_csv: &'static str,
    pub minutes_docx: &'static str,
    pub report_json: &'static str,
    pub total: &'static str,
    pub flagged: &'static str,
    pub entries_heading: &'static str,
    pub search_placeholder: &'static str,
    pub search: &'static str,
    pub all_verdicts: &'static str,
    pub all_areas: &'static str,
    pub flagged_only: &'static str,
    pub checks_passed: &'static str,
    /// "{n} of {total} entries shown" (filled by the page's script).
    pub shown: &'static str,
    pub units_heading: &'static str,
    pub unit_no_entry: &'static str,
    pub clusters_heading: &'static str,
    pub clusters_note: &'static str,
    pub how_heading: &'static str,
    pub how_bands: &'static str,
    pub footer_note: &'static str,
    /// Heading of the rows of the manifest, units.csv or the excluded list that could not be read.
    pub input_problems_heading: &'static str,
    pub skipped_heading: &'static str,
    /// A unit's quota status: "encouraged", "counts for {parent}", "no quota".
    pub quota_encouraged: &'static str,
    pub quota_counts_for: &'static str,
    pub quota_none: &'static str,
    pub duplicates_heading: &'static str,
    pub duplicates_note: &'static str,
    pub checks_failed: fn(usize, usize) -> String,
}

/// `entries/<id>.html`.
pub struct EntryPage {
    pub heading: &'static str,
    /// Heading of the page of an entry whose file could not be read.
    pub heading_unreadable: &'static str,
    pub back: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub sources: &'static str,
    pub no_source: &'static str,
    pub source_kind: &'static str,
    pub match_kind: &'static str,
    pub share: &'static str,
    pub reference: &'static str,
    pub scope: &'static str,
    pub entry_side: &'static str,
    pub idea_only: &'static str,
    pub no_source_text: &'static str,
    pub full_text: &'static str,
    pub form_checks: &'static str,
    pub eligibility: &'static str,
    pub changed_words: &'static str,
    /// One sentence under "Tỷ lệ trùng lặp": what the similarity figure counts.
    pub similarity_sentence: &'static str,
    /// One sentence under "Tỷ lệ nguyên gốc".
    pub originality_sentence: &'static str,
    /// "trang {page}, đoạn {paragraph}".
    pub location: fn(usize, usize) -> String,
    /// "đoạn {paragraph}" for a text without pages.
    pub paragraph_only: fn(usize) -> String,
    /// "showing the passages of the first {shown} of {total} sources".
    pub panes_limited: fn(usize, usize) -> String,
    /// "… and {n} more sources, with smaller shares" (past the table, or only counted in report.json).
    pub more_sources: fn(usize) -> String,
    /// After a passage cut short on its pane.
    pub passage_cut: &'static str,
    /// "showing {shown} of {total} passages".
    pub passages_limited: fn(usize, usize) -> String,
    pub scope_nationwide: &'static str,
    pub scope_in_province: fn(&str) -> String,
    pub scope_elsewhere: fn(&str) -> String,
    /// "Đọc bằng OCR" fact, and its words.
    pub ocr_read: &'static str,
    pub ocr_pages: &'static str,
    pub ocr_confidence: &'static str,
    /// Heading and note of what the reader noticed while reading the file.
    pub read_warnings_heading: &'static str,
    pub read_warnings_note: &'static str,
    /// "… và {n} lưu ý khác không hiện ở đây".
    pub read_warnings_more: fn(usize) -> String,
}

/// `summary.xlsx` and `summary.csv`.
pub struct Sheet {
    pub entries: &'static str,
    pub units: &'static str,
    pub checks: &'static str,
    pub page_footer: &'static str,
}

/// What `soloai screen` prints.
pub struct Terminal {
    pub entries_profile: fn(usize, &str) -> String,
    pub reports_in: &'static str,
    pub below_quota: &'static str,
    pub owes_letter: &'static str,
    pub cached: fn(usize) -> String,
    pub duplicate_files: &'static str,
    pub corpus_added: fn(usize, usize, usize) -> String,
    pub not_a_folder: fn(&str) -> String,
    pub no_such_folder: fn(&str) -> String,
    /// (passing, pending, quota): a unit whose count waits on the council's decisions.
    pub quota_waits: fn(usize, usize, usize) -> String,
}

/// What `soloai check` prints.
pub struct CheckCli {
    pub no_such_path: fn(&str) -> String,
    pub no_entries: &'static str,
    pub progress: &'static str,
    /// "{files} tệp: {pass} đạt, {fail} không đạt, {unsure} chưa xác định, {errors} …".
    pub totals: fn(usize, usize, usize, usize, usize) -> String,
}

/// How the corpus an index holds is stated on every output.
pub struct CorpusWords {
    /// "Kho đối chiếu {index}: {n} tài liệu ({kinds})".
    pub stated: fn(&str, usize, &str) -> String,
    /// One kind's count inside the parentheses: "{n} mô hình đã áp dụng".
    pub kind_count: fn(&str, usize) -> String,
    /// The loud warning when the index holds nothing to compare against.
    /// The minutes' sentence around [`CorpusWords::stated`].
    pub compared: fn(&str) -> String,
    pub empty_warning: &'static str,
}

/// The command line: help texts and clap's errors in our words.
pub struct Cli {
    pub about: &'static str,
    pub usage: &'static str,
    pub commands: &'static str,
    pub arguments: &'static str,
    pub options: &'static str,
    pub help: &'static str,
    pub version: &'static str,
    pub lang: &'static str,
    /// "Cách dùng: soloai …; xem `soloai --help`." after an argument error.
    pub see_help: fn(&str) -> String,
    pub unknown_argument: fn(&str) -> String,
    pub unknown_command: fn(&str) -> String,
    pub missing_required: fn(&str) -> String,
    pub missing_command: &'static str,
    pub invalid_value: fn(&str, &str) -> String,
    pub possible_values: fn(&str) -> String,
    pub too_many_values: fn(&str) -> String,
    pub conflict: fn(&str) -> String,
    pub other_error: &'static str,
    pub tip_dashes: &'static str,
    /// "gợi ý: có thể ý bạn là {x}".
    pub did_you_mean: fn(&str) -> String,
    /// "[mặc định: {v}]" appended to an option's help.
    pub default_value: fn(&str) -> String,
    /// "[giá trị: {list}]" appended to an option's help.
    pub values: fn(&str) -> String,
    /// "soloai: lỗi:" before an argument error.
    pub error_prefix: &'static str,
    /// The usage line's placeholders for options and for a subcommand.
    pub options_token: &'static str,
    pub command_token: &'static str,
    /// What a subcommand does, by its path ("screen", "corpus add").
    pub command: fn(&str) -> Option<&'static str>,
    /// An argument's help, by command path and argument id ("screen", "entries").
    pub arg: fn(&str, &str) -> Option<&'static str>,
    /// The placeholder for an argument's value in usage lines, by command path and argument
    /// id (one id can be a name in one command and a folder in another).
    pub value_name: fn(&str, &str) -> Option<&'static str>,
}

/// What the file-safety layer says (hostile's modules read these): run locks, the output
/// folder's rules, reading budgets, files that are not what their name says, I/O causes.
pub struct FileWords {
    /// The thing a run lock guards.
    pub lock_output: &'static str,
    pub lock_index: &'static str,
    /// "process {pid} (command `{command}`, started {time})".
    pub lock_holder: fn(u32, &str, &str) -> String,
    pub lock_someone: &'static str,
    pub lock_wait_output: &'static str,
    pub lock_wait_index: &'static str,
    /// "{what} {dir} is in use by another soloai run: {who}. {todo}".
    pub lock_busy: fn(&str, &str, &str, &str) -> String,
    /// The lock file could not be created in {dir} ({cause}).
    pub lock_io: fn(&str, &str) -> String,
    /// The output folder's rules: (out, entries) / (out) / (out, examples) / (out, cause).
    pub out_inside_entries: fn(&str, &str) -> String,
    pub out_contains_entries: fn(&str, &str) -> String,
    pub out_not_a_folder: fn(&str) -> String,
    pub out_foreign: fn(&str, &str) -> String,
    pub out_not_writable: fn(&str, &str) -> String,
    /// What a reading budget was spent on (`limits::Charge`).
    pub charge_file_bytes: &'static str,
    pub charge_decompressed: &'static str,
    pub charge_pdf_stream: &'static str,
    pub charge_pdf_operators: &'static str,
    pub charge_text: &'static str,
    pub charge_pixels: &'static str,
    /// What a file really is, when its name says otherwise.
    pub format_binary: &'static str,
    pub format_ole: &'static str,
    pub format_zip: &'static str,
    /// What a non-regular file is.
    pub not_regular_symlink: &'static str,
    pub not_regular_fifo: &'static str,
    pub not_regular_socket: &'static str,
    pub not_regular_folder: &'static str,
    pub not_regular_device: &'static str,
    /// "{what}, not a file" (`what`: one of the `not_regular_*` words).
    pub not_a_file: fn(&str) -> String,
    /// A file larger than a reader takes: (size, limit), both in MB.
    pub over_limit: fn(&str, &str) -> String,
    /// The words for a `safe_fs::io_cause` code; `None` for an unknown code.
    pub io_cause: fn(&str) -> Option<&'static str>,
    /// An unknown OS error ("os: …" stripped), e.g. "lỗi hệ thống: …".
    pub io_other: fn(&str) -> String,
}

/// System errors said in words (the OS's English message never reaches a person).
pub struct Errors {
    pub not_found: &'static str,
    pub permission_denied: &'static str,
    pub already_exists: &'static str,
    pub is_a_directory: &'static str,
    pub not_a_directory: &'static str,
    pub disk_full: &'static str,
    pub read_only: &'static str,
    pub interrupted: &'static str,
    pub invalid_data: &'static str,
    pub other: &'static str,
}

/// The text with its first letter in lower case ("Kho đối chiếu …" inside a sentence); an
/// abbreviation keeps its capitals ("UBND cấp huyện" stays so).
pub fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    if text.chars().nth(1).is_some_and(char::is_uppercase) {
        return text.to_string();
    }
    match chars.next() {
        Some(first) => first.to_lowercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

/// The council's papers (biên bản sơ loại, phiếu chấm điểm, biên bản chấm điểm, danh sách
/// đề nghị khen thưởng). Dates are Decree 30's ("ngày 08 tháng 7 năm 2025").
pub struct Papers {
    // The administrative header and signatures (Nghị định 30/2020, Phụ lục I).
    pub motto_country: &'static str,
    pub motto_slogan: &'static str,
    /// "Số:" before the document number.
    pub number: &'static str,
    /// The council's name when there is no council file.
    pub council_default: &'static str,
    /// "Hội đồng", the subject of sentences when the council has no name.
    pub council_word: &'static str,
    pub secretary_caption: &'static str,
    pub chair_caption: &'static str,
    pub sign_hint: &'static str,
    pub minutes_title: &'static str,
    // The screening minutes.
    pub summary_screening: &'static str,
    pub time: &'static str,
    pub place: &'static str,
    pub attendance: &'static str,
    pub absent: &'static str,
    pub chaired_by: &'static str,
    pub recorded_by: &'static str,
    pub members_heading: &'static str,
    pub results_heading: &'static str,
    pub decisions_heading: &'static str,
    pub forwarded_heading: &'static str,
    pub units_heading: &'static str,
    pub conclusion_heading: &'static str,
    pub no: &'static str,
    pub title_authors: &'static str,
    pub result: &'static str,
    pub note: &'static str,
    pub proposed: &'static str,
    pub by_council: &'static str,
    pub none: &'static str,
    pub flag: &'static str,
    pub decision: &'static str,
    pub reason: &'static str,
    pub decided_by: &'static str,
    pub accepted: &'static str,
    pub dismissed: &'static str,
    pub dismissed_note: &'static str,
    pub properties_title: &'static str,
    /// "bài" before another entry's id in a note.
    pub entry_word: &'static str,
    /// "và {n} nguồn khác".
    pub more_sources: fn(usize) -> String,
    /// Cuộc thi “{name}” (unless the name already says so).
    pub contest_phrase: fn(&str) -> String,
    /// "ngày 08 tháng 7 năm 2025"; dotted blanks without a date.
    pub date: fn(Option<jiff::civil::Date>) -> String,
    /// "08 giờ 00 phút"; dotted blanks without a time.
    pub time_of_day: fn(Option<jiff::civil::Time>) -> String,
    /// "Bắt đầu vào hồi {time}, {date}."
    pub started: fn(&str, &str) -> String,
    /// (council, entries, contest, profile): the opening sentence of the results. The profile
    /// is named only when the contest has no name of its own (its title), else the sentence
    /// says the criteria are the contest plan's.
    pub opening: fn(&str, usize, &str, Option<&str>) -> String,
    /// (total, pass, fail, cannot tell, resubmit).
    pub tally: fn(usize, usize, usize, usize, usize) -> String,
    /// (unit, entries, quota, owes an explanation letter).
    pub unit_short: fn(&str, usize, usize, bool) -> String,
    /// (forwarded, of which by the council's decision).
    pub conclusion: fn(usize, usize) -> String,
    /// (end time, copies): the closing lines kept with the signatures.
    pub closing: fn(&str, u32) -> (String, String),
}

/// The scoring sheet's words (`scoring::sheet`).
pub struct ScoringSheet {
    pub title: &'static str,
    pub marker: &'static str,
    pub example: &'static str,
    pub source: &'static str,
    pub how: &'static str,
    pub no: &'static str,
    pub id: &'static str,
    pub entry: &'static str,
    pub total: &'static str,
    pub note: &'static str,
    pub up_to: &'static str,
    pub conflict: &'static str,
    pub bad_title: &'static str,
    pub bad_message: &'static str,
    pub input_title: &'static str,
    pub sign: &'static str,
    pub sign_hint: &'static str,
}

/// The marking papers' words (`scoring::papers`).
pub struct Marking {
    pub summary: &'static str,
    pub jury: &'static str,
    pub method: &'static str,
    pub example: &'static str,
    pub criteria_from: &'static str,
    pub up_to: &'static str,
    pub points: &'static str,
    pub mean: &'static str,
    /// The mean after dropping the highest and the lowest total, from this many sheets.
    pub trimmed_mean: fn(u32) -> String,
    pub results_heading: &'static str,
    pub problems_heading: &'static str,
    pub no_problems: &'static str,
    pub conclusion_heading: &'static str,
    pub rank: &'static str,
    pub entry: &'static str,
    pub kind: &'static str,
    pub individual: &'static str,
    pub group: &'static str,
    pub sheets: &'static str,
    pub average: &'static str,
    pub prize: &'static str,
    pub none: &'static str,
    pub tie: &'static str,
    pub list_title: &'static str,
    pub list_summary: &'static str,
    pub author: &'static str,
    pub unit: &'static str,
    pub amount: &'static str,
    pub total: &'static str,
    pub in_words: &'static str,
    pub maker: &'static str,
    pub summary_sheet: &'static str,
    pub detail_sheet: &'static str,
    pub problems_sheet: &'static str,
    pub member: &'static str,
    pub conflict: &'static str,
    // Titles, captions and column heads of the marking papers.
    pub doc_title: &'static str,
    pub minutes_title: &'static str,
    pub time: &'static str,
    pub place: &'static str,
    pub earlier_submission: &'static str,
    pub list_doc_title: &'static str,
    pub no: &'static str,
    pub title: &'static str,
    pub prize_col: &'static str,
    pub chair_caps: &'static str,
    pub scores_title: &'static str,
    pub entry_id: &'static str,
    pub sum: &'static str,
    pub code: &'static str,
    pub file: &'static str,
    pub entry_short: &'static str,
    pub message: &'static str,
    pub prizes_sheet: &'static str,
    // Sentences of the marking minutes.
    /// (time, date): "Bắt đầu vào hồi {time}, {date}."
    pub started: fn(&str, &str) -> String,
    /// (entries, sheets received, jury).
    pub tally_line: fn(usize, usize, usize) -> String,
    /// (problems not printed, the score workbook's file).
    pub more_problems: fn(usize, &str) -> String,
    /// (closing time).
    pub closed: fn(&str) -> String,
    pub copies: &'static str,
    /// (criterion): one tie-break rule.
    pub tie_criterion: fn(&str) -> String,
    /// (the rules joined): the tie-break sentence.
    pub tie_rules: fn(&str) -> String,
    /// (entry id).
    pub no_marks: fn(&str) -> String,
    /// (ids, groups?, prize rank in lower case).
    pub boundary_tie: fn(&str, bool, &str) -> String,
    /// (count, prize, individuals, groups).
    pub prize_part: fn(usize, &str, usize, usize) -> String,
    /// (parts, total in figures, total in words).
    pub conclusion_prizes: fn(&str, &str, &str) -> String,
    pub conclusion_ranking: &'static str,
    pub not_final: &'static str,
    /// After a prize on the prize list: the honour that goes with it, as the plan names it.
    pub with_honour: fn(&str) -> String,
    /// The prize sheet's column of those honours.
    pub honour_col: &'static str,
}

/// A rule's name for a code; the code itself when unknown.
pub fn check_name(code: &str, lang: Lang) -> String {
    (lang.words().codes.check)(code)
        .or_else(|| crate::check::rule_title(code, lang))
        .map_or_else(|| code.to_string(), str::to_string)
}

/// A flag's name for a code (a failed rule's name when the flag is a rule code).
pub fn flag_name(code: &str, lang: Lang) -> String {
    let codes = &lang.words().codes;
    (codes.flag)(code)
        .or_else(|| (codes.check)(code))
        .map_or_else(|| code.to_string(), str::to_string)
}

/// "Label (CODE)": how a code appears wherever a person reads it.
pub fn labelled(label: &str, code: &str) -> String {
    if label == code || code.is_empty() {
        label.to_string()
    } else {
        format!("{label} ({code})")
    }
}

/// A match kind in words.
pub fn match_kind(kind: &str, lang: Lang) -> String {
    (lang.words().codes.match_kind)(kind).map_or_else(|| kind.to_string(), str::to_string)
}

/// A match signal in words.
pub fn signal(signal: &str, lang: Lang) -> String {
    (lang.words().codes.signal)(signal).map_or_else(|| signal.to_string(), str::to_string)
}

/// What kind of document a source is; empty when unknown.
pub fn source_kind(kind: Option<&str>, lang: Lang) -> String {
    match kind {
        Some(k) => {
            (lang.words().codes.source_kind)(k).map_or_else(|| k.to_string(), str::to_string)
        }
        None => String::new(),
    }
}

/// Why a passage is excluded.
pub fn excluded_reason(reason: &str, lang: Lang) -> String {
    (lang.words().codes.excluded_reason)(reason).map_or_else(|| reason.to_string(), str::to_string)
}

/// The area letter as written in the plans: `dd` and `Đ` are `đ`.
pub fn area_letter(code: &str) -> String {
    let key = code.trim().to_lowercase();
    if key == "dd" { "đ".to_string() } else { key }
}

/// A content area (Lạng Sơn letters a, b, c, d, đ, e, g, h) with its name; anything else as is.
pub fn area(code: &str, lang: Lang) -> String {
    let letter = area_letter(code);
    match (lang.words().codes.area)(&letter) {
        Some(name) => format!("{letter}. {name}"),
        None => code.to_string(),
    }
}

/// Where an area letter sorts in the Vietnamese alphabet (a, b, c, d, đ, e, g, h), so lists
/// of areas read in the plans' order; unknown codes after, by their text.
pub fn area_order(code: &str) -> (usize, String) {
    const ORDER: [&str; 8] = ["a", "b", "c", "d", "đ", "e", "g", "h"];
    let letter = area_letter(code);
    let at = ORDER
        .iter()
        .position(|l| *l == letter)
        .unwrap_or(ORDER.len());
    (at, letter)
}

/// A unit kind in words.
pub fn unit_kind(kind: &str, lang: Lang) -> String {
    (lang.words().codes.unit_kind)(kind).map_or_else(|| kind.to_string(), str::to_string)
}

/// A number with `places` decimals in the language's convention: `0,97` (vi), `0.97` (en).
/// Thousands are grouped (`1.644` / `1,644`) in the integer part.
pub fn decimal(value: f64, places: usize, lang: Lang) -> String {
    let value = if value.is_finite() { value } else { 0.0 };
    let text = format!("{:.*}", places, value.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let (group, point) = match lang {
        Lang::Vi => ('.', ','),
        Lang::En => (',', '.'),
    };
    let mut out = String::new();
    if value < 0.0 && text.chars().any(|c| c != '0' && c != '.') {
        out.push('-');
    }
    let digits = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out
}

/// A label inside a sentence: its first letter lowercase ("Nộp sau thời hạn" → "nộp sau
/// thời hạn").
pub fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A whole number with grouped thousands (`1.644` in Vietnamese).
pub fn count(n: usize, lang: Lang) -> String {
    decimal(n as f64, 0, lang)
}

/// A share (0..1) as a whole percentage, `62%`; out-of-range values are clamped.
pub fn percent(share: f64) -> String {
    let share = if share.is_finite() {
        share.clamp(0.0, 1.0)
    } else {
        0.0
    };
    format!("{:.0}%", share * 100.0)
}

/// A share as a percentage with one decimal in the language's convention (`62,5%`).
pub fn percent1(share: f64, lang: Lang) -> String {
    let share = if share.is_finite() {
        share.clamp(0.0, 1.0)
    } else {
        0.0
    };
    format!("{}%", decimal(share * 100.0, 1, lang))
}

/// An ISO date (`2025-07-28`, or the date part of a timestamp) as `28/07/2025`; any other text
/// is returned as it is (a manifest may hold "tháng 6/2025").
pub fn date(iso: &str) -> String {
    let text = iso.trim();
    let day = text.get(..10).unwrap_or(text);
    let parts: Vec<&str> = day.split('-').collect();
    match parts.as_slice() {
        [y, m, d]
            if y.len() == 4
                && m.len() == 2
                && d.len() == 2
                && day.bytes().all(|b| b.is_ascii_digit() || b == b'-') =>
        {
            format!("{d}/{m}/{y}")
        }
        _ => text.to_string(),
    }
}

/// An RFC 3339 instant shown in the machine's local time zone (`TZ`, else the system's) with
/// the zone stated: `30/11/2026 15:08 (UTC+07:00, Asia/Ho_Chi_Minh)`. Text that is not a
/// timestamp is returned as it is.
pub fn date_time(rfc3339: &str, lang: Lang) -> String {
    date_time_in(rfc3339, &jiff::tz::TimeZone::system(), lang)
}

/// [`date_time`] in a given zone (tests pin one).
pub fn date_time_in(rfc3339: &str, tz: &jiff::tz::TimeZone, lang: Lang) -> String {
    let Ok(instant) = rfc3339.trim().parse::<jiff::Timestamp>() else {
        return rfc3339.to_string();
    };
    let zoned = instant.to_zoned_datetime(tz.clone());
    let _ = lang;
    format!(
        "{} ({})",
        zoned.strftime("%d/%m/%Y %H:%M"),
        zone_of(&zoned, tz)
    )
}

/// A zone as the reports state it: `UTC+07:00, Asia/Ho_Chi_Minh`, or `UTC`.
fn zone_of(zoned: &jiff::ZonedDateTime, tz: &jiff::tz::TimeZone) -> String {
    let seconds = zoned.offset().seconds();
    let zone = if seconds == 0 {
        "UTC".to_string()
    } else {
        let sign = if seconds < 0 { '-' } else { '+' };
        let abs = seconds.unsigned_abs();
        format!("UTC{sign}{:02}:{:02}", abs / 3600, (abs % 3600) / 60)
    };
    match tz.iana_name() {
        Some(name) if name != "UTC" && name != "Etc/UTC" => format!("{zone}, {name}"),
        _ => zone,
    }
}

/// An RFC 3339 instant as the machine's local date and time to the second, `01/12/2026
/// 12:23:28`, for a list whose heading states the zone once ([`local_zone`]). Text that is
/// not a timestamp is returned as it is.
pub fn date_time_local(rfc3339: &str) -> String {
    match rfc3339.trim().parse::<jiff::Timestamp>() {
        Ok(instant) => instant
            .to_zoned_datetime(jiff::tz::TimeZone::system())
            .strftime("%d/%m/%Y %H:%M:%S")
            .to_string(),
        Err(_) => rfc3339.to_string(),
    }
}

/// The machine's time zone as [`date_time`] states it: `UTC+07:00, Asia/Ho_Chi_Minh`.
pub fn local_zone() -> String {
    let tz = jiff::tz::TimeZone::system();
    zone_of(&jiff::Timestamp::now().to_zoned_datetime(tz.clone()), &tz)
}

/// The local calendar day (year, month, day) of an RFC 3339 instant, in the machine's time
/// zone: the minutes' "ngày … tháng … năm …" must be the council's day, not UTC's.
pub fn local_day(rfc3339: &str) -> Option<(i16, i8, i8)> {
    let instant = rfc3339.trim().parse::<jiff::Timestamp>().ok()?;
    let zoned = instant.to_zoned_datetime(jiff::tz::TimeZone::system());
    Some((zoned.year(), zoned.month(), zoned.day()))
}

/// One sentence explaining where copy detection draws its lines.
pub fn thresholds_sentence(t: &crate::compare::Thresholds, lang: Lang) -> String {
    let pct = |x: f64| percent(x);
    match lang {
        Lang::Vi => format!(
            "Chỉ tính các đoạn trùng từ {} âm tiết trở lên; không tính trích dẫn, căn cứ pháp lý, văn bản mẫu và \
             đoạn có ở hơn {} số bài. \"Sao chép nguyên văn\" khi từ {} nội dung bài trùng gần như từng chữ, \
             \"sao chép có chỉnh sửa\" khi từ {} nội dung bài trùng, \"sao chép một phần\" khi có đoạn trùng từ {} \
             âm tiết, \"trùng lặp ý tưởng\" khi mức tương đồng về từ khóa từ {} mà ít câu chữ trùng.",
            t.min_span_words,
            pct(t.template_share),
            pct(t.exact_min),
            pct(t.near_min),
            t.min_passage_words,
            pct(t.idea_min),
        ),
        Lang::En => format!(
            "Only passages of {}+ words count; never quotations, legal citations, template text or passages in \
             more than {} of entries. \"Verbatim\" when {}+ of the entry matches almost word for word, \"near\" \
             when {}+ matches with edits, \"partial\" when a passage of {}+ words matches, \"idea\" when keyword \
             similarity is {}+ with little shared wording.",
            t.min_span_words,
            pct(t.template_share),
            pct(t.exact_min),
            pct(t.near_min),
            t.min_passage_words,
            pct(t.idea_min),
        ),
    }
}

/// An I/O error in the reader's words (never the OS's English text).
pub fn io_error(err: &std::io::Error, lang: Lang) -> &'static str {
    use std::io::ErrorKind as K;
    let e = &lang.words().errors;
    match err.kind() {
        K::NotFound => e.not_found,
        K::PermissionDenied => e.permission_denied,
        K::AlreadyExists => e.already_exists,
        K::IsADirectory => e.is_a_directory,
        K::NotADirectory => e.not_a_directory,
        K::StorageFull | K::QuotaExceeded => e.disk_full,
        K::ReadOnlyFilesystem => e.read_only,
        K::Interrupted => e.interrupted,
        K::InvalidData | K::UnexpectedEof => e.invalid_data,
        _ => e.other,
    }
}

/// What `soloai scoring collect` says about a filled sheet (`scoring::check`): each sentence
/// names the file (and the row or cell), the member and the entry, and says what is not counted.
pub struct SheetProblems {
    /// (file, cause).
    pub unreadable: fn(&str, &str) -> String,
    /// (file, the name on the sheet).
    pub unknown_member: fn(&str, &str) -> String,
    /// (file, member, the sheet already counted).
    pub duplicate_sheet: fn(&str, &str, &str) -> String,
    /// (file).
    pub criteria_changed: fn(&str) -> String,
    /// (file, the other run's time).
    pub other_report: fn(&str, &str) -> String,
    /// (member, the sheet's file name).
    pub missing_sheet: fn(&str, &str) -> String,
    /// (file, row, id as typed).
    pub unknown_entry: fn(&str, u32, &str) -> String,
    /// (file, row, id).
    pub duplicate_row: fn(&str, u32, &str) -> String,
    /// (file, row, member, id, the conflict's reason).
    pub conflict: fn(&str, u32, &str, &str, &str) -> String,
    /// (file, row, member, id).
    pub not_marked: fn(&str, u32, &str, &str) -> String,
    /// (file, cell, member, id, value, criterion, maximum).
    pub out_of_range: fn(&str, &str, &str, &str, f64, &str, f64) -> String,
    /// (file, cell, text, criterion, id).
    pub not_a_number: fn(&str, &str, &str, &str, &str) -> String,
    /// (file, cell, member, criterion, id).
    pub missing_score: fn(&str, &str, &str, &str, &str) -> String,
    /// (file, member, id).
    pub missing_entry: fn(&str, &str, &str) -> String,
}

/// The package sent up (`soloai package`, `src/package.rs`): the contents list
/// (`00-danh-muc-ho-so.txt`), what to fix before sending, and why no package was made.
pub struct PackageWords {
    /// "không có tệp": a paper the package needs is not there.
    pub no_such_file: &'static str,
    /// (entry, file): the entry's file is gone since screening.
    pub entry_missing: fn(&str, &str) -> String,
    /// (entry, file inside the entry, cause).
    pub cannot_pack: fn(&str, &str, &str) -> String,
    /// (entry): a video, picture or software entry without its Word extract.
    pub lacks_word_extract: fn(&str) -> String,
    /// (unit): no entry that counts, so the unit's explanation letter goes with the package.
    pub owes_letter: fn(&str) -> String,
    pub list_title: &'static str,
    pub contest: &'static str,
    pub sent_by: &'static str,
    pub minutes_no: &'static str,
    pub deadline: &'static str,
    pub before: &'static str,
    /// (hour, minute, day, month, year) in UTC+7.
    pub made_at: fn(i8, i8, i8, i8, i16) -> String,
    pub made: &'static str,
    pub papers_heading: &'static str,
    /// (forwarded entries).
    pub forwarded_heading: fn(usize) -> String,
    pub by_council: &'static str,
    pub missing: &'static str,
    pub units_heading: &'static str,
    pub before_sending: &'static str,
    pub hashes: &'static str,
    /// (path, cause): a paper or the report is missing.
    pub err_missing: fn(&str, &str) -> String,
    /// (path, cause).
    pub err_write: fn(&str, &str) -> String,
    pub err_empty: &'static str,
    /// (what must be done, its deadline dd/mm/yyyy): the package is made after the last day
    /// to send it up.
    pub past_deadline: fn(&str, &str) -> String,
}

/// The web app (`soloai serve`): pages, forms, messages. `serve::text::Text` reads these
/// (`Text(lang).login()` is `lang.words().web.login`).
pub struct WebWords {
    /// An audit log action code (`login`, `run-started`, `flag-dismiss`…) in words; `None`
    /// for a code it does not know (shown as it is).
    pub audit_action: fn(&str) -> Option<&'static str>,
    /// Audit details: a council of this many members; a screening run by its number.
    pub audit_members: fn(usize) -> String,
    pub audit_run: fn(i64) -> String,
    /// A council seat whose role is not one of the four: (name, what was typed).
    pub council_role_unknown: fn(&str, &str) -> String,
    pub app: &'static str,
    pub login: &'static str,
    pub logout: &'static str,
    pub username: &'static str,
    pub password: &'static str,
    pub password_again: &'static str,
    pub display_name: &'static str,
    pub role: &'static str,
    pub role_admin: &'static str,
    pub role_secretary: &'static str,
    pub role_member: &'static str,
    pub bad_login: &'static str,
    pub throttled: &'static str,
    pub seconds: &'static str,
    pub setup_title: &'static str,
    pub setup_intro: &'static str,
    pub setup_done: &'static str,
    pub setup_bad_token: &'static str,
    pub password_short: &'static str,
    pub password_mismatch: &'static str,
    pub username_bad: &'static str,
    pub username_taken: &'static str,
    pub contests: &'static str,
    pub no_contests: &'static str,
    pub new_contest: &'static str,
    pub contest_name: &'static str,
    pub year: &'static str,
    pub profile: &'static str,
    pub profile_upload: &'static str,
    pub create: &'static str,
    pub save: &'static str,
    pub inputs: &'static str,
    pub entries_files: &'static str,
    pub upload_entries: &'static str,
    pub upload_hint: &'static str,
    pub drop_here: &'static str,
    pub upload: &'static str,
    pub manifest: &'static str,
    pub units: &'static str,
    pub excluded: &'static str,
    pub profile_file: &'static str,
    pub present: &'static str,
    pub absent: &'static str,
    pub uploaded: &'static str,
    pub refused: &'static str,
    pub ignored: &'static str,
    pub run: &'static str,
    pub start_run: &'static str,
    pub rerun_note: &'static str,
    pub run_busy: &'static str,
    pub run_queued: &'static str,
    pub run_running: &'static str,
    pub run_done: &'static str,
    pub run_failed: &'static str,
    pub run_interrupted: &'static str,
    pub no_entries: &'static str,
    pub stage_corpus: &'static str,
    pub stage_read: &'static str,
    pub stage_check: &'static str,
    pub stage_compare: &'static str,
    pub stage_report: &'static str,
    pub history: &'static str,
    pub started: &'static str,
    pub by: &'static str,
    pub status: &'static str,
    pub entries: &'static str,
    pub flagged: &'static str,
    pub from_cache: &'static str,
    pub duration: &'static str,
    pub reports: &'static str,
    pub dashboard: &'static str,
    pub download: &'static str,
    pub download_zip: &'static str,
    /// The council's decisions as JSON (for `soloai minutes/scoring/package --decisions`).
    pub decisions_json: &'static str,
    pub no_report: &'static str,
    pub council: &'static str,
    pub council_unit: &'static str,
    pub council_parent: &'static str,
    pub council_name: &'static str,
    pub council_place: &'static str,
    pub council_number: &'static str,
    pub council_symbol: &'static str,
    pub council_date: &'static str,
    pub council_start: &'static str,
    pub council_end: &'static str,
    pub council_venue: &'static str,
    pub council_members: &'static str,
    pub council_unknown_users: &'static str,
    /// A council page saved with members but no unit: the run would refuse the council file.
    pub council_unit_missing: &'static str,
    pub entry: &'static str,
    pub flags: &'static str,
    pub verdict: &'static str,
    pub decision: &'static str,
    pub decisions: &'static str,
    pub accept: &'static str,
    pub dismiss: &'static str,
    pub accepted: &'static str,
    pub dismissed: &'static str,
    pub pending: &'static str,
    pub reason: &'static str,
    pub reason_required: &'static str,
    pub no_flags: &'static str,
    pub full_report: &'static str,
    pub title: &'static str,
    pub unit: &'static str,
    pub originality: &'static str,
    pub file: &'static str,
    pub audit: &'static str,
    pub when: &'static str,
    pub who: &'static str,
    pub action: &'static str,
    pub detail: &'static str,
    pub users: &'static str,
    pub new_user: &'static str,
    pub active: &'static str,
    pub disable: &'static str,
    pub enable: &'static str,
    pub new_password: &'static str,
    pub corpus: &'static str,
    pub corpus_search: &'static str,
    pub search: &'static str,
    pub no_hits: &'static str,
    pub corpus_add: &'static str,
    pub kind: &'static str,
    pub contest_of: &'static str,
    pub awarded: &'static str,
    pub province: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub unknown: &'static str,
    pub corpus_added: &'static str,
    pub corpus_duplicates: &'static str,
    pub corpus_failed: &'static str,
    pub awards: &'static str,
    pub awards_hint: &'static str,
    pub prize: &'static str,
    pub prize_none: &'static str,
    pub prize_first: &'static str,
    pub prize_second: &'static str,
    pub prize_third: &'static str,
    pub prize_consolation: &'static str,
    pub add_to_corpus: &'static str,
    pub forbidden: &'static str,
    pub not_found: &'static str,
    pub bad_request: &'static str,
    pub csrf_failed: &'static str,
    pub server_error: &'static str,
    pub back: &'static str,
    pub home: &'static str,
    pub too_large: &'static str,
    pub empty_file: &'static str,
    pub bad_name: &'static str,
    pub zip_traversal: &'static str,
    pub zip_symlink: &'static str,
    pub zip_bomb: &'static str,
    pub zip_too_many: &'static str,
    pub zip_broken: &'static str,
    pub wrong_type: &'static str,
    pub profile_invalid: &'static str,
    pub members_only: &'static str,
    pub progress: &'static str,
    pub open_report: &'static str,
    pub minutes: &'static str,
    pub summary_xlsx: &'static str,
    pub admin_link: &'static str,
    pub listening: &'static str,
    pub decided_by: &'static str,
    pub council_file: &'static str,
    pub council_invalid: &'static str,
    pub files_list: &'static str,
    pub delete: &'static str,
    pub login_at: &'static str,
    pub original_verdict_note: &'static str,
    /// The button beside an uploaded file: it leads to a confirmation step (hence the dots).
    pub delete_file: &'static str,
    /// Said on every confirmation step of an action that cannot be undone.
    pub cannot_undo: &'static str,
    /// Heading of a confirmation step.
    pub confirm_title: &'static str,
    /// Asked before an uploaded file is removed: (the file as listed).
    pub confirm_delete: fn(&str) -> String,
    pub confirm_delete_button: &'static str,
    /// Asked before a finished contest's entries go into the corpus: (contest name, entries).
    pub confirm_to_corpus: fn(&str, usize) -> String,
    pub confirm_to_corpus_button: &'static str,
    /// The way out of a confirmation step.
    pub cancel: &'static str,
    /// An upload form sent without a file.
    pub no_file_chosen: &'static str,
    /// Results made before the files last changed: (when the report was made, when the files
    /// changed), both local times.
    pub stale_results: fn(&str, &str) -> String,
    /// Beside an error page's status number.
    pub error_code: &'static str,
    /// The link from an error page (and a report page) to the contest's page.
    pub back_to_contest: &'static str,
    /// A council form naming accounts that do not exist, as (seat's name, account) pairs:
    /// nothing was saved.
    pub council_users_unknown: fn(&[(String, String)]) -> String,
    /// A new contest without a name.
    pub contest_name_missing: &'static str,
    /// Beside the profile's title when the contest has its own profile file.
    pub profile_own: &'static str,
    /// An upload brought a profile file that the contest now uses: (its title, the title of the
    /// one used before).
    pub profile_replaced: fn(&str, &str) -> String,
    /// What the council form filled in wrong, by the form's own labels (the council file's
    /// words name its TOML fields): nothing was saved.
    pub council_form_problem: fn(&crate::council::CouncilProblem) -> String,
    /// The small print beside a file a technician prepares (a profile, a council file).
    pub technical_file_hint: &'static str,
    /// The fold with data files for technicians (the decisions as JSON).
    pub technical_files: &'static str,
    /// What the decisions file is for, in small print.
    pub decisions_json_hint: &'static str,
    /// A list (manifest, units, excluded persons) that reads but holds no row: the file's name.
    pub list_no_rows: fn(&str) -> String,
    /// Heading over the rows of an uploaded list that could not be read (the file was kept).
    pub list_row_problems: &'static str,
    /// After the first rows named: how many more.
    pub more_rows: fn(usize) -> String,
    /// The list of contests of a member seated on no council yet: how an account is linked to
    /// a contest, and whom to ask (the account's user name).
    pub no_contests_member: fn(&str) -> String,
    /// Under the council form's members box: what the last column (the account) does.
    pub council_account_hint: &'static str,
    /// Beside the manifest's upload form: the empty manifest to fill in, and its two links.
    pub manifest_template: &'static str,
    pub manifest_template_xlsx: &'static str,
    pub manifest_template_csv: &'static str,
    /// The downloaded template's file name, without extension.
    pub manifest_template_file: &'static str,
    /// On an upload's result, after a manifest refused for want of its columns.
    pub manifest_template_hint: &'static str,
    /// A manifest without the id and file columns, as the web app says it: (where, as the
    /// manifest's own words say it: "ds.csv"; the columns expected). It points to the
    /// template on the contest's page, not to the command.
    pub manifest_missing_column: fn(&str, &str) -> String,
    /// A failed run's message names no server path: the contest's own folder, its report
    /// folder, the corpus and the data folder in words.
    pub run_path_contest: &'static str,
    pub run_path_reports: &'static str,
    pub run_path_corpus: &'static str,
    pub run_path_data: &'static str,
    /// The contest page's box for deleting the contest: heading, small print, button (it
    /// leads to a confirmation step).
    pub delete_contest_title: &'static str,
    pub delete_contest_hint: &'static str,
    pub delete_contest: &'static str,
    /// A contest whose run is going on is not deleted.
    pub delete_contest_busy: &'static str,
    /// Asked before a contest is deleted: (its name, files uploaded, screening runs).
    pub confirm_delete_contest: fn(&str, usize, usize) -> String,
    pub confirm_delete_contest_button: &'static str,
    /// The audit line of a deleted contest: (its name, files, runs).
    pub audit_contest_deleted: fn(&str, usize, usize) -> String,
}

/// The words of the screening rules (`src/check`): each rule's title and the sentences of its
/// evidence, one sub-section per rule; a sentence that carries values is a `fn` taking them
/// (already formatted, or a number the sentence formats itself).
pub struct RuleWords {
    /// The verdict words inside a rule's result (`Verdict::label`).
    pub verdict: RuleVerdictWords,
    /// `QUOTA`: entries per unit.
    pub quota: QuotaRuleWords,
    /// What the eligibility rules read about an entry: file kinds and where a unit or address was given.
    pub entry: EntryFactWords,
    /// `ELIG-AUTHOR`: who may enter.
    pub eligible_author: EligibleAuthorWords,
    /// The permitted receiving point rule.
    pub receiving_point: ReceivingPointWords,
    /// The attachments rule: video, products, pictures and the Word summary.
    pub attachments: AttachmentWords,
    /// Individual or group matches the authors.
    pub group_kind: GroupKindWords,
    /// Sent to one receiving point only.
    pub receiving_point_duplicate: ReceivingPointDuplicateWords,
    /// A declared re-entry carries its revision statement.
    pub recycled_declared: RecycledDeclaredWords,
    /// No author runs or marks the contest.
    pub excluded_person: ExcludedPersonWords,
    /// Sent in time.
    pub late: LateWords,
    /// Why a rule cannot look at a file at all.
    pub cannot_see: CannotSeeWords,
    /// The shared helpers of `check/rules/mod.rs`: places and labelled cover values.
    pub labelled: LabelledWords,
    /// `FORM-FONT`.
    pub form_font: FormFontWords,
    /// `FORM-SIZE`.
    pub form_size: FormSizeWords,
    /// `FORM-PAGENUM`.
    pub form_pagenum: FormPagenumWords,
    /// The cover's full name.
    pub cover_name: CoverNameWords,
    /// The cover's work unit or address.
    pub cover_unit: CoverUnitWords,
    /// The cover's position.
    pub cover_position: CoverPositionWords,
    /// The contact phone number.
    pub cover_phone: CoverPhoneWords,
    /// The contact address.
    pub address: AddressWords,
    /// The content area.
    pub area: AreaRuleWords,
    /// A group entry's members and representative.
    pub group_members: GroupMembersWords,
    /// The revision statement (văn bản giải trình) of an entry that ran elsewhere.
    pub revision_statement: RevisionStatementWords,
}

/// The verdict words inside a rule's result (`Verdict::label`).
pub struct RuleVerdictWords {
    pub pass: &'static str,
    pub fail: &'static str,
    pub cannot_tell: &'static str,
}

/// `QUOTA`: entries per unit.
pub struct QuotaRuleWords {
    /// The rule's title.
    pub title: &'static str,
    /// Appended when the unit sent nothing and owes a letter.
    pub letter_owed: &'static str,
    /// Inside `counted`: how many of the counted entries came from units below.
    pub from_below: fn(usize) -> String,
    /// The entries counted; the values are their ids joined with ", " and the `from_below` note or "".
    pub counted: fn(&str, &str) -> String,
    /// Entries still pending; the value is their ids joined with ", ".
    pub pending: fn(&str) -> String,
    /// Entries not counted; the value is "id (CODE)" items joined with ", ".
    pub not_counted: fn(&str) -> String,
    /// A unit without a quota whose entries count for a unit above; the values are the number
    /// of eligible entries, that unit and the tail (`counted`, `pending`, `not_counted`).
    pub counted_for: fn(usize, &str, &str) -> String,
    /// A unit of a kind without a quota; the values are the number of eligible entries and the tail.
    pub no_quota: fn(usize, &str) -> String,
    /// The quota; the values are the minimum and the plan's note.
    pub need: fn(u32, &str) -> String,
    /// An encouraged quota; the values are the number of eligible entries and `need`.
    pub encouraged: fn(usize, &str) -> String,
    /// The quota is met; the values are the number of eligible entries and `need`.
    pub met: fn(usize, &str) -> String,
    /// Only pending entries would meet it; the values are the eligible and pending counts and `need`.
    pub cannot_tell: fn(usize, usize, &str) -> String,
    /// No eligible entry; the values are `need` and the `letter_owed` note or "".
    pub no_entry: fn(&str, &str) -> String,
    /// Too few; the values are the number of eligible entries and `need`.
    pub short: fn(usize, &str) -> String,
}

/// What the eligibility rules read about an entry: file kinds and where a unit or address was given.
pub struct EntryFactWords {
    pub kind_document: &'static str,
    pub kind_video: &'static str,
    pub kind_picture: &'static str,
    pub kind_software: &'static str,
    pub kind_other: &'static str,
    pub manifest_unit: &'static str,
    pub cover_unit: &'static str,
    pub manifest_address: &'static str,
    pub cover_address: &'static str,
    pub representative_address: &'static str,
}

/// `ELIG-AUTHOR`: who may enter.
pub struct EligibleAuthorWords {
    /// The rule's title.
    pub title: &'static str,
    /// Said in place of the places when none is given.
    pub no_place: &'static str,
    /// Said in place of the units when none is given.
    pub no_unit: &'static str,
    /// The author lives, studies or works in the region; the values are the region and the
    /// places found there, quoted and joined.
    pub in_region: fn(&str, &str) -> String,
    /// Nothing in the region and a place elsewhere; the values are the region, the place's text,
    /// where it was read, the province it is in and whom the plan admits (its own words).
    pub outside_region: fn(&str, &str, &str, &str, &str) -> String,
    /// Cannot tell; the values are the region and the places seen (or `no_place`).
    pub region_unclear: fn(&str, &str) -> String,
    /// The author belongs to the agency; the values are the agency and the units found, quoted and joined.
    pub in_agency: fn(&str, &str) -> String,
    /// The author's unit is outside the agency; the values are the agency, the units (quoted and
    /// joined) and whom the plan admits (its own words, lowered in Vietnamese).
    pub outside_agency: fn(&str, &str, &str) -> String,
    /// Cannot tell; the values are the agency and the units seen (or `no_unit`).
    pub agency_unclear: fn(&str, &str) -> String,
}

/// The permitted receiving point rule.
pub struct ReceivingPointWords {
    /// The rule's title.
    pub title: &'static str,
    /// The plan names no receiving point.
    pub no_point: &'static str,
    /// The plan has one receiving point and the manifest names none; the value is the plan's points joined with "; ".
    pub only_point: fn(&str) -> String,
    /// The manifest names no receiving point; the value is the plan's points joined with "; ".
    pub not_given: fn(&str) -> String,
    /// Sent to a member organization; the values are the point and the plan's label for it.
    pub member_organization: fn(&str, &str) -> String,
    /// Inside `not_permitted`: the author's work units, quoted and joined.
    pub work_unit: fn(&str) -> String,
    /// Inside `not_permitted`: the author's addresses, quoted and joined.
    pub residence: fn(&str) -> String,
    /// Sent where the plan does not permit; the values are the point, the plan's points joined
    /// with "; ", and the `work_unit` and `residence` notes (or "").
    pub not_permitted: fn(&str, &str, &str, &str) -> String,
    /// The papers do not settle it; the values are the point and the plan's points joined with "; ".
    pub unclear: fn(&str, &str) -> String,
    /// Sent to a permitted point; the values are the point and the plan's label for it.
    pub permitted: fn(&str, &str) -> String,
}

/// The attachments rule: video, products, pictures and the Word summary.
pub struct AttachmentWords {
    /// The rule's title.
    pub title: &'static str,
    /// Appended when media came with the Word text.
    pub word_screened: &'static str,
    /// Media without a Word summary; the value is the files sent.
    pub summary_needed: fn(&str) -> String,
    /// The main document could not be read; the value is the files sent.
    pub main_unreadable: fn(&str) -> String,
    /// The main document(s); the value is their list.
    pub main: fn(&str) -> String,
    /// No attachments; the value is the `main` sentence or "".
    pub no_attachments: fn(&str) -> String,
    /// The attachments; the values are the `main` sentence (or ""), their number, their list and
    /// the `word_screened` note (or "").
    pub attached: fn(&str, usize, &str, &str) -> String,
}

/// Individual or group matches the authors.
pub struct GroupKindWords {
    /// The rule's title.
    pub title: &'static str,
    /// The declared kind: a group.
    pub group: &'static str,
    /// The declared kind: an individual.
    pub individual: &'static str,
    pub no_author: &'static str,
    /// No kind declared; the values are the number of authors, their names and the kind they make (`group` or `individual`).
    pub undeclared: fn(usize, &str, &str) -> String,
    /// A group with too few authors; the values are their number, their names and the minimum.
    pub too_few: fn(usize, &str, usize) -> String,
    /// An individual with several authors; the values are their number and their names.
    pub individual_many: fn(usize, &str) -> String,
    /// An individual whose cover names a group; the value is the author's name.
    pub individual_cover_group: fn(&str) -> String,
    /// The declared kind agrees; the values are the kind (`group` or `individual`), the number of authors and their names.
    pub declared: fn(&str, usize, &str) -> String,
}

/// Sent to one receiving point only.
pub struct ReceivingPointDuplicateWords {
    /// The rule's title.
    pub title: &'static str,
    pub no_limit: &'static str,
    pub not_elsewhere: &'static str,
    /// The entry also came through another receiving point; the value is the list of the
    /// matching entries, already joined with "; ".
    pub also_elsewhere: fn(&str) -> String,
    /// In `also_elsewhere`: the manifest names several points; the values are their number and
    /// the points joined with "; ".
    pub several_points: fn(usize, &str) -> String,
    /// In `also_elsewhere`: an entry with the same text; the values are its id, its point and the
    /// share of text in common (0–1).
    pub same_text: fn(&str, &str, f64) -> String,
    /// In `also_elsewhere`: an entry with the same title and authors; the values are its id and its point.
    pub same_title: fn(&str, &str) -> String,
    /// In `also_elsewhere`: how many more entries were not listed.
    pub and_more: fn(usize) -> String,
}

/// A declared re-entry carries its revision statement.
pub struct RecycledDeclaredWords {
    /// The rule's title.
    pub title: &'static str,
    pub none_declared: &'static str,
    /// The entry won a prize there; the value is the contest the manifest declares.
    pub awarded: fn(&str) -> String,
    /// The entry could not be read; the value is the declared contest.
    pub unreadable: fn(&str) -> String,
    /// No statement found; the value is the declared contest.
    pub no_statement: fn(&str) -> String,
    /// Where the statement is when it is a section of the entry; the value is the page (1-based).
    pub in_entry: fn(usize) -> String,
    /// What the statement lacks: the earlier contest's name.
    pub no_contest_name: &'static str,
    /// What the statement lacks: what was revised.
    pub no_changes: &'static str,
    /// Joins what the statement lacks.
    pub and: &'static str,
    /// The statement lacks something; the values are the declared contest, where the statement
    /// is and what it lacks (joined with `and`).
    pub statement_lacks: fn(&str, &str, &str) -> String,
    /// Appended to `statement_found` when the statement names another contest than the manifest.
    pub other_contest: &'static str,
    /// The statement names this very contest; the values are where it is, the name it gives and
    /// the declared contest.
    pub this_contest: fn(&str, &str, &str) -> String,
    /// A complete statement; the values are the declared contest, where the statement is, the
    /// name it gives and the `other_contest` note or "".
    pub statement_found: fn(&str, &str, &str, &str) -> String,
}

/// No author runs or marks the contest.
pub struct ExcludedPersonWords {
    /// The rule's title.
    pub title: &'static str,
    pub no_one_excluded: &'static str,
    pub no_author: &'static str,
    /// The caption before a name match's score.
    pub score: &'static str,
    /// Roles are excluded but no list was given; the value is the roles joined with ", ".
    pub no_list: fn(&str) -> String,
    /// No author is on the list; the values are the authors joined with ", " and the list's length.
    pub none_listed: fn(&str, usize) -> String,
    /// An author matches an excluded person; the values are the excluded roles joined with ", "
    /// (`None` when the plan names none) and the matches.
    pub matches_excluded: fn(Option<&str>, &str) -> String,
    /// An author matches someone whose role the plan does not exclude; the value is the matches.
    pub matches_other_role: fn(&str) -> String,
}

/// Sent in time.
pub struct LateWords {
    /// The rule's title.
    pub title: &'static str,
    pub no_deadline: &'static str,
    /// The deadline the council set with `--deadline`; the value is the last day.
    pub council_deadline: fn(&str) -> String,
    /// The profile's deadline cannot be read; the value is what the profile says.
    pub deadline_unreadable: fn(&str) -> String,
    /// The deadline's day still counts; the value is the date.
    pub up_to: fn(&str) -> String,
    /// The deadline's day is too late; the values are the date and the last day in time.
    pub before: fn(&str, &str) -> String,
    /// The deadline binds authors; the values are `up_to` or `before`, who set it and what it asks.
    pub for_authors: fn(&str, &str, &str) -> String,
    /// The deadline binds the receiving units; the values are who, what they must do (as the
    /// profile says it, lowered in Vietnamese) and `up_to` or `before`.
    pub for_others: fn(&str, &str, &str) -> String,
    /// No submission date but a late dateline on the cover; the values are the line, its date
    /// and the deadline (`council_deadline`, `for_authors` or `for_others`).
    pub cover_late: fn(&str, &str, &str) -> String,
    /// The submission date cannot be read; the values are why and the deadline.
    pub date_unreadable: fn(&str, &str) -> String,
    /// No submission date; the value is the deadline.
    pub no_date: fn(&str) -> String,
    /// Late; the values are the submission date and the deadline.
    pub late: fn(&str, &str) -> String,
    /// In time; the values are the submission date and the deadline.
    pub in_time: fn(&str, &str) -> String,
}

/// Why a rule cannot look at a file at all.
pub struct CannotSeeWords {
    /// A scan without a text layer.
    pub needs_ocr: &'static str,
    /// A `.txt` file has no formatting to check.
    pub plain_text: &'static str,
}

/// A place in the entry and the verdicts of a cover rule that looks for one labelled value.
pub struct LabelledWords {
    /// A place a council member can find; the values are the page (1-based), what is there and a snippet.
    pub place: fn(usize, &str, &str) -> String,
    /// The plan does not require the value; the value is what (e.g. "position").
    pub not_required: fn(&str) -> String,
    /// The cover gives it; the values are what and the value found.
    pub found: fn(&str, &str) -> String,
    /// The cover has no labels at all; the value is what.
    pub no_labels: fn(&str) -> String,
    /// The cover does not give it; the value is what.
    pub missing: fn(&str) -> String,
}

/// `FORM-FONT`.
pub struct FormFontWords {
    /// The rule's title.
    pub title: &'static str,
    pub no_body: &'static str,
    /// One other font; the values are the font and its character count, formatted.
    pub other_font: fn(&str, &str) -> String,
    /// Too many characters have no recorded font; the values are their count and their share, formatted.
    pub unknown: fn(&str, &str) -> String,
    /// Appended to the accepted fonts in `share` when equivalents were counted.
    pub or_equivalent: &'static str,
    /// The verdict's head; the values are the share in the accepted fonts, the body's character
    /// count, the accepted fonts (with `or_equivalent` or not) and the share required, formatted.
    pub share: fn(&str, &str, &str, &str) -> String,
    /// The other fonts; the value is the `other_font` items joined with "; ".
    pub other_fonts: fn(&str) -> String,
    /// Examples of the wrong font; the value is the places joined with "; ".
    pub examples: fn(&str) -> String,
    /// Metric clones counted as accepted; the value is their character count, formatted.
    pub metric_note: fn(&str) -> String,
    /// Fallback letters counted with their neighbours; the values are their count (formatted)
    /// and the fallback fonts joined with ", ".
    pub fallback_note: fn(&str, &str) -> String,
    /// Pre-Unicode fonts; the value is their names joined with ", ".
    pub legacy_note: fn(&str) -> String,
    /// Scanned pages whose font cannot be checked; the value is the page numbers joined with ", ".
    pub scanned: fn(&str) -> String,
}

/// `FORM-SIZE`.
pub struct FormSizeWords {
    /// The rule's title.
    pub title: &'static str,
    pub no_body: &'static str,
    /// Too many characters have no recorded size; the values are their count and their share, formatted.
    pub unknown: fn(&str, &str) -> String,
    /// The verdict's head; the values are the share at the size, the body's character count,
    /// the size wanted and the share required, formatted.
    pub share: fn(&str, &str, &str, &str) -> String,
    /// One other size; the values are the size and its character count, formatted.
    pub other_size: fn(&str, &str) -> String,
    /// The other sizes; the value is the `other_size` items joined with "; ".
    pub other_sizes: fn(&str) -> String,
    /// Examples of the wrong size; the value is the places joined with "; ".
    pub examples: fn(&str) -> String,
    /// Scanned pages whose size cannot be checked; the value is the page numbers joined with ", ".
    pub scanned: fn(&str) -> String,
}

/// `FORM-PAGENUM`.
pub struct FormPagenumWords {
    /// The rule's title.
    pub title: &'static str,
    pub not_required: &'static str,
    pub cover_unnumbered: &'static str,
    pub no_page_field: &'static str,
    pub no_pages: &'static str,
    /// Every section has a PAGE field; the value is the number of sections.
    pub all_sections: fn(usize) -> String,
    /// Sections without a page number; the value is their list.
    pub sections_unnumbered: fn(&str) -> String,
    /// Sections whose even pages are unnumbered; the value is their list.
    pub even_unnumbered: fn(&str) -> String,
    /// Sections whose first page is unnumbered; the value is their list.
    pub first_unnumbered: fn(&str) -> String,
    /// Scanned pages whose number cannot be read; the value is their list.
    pub scanned: fn(&str) -> String,
    /// All pages numbered in order; the value is the number of pages.
    pub all_pages: fn(usize) -> String,
    /// Pages without a number; the value is their list.
    pub pages_missing: fn(&str) -> String,
    /// One page out of order; the values are the page, the number it shows and the number expected.
    pub wrong_item: fn(usize, u32, usize) -> String,
    /// Numbers out of order; the value is the `wrong_item` items joined with "; ".
    pub out_of_order: fn(&str) -> String,
}

/// The cover's full name.
pub struct CoverNameWords {
    /// The rule's title.
    pub title: &'static str,
    /// What the rule looks for, inside the `labelled` sentences.
    pub what: &'static str,
}

/// The cover's work unit or address.
pub struct CoverUnitWords {
    /// The rule's title.
    pub title: &'static str,
    pub no_labels: &'static str,
    /// The cover gives what is required; the value is the list of what it gives ("work unit", "address"), joined with ", ".
    pub gives: fn(&str) -> String,
    /// The address is given after the cover; the values are the list of what the cover gives and the address.
    pub address_later: fn(&str, &str) -> String,
    /// The cover gives nothing required; the value is what is missing (one of the `need_*` words).
    pub gives_none: fn(&str) -> String,
    /// The cover gives some but not all; the values are the list of what it gives and what is missing.
    pub gives_some: fn(&str, &str) -> String,
    /// What is missing: the address.
    pub need_address: &'static str,
    /// What is missing: the work unit.
    pub need_unit: &'static str,
    /// What is missing: both.
    pub need_unit_and_address: &'static str,
    /// What is missing: either.
    pub need_unit_or_address: &'static str,
    /// What the cover gives: the work unit; the value is the unit.
    pub unit_given: fn(&str) -> String,
    /// What the cover gives: the address; the value is the address.
    pub address_given: fn(&str) -> String,
}

/// The cover's position.
pub struct CoverPositionWords {
    /// The rule's title.
    pub title: &'static str,
    /// A group's members each with a position; the value is "member: position" pairs joined with "; ".
    pub per_member: fn(&str) -> String,
    /// What the rule looks for, inside the `labelled` sentences.
    pub what: &'static str,
}

/// The contact phone number.
pub struct CoverPhoneWords {
    /// The rule's title.
    pub title: &'static str,
    pub not_required: &'static str,
    pub not_found: &'static str,
    /// The cover gives a phone number; the value is the number.
    pub on_cover: fn(&str) -> String,
    /// The number is found later in the entry; the values are the number and its page ("?" when unknown).
    pub on_page: fn(&str, &str) -> String,
    /// The text after the phone label is not a phone number; the value is that text.
    pub unparsed: fn(&str) -> String,
}

/// The contact address.
pub struct AddressWords {
    /// The rule's title.
    pub title: &'static str,
    pub not_required: &'static str,
    pub no_labels: &'static str,
    /// The cover gives an address; the value is the address.
    pub on_cover: fn(&str) -> String,
    /// The address is given after the cover; the value is the address.
    pub later: fn(&str) -> String,
    /// Appended to `missing` when the cover gives only a work unit; the value is the unit.
    pub unit_only: fn(&str) -> String,
    /// No address; the value is the `unit_only` note or "".
    pub missing: fn(&str) -> String,
}

/// The content area.
pub struct AreaRuleWords {
    /// The rule's title.
    pub title: &'static str,
    pub too_little: &'static str,
    /// The closest area; the values are the area's name, the confidence (formatted) and the
    /// terms found joined with ", ".
    pub best: fn(&str, &str, &str) -> String,
    /// The declared area is not in the plan; the value is its letter.
    pub not_in_plan: fn(&str) -> String,
    /// The declared area agrees; the values are the declared area's name and the `best` sentence.
    pub agrees: fn(&str, &str) -> String,
    /// The text leans elsewhere; the values are the declared area's name, its share (formatted)
    /// and the `best` sentence with its first letter lowered.
    pub disagrees: fn(&str, &str, &str) -> String,
    /// Declared, but the text leans nowhere; the values are the declared area's name and the `best` sentence.
    pub declared_unclear: fn(&str, &str) -> String,
    /// Nothing declared and the text leans nowhere; the value is the `best` sentence.
    pub unclear: fn(&str) -> String,
}

/// A group entry's members and representative.
pub struct GroupMembersWords {
    /// The rule's title.
    pub title: &'static str,
    pub individual: &'static str,
    /// The group's head line; the values are the number of members and their names joined with ", ".
    pub head: fn(usize, &str) -> String,
    /// Address and phone are given but no representative is named.
    pub rep_unnamed: &'static str,
    /// The representative's contact; the values are the representative, the address and the phone.
    pub rep_contact: fn(&str, &str, &str) -> String,
    /// A problem: too few members; the values are their number and the minimum.
    pub too_few: fn(usize, usize) -> String,
    /// A problem: no representative named.
    pub no_rep: &'static str,
    /// The representative, by name.
    pub rep_named: fn(&str) -> String,
    /// The representative, unnamed.
    pub rep: &'static str,
    /// What the representative's contact lacks: the address.
    pub need_address: &'static str,
    /// What the representative's contact lacks: the phone.
    pub need_phone: &'static str,
    /// Joins what the contact lacks.
    pub and: &'static str,
    /// A problem: the contact is incomplete; the values are `rep_named` or `rep`, and what it lacks.
    pub rep_lacks: fn(&str, &str) -> String,
}

/// The revision statement (văn bản giải trình) of an entry that ran elsewhere.
pub struct RevisionStatementWords {
    /// The rule's title.
    pub title: &'static str,
    pub absent: &'static str,
    pub no_contest_name: &'static str,
    pub changes_described: &'static str,
    pub changes_not_described: &'static str,
    /// A statement was found; the value is where (the attached file or the page), in the same language.
    pub found: fn(&str) -> String,
    /// The prior contest it names; the values are the contest's name and its year ("?" when unknown).
    pub prior_contest: fn(&str, &str) -> String,
    /// Where the statement is: an attached file; the value is its name.
    pub in_file: fn(&str) -> String,
    /// Where the statement is: a section of the entry; the value is the page (1-based).
    pub in_entry: fn(usize) -> String,
}

/// What `soloai corpus` (`src/commands/corpus.rs`) prints: added and removed documents,
/// search hits and the index's statistics.
pub struct CorpusCommandWords {
    /// Before a removed document's id, path and title.
    pub removed: &'static str,
    /// Stats: before the index folder.
    pub index: &'static str,
    /// Stats: before the number of documents.
    pub documents: &'static str,
    /// Stats: before the count per area (lĩnh vực).
    pub by_area: &'static str,
    /// Stats: before the number of text characters.
    pub text_chars: &'static str,
    /// Stats: before the size on disk in MB.
    pub on_disk: &'static str,
    /// Stats: after the number of index segments.
    pub segments: &'static str,
    /// Stats: before the schema and analyzer versions.
    pub versions: &'static str,
    /// The index was built by an older analyzer.
    pub stale: &'static str,
    /// The progress bar's message while files are read.
    pub reading: &'static str,
    /// Before an added document's id, kind, path and title.
    pub added: &'static str,
    /// Before a file that could not be added.
    pub error: &'static str,
    /// A search hit: before the document's id.
    pub id: &'static str,
    /// A search hit: before its score.
    pub score: &'static str,
    /// (documents, index folder): after the list of documents.
    pub listed: fn(usize, &str) -> String,
    /// Stats: the index must be rebuilt.
    pub needs_rebuild: &'static str,
    /// (documents re-indexed).
    pub rebuilt: fn(usize) -> String,
    /// (path, id, path already in the index): a file whose text the index already holds.
    pub skipped: fn(&str, &str, &str) -> String,
    /// (index folder, added, duplicates skipped, failed, documents in all).
    pub add_summary: fn(&str, usize, usize, usize, u64) -> String,
    /// (query): no document matches.
    pub no_hits: fn(&str) -> String,
}

/// What `soloai compare A B` (`src/commands/compare.rs`) prints: the verdict, the shares and
/// the matched passages side by side.
pub struct CompareCommandWords {
    /// Nothing matched.
    pub no_copying: &'static str,
    /// Before A's and B's originality.
    pub originality: &'static str,
    /// Before the match kind's label.
    pub verdict: &'static str,
    /// Before A's and B's shared share.
    pub similarity: &'static str,
    /// Before the identity share.
    pub word_for_word: &'static str,
    /// Before the idea similarity.
    pub idea_similarity: &'static str,
    /// Heading of one side's excluded passages.
    pub excluded: &'static str,
    /// Before a matched passage's number.
    pub matched_passage: &'static str,
    /// After a passage's number of words.
    pub words: &'static str,
    /// After the number of lines not shown.
    pub more_lines: &'static str,
    /// (index folder, documents counted): shared wording is measured on this corpus.
    pub with_index: fn(&str, usize) -> String,
    /// No index: shared wording cannot be told from copying.
    pub without_index: &'static str,
}

/// What `soloai scoring` (`src/commands/scoring.rs`) prints: the sheets written, the valid
/// sheets and the problems collect found.
pub struct ScoringCommandWords {
    /// After a profile that cannot be resolved.
    pub name_profile: &'static str,
    /// The profile's criteria are an example, not the marking regulation.
    pub example_criteria: &'static str,
    /// After the number of sheets written.
    pub sheets: &'static str,
    /// After "{n} scoring sheets".
    pub written: &'static str,
    /// After the number of forwarded entries.
    pub forwarded: &'static str,
    /// Before valid sheets / jury members.
    pub valid_sheets: &'static str,
    /// Heading of the problems found.
    pub problems: &'static str,
    /// After the number of problems not shown.
    pub more_problems: &'static str,
    /// Heading of the files written.
    pub written_heading: &'static str,
}

/// What `soloai profile` (`src/commands/profile.rs`) prints: the profile's rules and what
/// failing each does, and its keys.
pub struct ProfileCommandWords {
    /// Neither a built-in profile nor a file: the name, the built-in names.
    pub unknown: fn(&str, &str) -> String,
    /// Before the profile's name.
    pub title: &'static str,
    /// Heading of the rules.
    pub rules: &'static str,
    /// A rule whose failure raises a flag.
    pub fail_flag: &'static str,
    /// A rule that only informs.
    pub information_only: &'static str,
    /// Added when cannot-tell holds the entry.
    pub holds: &'static str,
    /// Added when failing leaves the entry out of quotas.
    pub ineligible: &'static str,
    /// Heading of the keys.
    pub keys: &'static str,
}

/// What `soloai manifest` (`src/commands/manifest.rs`) says while writing the manifest
/// template (danh sách bài dự thi).
pub struct ManifestCommandWords {
    /// The XLSX template could not be built.
    pub no_xlsx: &'static str,
    /// --xlsx without --out.
    pub xlsx_needs_out: &'static str,
    /// After a path that already exists.
    pub exists: &'static str,
    /// After a path that cannot be written.
    pub cannot_write: &'static str,
    /// Before the template's path.
    pub wrote: &'static str,
}

/// What `soloai package` (`src/commands/package.rs`) prints once the package is written
/// (the package's own words are [`PackageWords`]).
pub struct PackageCommandWords {
    /// Before the package's path.
    pub written: &'static str,
    /// After the number of entries.
    pub entries: &'static str,
    /// Before each warning.
    pub note: &'static str,
}

/// What `soloai extract` (`src/commands/extract.rs`) prints.
pub struct ExtractCommandWords {
    /// The progress bar's message.
    pub reading: &'static str,
    /// Between a file and one of its read warnings.
    pub note: &'static str,
}

/// What `soloai council` and `soloai minutes` (`src/commands/council.rs`) print.
pub struct CouncilCommandWords {
    /// Before the council template's path.
    pub wrote_template: &'static str,
    /// Before the minutes' path.
    pub wrote_minutes: &'static str,
    /// The council template could not be written: path, the cause in words, and whether
    /// an existing file was kept (no --force).
    pub template_not_written: fn(&str, &str, bool) -> String,
}

/// A TOML file the council keeps (`council.toml`, a contest profile) that cannot be used
/// ([`crate::error::TomlFileError`]): what is wrong and what to do, in that file's words.
pub struct TomlFileWords<P: 'static> {
    /// Path, the cause in words.
    pub not_read: fn(&str, &str) -> String,
    /// Path: not UTF-8 text.
    pub not_text: fn(&str) -> String,
    /// Path, the line if known, the TOML reader's own words (they quote the key).
    pub not_valid: fn(&str, Option<usize>, &str) -> String,
    /// Path, the problem in words.
    pub wrong: fn(&str, &str) -> String,
    /// One problem, in words the person editing the file can act on.
    pub problem: fn(&P) -> String,
}

/// A decisions file that cannot be used ([`crate::report::minutes::decisions::DecisionsError`]).
pub struct DecisionsFileWords {
    /// Path, the cause in words.
    pub not_read: fn(&str, &str) -> String,
    /// Path, line, the JSON reader's words.
    pub not_decisions: fn(&str, usize, &str) -> String,
    /// Path, the most decisions a file may hold.
    pub too_many: fn(&str, usize) -> String,
}

/// A manifest problem ([`crate::manifest::ManifestError`]): where, then what.
pub struct ManifestErrorWords {
    /// The file's name, the line and the column's header when known: "ds.csv, dòng 4".
    pub place: fn(&str, Option<usize>, Option<&str>) -> String,
    /// What is wrong and what to do.
    pub what: fn(&crate::manifest::ManifestErrorKind) -> String,
}

/// The corpus index's errors ([`crate::index::IndexError`], [`crate::index::AddFailure`]).
pub struct IndexErrorWords {
    /// Why the index folder could not be used, and what to do.
    pub index: fn(&crate::index::IndexErrorKind) -> String,
    /// Why one file was not added (reading errors are the readers' words).
    pub not_added: fn(&crate::index::AddFailure) -> String,
}

/// Why the marking round could not be done (the sheets' own problems are in the papers).
pub struct ScoringErrorWords {
    /// Path, the cause in words.
    pub report_not_read: fn(&str, &str) -> String,
    /// Path, line, the JSON reader's words.
    pub not_a_report: fn(&str, usize, &str) -> String,
    pub no_criteria: &'static str,
    pub no_council: &'static str,
    pub no_jury: &'static str,
    pub no_entries: &'static str,
}

/// The copy flags' messages: "<kind> — matches entry a (90%)".
pub struct CopyFlagWords {
    /// Before the other entries holding the same copy: "(also b, c)".
    pub also: &'static str,
    /// `COPY`, one entry.
    pub matches_entry: &'static str,
    /// `COPY`, several entries.
    pub matches_entries: fn(usize) -> String,
    /// `CORPUS-COPY`, one source.
    pub matches_source: &'static str,
    /// `CORPUS-COPY`, several sources.
    pub matches_sources: fn(usize) -> String,
    /// `IDEA`, one source.
    pub same_idea: &'static str,
    /// `IDEA`, several sources.
    pub same_ideas: fn(usize) -> String,
    /// After the names shown: "and {n} more".
    pub and_more: fn(usize) -> String,
}

/// How two texts match.
pub struct MatchWords {
    pub kind_exact: &'static str,
    pub kind_near: &'static str,
    pub kind_partial: &'static str,
    pub kind_idea: &'static str,
    pub signal_verbatim: &'static str,
    pub signal_paraphrase: &'static str,
    pub signal_idea: &'static str,
    /// Why a passage is excluded from the comparison.
    pub excluded_template: &'static str,
    pub excluded_auto_template: &'static str,
    pub excluded_quote: &'static str,
    pub excluded_citation: &'static str,
    pub excluded_common: &'static str,
    pub excluded_legal_quote: &'static str,
}

/// The council's roles (printed after a member's name) and its default name.
pub struct CouncilWords {
    pub chair: &'static str,
    pub vice_chair: &'static str,
    pub secretary: &'static str,
    pub member: &'static str,
    /// The author of the minutes when the council has no secretary and no name.
    pub screening_council: &'static str,
}

/// The corpus kinds.
pub struct CorpusKindWords {
    pub applied: &'static str,
    pub published: &'static str,
    pub past_entry: &'static str,
    pub template: &'static str,
}

/// The prize ranks and the papers of the marking round.
pub struct MarkingRoundWords {
    /// The contest as a marking paper's sentence names it, from its name ("Cuộc thi “…”").
    pub contest_named: fn(&str) -> String,
    pub first: &'static str,
    pub second: &'static str,
    pub third: &'static str,
    pub consolation: &'static str,
    /// A marking paper's label by its file name (`bang-diem.xlsx`, …; see
    /// `report::minutes::LATER_PAPERS`).
    pub paper: fn(&str) -> Option<&'static str>,
}

/// The screening run.
pub struct ScreeningWords {
    /// Progress bar while the corpus folders are added.
    pub adding_corpus: &'static str,
    /// Progress bar while the entries are read.
    pub reading_entries: &'static str,
    /// The `NEEDS-OCR` flag's message.
    pub needs_ocr: &'static str,
}

// ---------------------------------------------------------------------------------------
// Reader warnings (`model::ReadWarning`, issue 13): readers give the values, the words are
// here — one match per language (`vi::read_warning`, `en::read_warning`), so the compiler
// keeps both complete. OCR's own causes (`OcrUnavailable`, `OcrError`) are worded the same way.

/// A reader's warning (`Extracted::warnings`) in the reader's language.
pub fn read_warning(warning: &crate::model::ReadWarning, lang: Lang) -> String {
    match lang {
        Lang::Vi => vi::read_warning(warning),
        Lang::En => en::read_warning(warning),
    }
}

/// Why OCR cannot run here, with how to install what is missing.
pub fn ocr_unavailable(why: &crate::model::OcrUnavailable, lang: Lang) -> String {
    match lang {
        Lang::Vi => vi::ocr_unavailable(why),
        Lang::En => en::ocr_unavailable(why),
    }
}

/// Why OCR could not read one page.
pub fn ocr_error(error: &crate::model::OcrError, lang: Lang) -> String {
    match lang {
        Lang::Vi => vi::ocr_error(error),
        Lang::En => en::ocr_error(error),
    }
}

/// "1–3, 5, 7–8" from sorted page numbers (runs joined by an en dash).
fn page_list(pages: &[usize]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < pages.len() {
        let start = pages[i];
        let mut end = start;
        while i + 1 < pages.len() && pages[i + 1] == end + 1 {
            i += 1;
            end = pages[i];
        }
        parts.push(if end == start {
            start.to_string()
        } else {
            format!("{start}–{end}")
        });
        i += 1;
    }
    parts.join(", ")
}

/// "1, 3, 4" from page numbers, as written.
fn page_commas(pages: &[usize]) -> String {
    pages
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod read_warning_tests {
    //! Every reader warning has words in both languages, and they carry its values.
    use super::*;
    use crate::model::{OcrError, OcrFailure, OcrUnavailable, ReadWarning as W, UnclearPage};

    /// Both languages say `warning`, differently, each with every one of `values`.
    fn says(warning: W, values: &[&str]) {
        let vi = read_warning(&warning, Lang::Vi);
        let en = read_warning(&warning, Lang::En);
        assert!(
            !vi.trim().is_empty() && !en.trim().is_empty(),
            "{warning:?}"
        );
        assert_ne!(vi, en, "{warning:?}: the same words in both languages");
        for value in values {
            assert!(vi.contains(value), "vi {warning:?}: {vi} lacks {value}");
            assert!(en.contains(value), "en {warning:?}: {en} lacks {value}");
        }
    }

    macro_rules! said {
        ($($name:ident: $warning:expr => [$($value:expr),*];)*) => {
            $(
                #[test]
                fn $name() {
                    says($warning, &[$($value),*]);
                }
            )*

            /// One test above per variant: this match stops building when a variant is
            /// added, and the list must name each variant once.
            #[test]
            fn every_variant_has_its_test() {
                let index = |w: &W| match w {
                    W::InvalidBytes { .. } => 0,
                    W::NotUtf8 { .. } => 1,
                    W::ControlCharacters { .. } => 2,
                    W::HeaderFooterReference { .. } => 3,
                    W::HeaderFooterMissing { .. } => 4,
                    W::CoverGuessed => 5,
                    W::Converted { .. } => 6,
                    W::PageTooFull { .. } => 7,
                    W::Undecoded { .. } => 8,
                    W::FontGuessed { .. } => 9,
                    W::DamagedStreams { .. } => 10,
                    W::ScannedFile => 11,
                    W::ScannedPages { .. } => 12,
                    W::NoText => 13,
                    W::OcrUnavailable { .. } => 14,
                    W::OcrNotStarted { .. } => 15,
                    W::OcrRead { .. } => 16,
                    W::OcrFailed { .. } => 17,
                    W::OcrUnclear { .. } => 18,
                    W::OcrPageLimit { .. } => 19,
                    W::PicturesOnly { .. } => 20,
                    W::PicturesRead { .. } => 21,
                    W::AttachmentUnreadable { .. } => 22,
                };
                let mut seen = [0usize; 23];
                $( seen[index(&$warning)] += 1; )*
                assert!(seen.iter().all(|&n| n == 1), "{seen:?}");
                // Codes are distinct and kebab-case, as in JSON.
                let codes: std::collections::BTreeSet<&str> = [$($warning.code()),*].into();
                assert_eq!(codes.len(), 23);
                $(
                    let json = serde_json::to_value(&$warning).unwrap_or_default();
                    assert_eq!(json["code"], $warning.code());
                    let back: W = serde_json::from_value(json).unwrap_or(W::NoText);
                    assert_eq!(back, $warning);
                )*
            }
        };
    }

    said! {
        invalid_bytes: W::InvalidBytes { encoding: "windows-1258".into() } => ["windows-1258"];
        not_utf8: W::NotUtf8 { encoding: "windows-1252".into() } => ["windows-1252"];
        control_characters: W::ControlCharacters { count: 17 } => ["17"];
        header_footer_reference: W::HeaderFooterReference {
            section: 4,
            reference: "rId99".into(),
        } => ["4", "'rId99'"];
        header_footer_missing: W::HeaderFooterMissing { part: "word/footer7.xml".into() }
            => ["'word/footer7.xml'"];
        cover_guessed: W::CoverGuessed => [];
        converted: W::Converted { format: "odt".into() } => [".odt", "LibreOffice"];
        page_too_full: W::PageTooFull { page: 12, dropped: 345 } => ["12", "345"];
        undecoded: W::Undecoded { count: 37 } => ["37", "ToUnicode"];
        font_guessed: W::FontGuessed { font: "VnTimeH".into() } => ["'VnTimeH'"];
        damaged_streams: W::DamagedStreams { count: 6 } => ["6 "];
        scanned_file: W::ScannedFile => ["OCR"];
        scanned_pages: W::ScannedPages { pages: vec![2, 5, 9] } => ["2, 5, 9"];
        no_text: W::NoText => ["PDF"];
        ocr_unavailable: W::OcrUnavailable { why: OcrUnavailable::TooOld("3.05".into()) }
            => ["3.05", "sudo apt install tesseract-ocr"];
        ocr_not_started: W::OcrNotStarted { error: OcrError::Io("disk full".into()) }
            => ["disk full"];
        ocr_read: W::OcrRead {
            pages: vec![1, 2, 3, 5],
            engine: "Tesseract 5.3.0 (vie)".into(),
            confidence: 94,
        } => ["1–3, 5", "Tesseract 5.3.0 (vie)", "94%"];
        ocr_failed: W::OcrFailed {
            pictures: false,
            failures: vec![
                OcrFailure {
                    number: 4,
                    error: OcrError::Timeout { program: "tesseract".into(), seconds: 60 },
                },
                OcrFailure {
                    number: 7,
                    error: OcrError::Failed {
                        program: "pdftoppm".into(),
                        code: 1,
                        said: "Syntax Error".into(),
                    },
                },
            ],
        } => [" 4: tesseract", "60", " 7: pdftoppm", " 1: Syntax Error"];
        ocr_unclear: W::OcrUnclear {
            pages: vec![
                UnclearPage { number: 2, confidence: Some(61) },
                UnclearPage { number: 3, confidence: None },
            ],
            min: 75,
        } => ["2 (61%)", "3 (", "75%"];
        ocr_page_limit: W::OcrPageLimit { read: 50, skipped: 12 } => ["50", "12"];
        pictures_only: W::PicturesOnly { pictures: 8 } => ["8"];
        pictures_read: W::PicturesRead {
            pictures: 3,
            engine: "Tesseract 5.3.0 (vie)".into(),
            words: 412,
            confidence: 91,
        } => ["3", "Tesseract 5.3.0 (vie)", "412", "91%"];
        attachment_unreadable: W::AttachmentUnreadable {
            file: "giai-trinh.docx".into(),
            error: crate::error::ExtractErrorKind::Encrypted,
        } => ["'giai-trinh.docx'"];
    }

    /// OCR's causes are said in words in both languages, never the OS's English.
    #[test]
    fn ocr_causes_are_said_in_words() {
        for error in [
            OcrError::Unavailable(OcrUnavailable::NoTesseract),
            OcrError::Unavailable(OcrUnavailable::NoVietnamese),
            OcrError::Unavailable(OcrUnavailable::NoRenderer),
            OcrError::Timeout {
                program: "tesseract".into(),
                seconds: 60,
            },
            OcrError::Killed {
                program: "tesseract".into(),
            },
            OcrError::TooMuchOutput {
                program: "pdftoppm".into(),
                limit: 4096,
            },
            OcrError::NotStarted {
                program: "tesseract".into(),
                cause: "not-found".into(),
            },
            OcrError::Io("storage-full".into()),
            OcrError::BadImage,
        ] {
            let vi = ocr_error(&error, Lang::Vi);
            let en = ocr_error(&error, Lang::En);
            assert!(!vi.is_empty() && vi != en, "{error:?}");
            for code in ["not-found", "storage-full"] {
                assert!(!vi.contains(code) && !en.contains(code), "{vi} / {en}");
            }
        }
        assert!(
            ocr_error(
                &OcrError::TooMuchOutput {
                    program: "pdftoppm".into(),
                    limit: 4096
                },
                Lang::Vi
            )
            .contains("4096")
        );
    }

    #[test]
    fn a_picture_is_not_called_a_page() {
        let w = W::OcrFailed {
            pictures: true,
            failures: vec![OcrFailure {
                number: 2,
                error: OcrError::Io("x".into()),
            }],
        };
        assert!(read_warning(&w, Lang::Vi).contains("ảnh 2"));
        assert!(read_warning(&w, Lang::En).contains("picture 2"));
    }

    #[test]
    fn page_lists_join_runs() {
        assert_eq!(page_list(&[1, 2, 3, 5, 7, 8]), "1–3, 5, 7–8");
        assert_eq!(page_list(&[4]), "4");
        assert_eq!(page_list(&[]), "");
    }
}

// ---------------------------------------------------------------------------------------
// Hostile input: the run errors of a screening that met a broken batch (issue 14). Each
// language's words are in its own file (`vi::run_error`, `en::run_error`), one match over
// [`RunError`] so the compiler keeps both complete.

/// A screening run that could not finish, with the values its sentence needs.
#[derive(Debug, Clone, Copy)]
pub enum RunError<'a> {
    /// A soloai bug (a caught panic) in a stage that judges the whole batch: no report is
    /// written, since one without that stage would read as "no copying".
    BatchStage {
        /// `compare` (copy detection) or `assemble` (the report's assembly).
        stage: &'a str,
        cause: &'a str,
    },
    /// A folder of the entries could not be listed.
    FolderUnlisted {
        folder: &'a std::path::Path,
        /// A `safe_fs::io_cause` code.
        cause: &'a str,
    },
    /// The entries folder given does not exist.
    NoEntriesFolder { folder: &'a std::path::Path },
    /// `--deadline` is not a date.
    BadDeadline { value: &'a str },
    /// No `--profile` and no `profile.toml`: the built-in profiles ("name — title").
    NoProfile { builtin: &'a [String] },
    /// A report file could not be written (the OS's cause, said in words by [`io_error`]).
    ReportNotWritten {
        file: &'a std::path::Path,
        source: &'a std::io::Error,
    },
    /// A report file could not be built (a soloai bug; `cause` is for the bug report).
    ReportNotBuilt {
        file: &'a std::path::Path,
        cause: &'a str,
    },
}

/// A [`RunError`] in the reader's language.
pub fn run_error(error: RunError<'_>, lang: Lang) -> String {
    match lang {
        Lang::Vi => vi::run_error(error),
        Lang::En => en::run_error(error),
    }
}

/// Why an item of the entries folder was not read (`safe_fs::SkipReason`).
pub fn skip_reason(reason: &crate::safe_fs::SkipReason, lang: Lang) -> String {
    match lang {
        Lang::Vi => vi::skip_reason(reason),
        Lang::En => en::skip_reason(reason),
    }
}

#[cfg(test)]
mod run_error_tests {
    use super::*;

    #[test]
    fn run_errors_are_said_in_both_languages_with_their_values() {
        let stage = RunError::BatchStage {
            stage: "compare",
            cause: "index out of bounds",
        };
        let vi = run_error(stage, Lang::Vi);
        assert!(
            vi.contains("so sánh bài") && vi.contains("index out of bounds"),
            "{vi}"
        );
        assert!(vi.contains("chưa ghi báo cáo nào"), "{vi}");
        let en = run_error(stage, Lang::En);
        assert!(en.contains("comparing the entries") && en.contains("no report was written"));
        let assemble = RunError::BatchStage {
            stage: "assemble",
            cause: "x",
        };
        assert!(run_error(assemble, Lang::Vi).contains("tổng hợp báo cáo"));
        assert!(run_error(assemble, Lang::En).contains("assembling the report"));
        let folder = std::path::Path::new("/contest/entries/So Noi vu");
        let unlisted = RunError::FolderUnlisted {
            folder,
            cause: "permission-denied",
        };
        let vi = run_error(unlisted, Lang::Vi);
        assert!(
            vi.contains("So Noi vu") && !vi.contains("permission-denied"),
            "{vi}"
        );
        let en = run_error(unlisted, Lang::En);
        assert!(
            en.contains("So Noi vu") && !en.contains("permission-denied"),
            "{en}"
        );
    }

    #[test]
    fn the_runs_own_errors_carry_their_values() {
        let folder = std::path::Path::new("/contest/bai-du-thi");
        let missing = RunError::NoEntriesFolder { folder };
        assert!(run_error(missing, Lang::Vi).contains("'/contest/bai-du-thi'"));
        assert!(run_error(missing, Lang::En).starts_with("/contest/bai-du-thi: "));
        let deadline = RunError::BadDeadline { value: "31/02" };
        assert!(run_error(deadline, Lang::Vi).starts_with("Hạn nộp '31/02' không hợp lệ"));
        assert!(run_error(deadline, Lang::En).starts_with("bad deadline '31/02'"));
        let builtin = [
            "hung-yen-2024 — Hưng Yên".to_string(),
            "lang-son-2025".to_string(),
        ];
        let none = RunError::NoProfile { builtin: &builtin };
        let vi = run_error(none, Lang::Vi);
        assert!(
            vi.contains("builtin = \"hung-yen-2024\"") && vi.contains("lang-son-2025"),
            "{vi}"
        );
        assert!(
            run_error(none, Lang::En)
                .contains("(built in: hung-yen-2024 — Hưng Yên, lang-son-2025)")
        );
    }

    #[test]
    fn report_files_not_written_say_the_cause_in_words() {
        let file = std::path::Path::new("out/index.html");
        let source = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let not_written = RunError::ReportNotWritten {
            file,
            source: &source,
        };
        let vi = run_error(not_written, Lang::Vi);
        assert!(
            vi.contains("out/index.html") && vi.contains(io_error(&source, Lang::Vi)),
            "{vi}"
        );
        assert!(!vi.contains("denied"), "{vi}");
        let en = run_error(not_written, Lang::En);
        assert!(
            en.contains("out/index.html") && en.contains(io_error(&source, Lang::En)),
            "{en}"
        );
        let not_built = RunError::ReportNotBuilt {
            file,
            cause: "template error",
        };
        assert!(run_error(not_built, Lang::Vi).contains("báo lỗi cho soloai"));
        assert!(run_error(not_built, Lang::En).contains("(template error)"));
    }

    #[test]
    fn every_skipped_item_is_said_in_both_languages() {
        use crate::safe_fs::SkipReason as S;
        for reason in [
            S::Symlink {
                target: "/etc/passwd".into(),
            },
            S::Fifo,
            S::Device,
            S::Socket,
            S::Loop,
            S::TooDeep,
            S::Unreadable {
                cause: "permission-denied".into(),
            },
        ] {
            let vi = skip_reason(&reason, Lang::Vi);
            let en = skip_reason(&reason, Lang::En);
            assert!(!vi.is_empty() && !en.is_empty() && vi != en, "{reason:?}");
            if let S::Symlink { target } = &reason {
                assert!(vi.contains(target.as_str()) && en.contains(target.as_str()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_code_has_a_name_in_both_languages() {
        let codes = crate::check::all_rules()
            .iter()
            .map(|r| r.code())
            .chain(crate::check::eligibility::ALL.iter().map(|r| r.code()));
        for code in codes {
            for lang in [Lang::Vi, Lang::En] {
                assert!(
                    (lang.words().codes.check)(code).is_some(),
                    "{code} has no {lang:?} name in the vocabulary"
                );
            }
        }
    }

    #[test]
    fn numbers_use_the_languages_separators() {
        assert_eq!(decimal(0.97, 2, Lang::Vi), "0,97");
        assert_eq!(decimal(0.97, 2, Lang::En), "0.97");
        assert_eq!(decimal(1644.0, 0, Lang::Vi), "1.644");
        assert_eq!(decimal(1234567.25, 1, Lang::En), "1,234,567.2");
        assert_eq!(decimal(-0.001, 1, Lang::Vi), "0,0");
        assert_eq!(decimal(f64::NAN, 1, Lang::Vi), "0,0");
        assert_eq!(percent1(0.625, Lang::Vi), "62,5%");
        assert_eq!(percent(f64::NAN), "0%");
        assert_eq!(percent(0.62), "62%");
    }

    #[test]
    fn dates_are_day_month_year() {
        assert_eq!(date("2025-07-28"), "28/07/2025");
        assert_eq!(date("2026-11-30T08:08:00Z"), "30/11/2026");
        assert_eq!(date("tháng 6/2025"), "tháng 6/2025");
        assert_eq!(date("15/07/2025"), "15/07/2025");
    }

    #[test]
    fn times_are_local_with_the_zone_stated() -> Result<(), jiff::Error> {
        let hanoi = jiff::tz::TimeZone::get("Asia/Ho_Chi_Minh")?;
        assert_eq!(
            date_time_in("2026-11-30T08:08:00Z", &hanoi, Lang::Vi),
            "30/11/2026 15:08 (UTC+07:00, Asia/Ho_Chi_Minh)"
        );
        assert_eq!(
            date_time_in("2026-11-30T08:08:00Z", &jiff::tz::TimeZone::UTC, Lang::Vi),
            "30/11/2026 08:08 (UTC)"
        );
        assert_eq!(date_time_in("soon", &hanoi, Lang::Vi), "soon");
        Ok(())
    }

    #[test]
    fn lowercase_first_keeps_abbreviations() {
        assert_eq!(lowercase_first("Kho đối chiếu"), "kho đối chiếu");
        assert_eq!(lowercase_first("UBND cấp huyện"), "UBND cấp huyện");
        assert_eq!(lowercase_first("Đơn vị"), "đơn vị");
        assert_eq!(lowercase_first(""), "");
    }

    #[test]
    fn the_local_day_is_a_calendar_day() {
        let (y, m, d) = local_day("2026-11-30T08:08:00Z").unwrap_or((0, 0, 0));
        assert_eq!(y, 2026);
        assert_eq!(m, 11);
        assert!(d == 30 || d == 29 || d == 1, "{d}");
        assert_eq!(local_day("not a time"), None);
    }

    #[test]
    fn areas_sort_in_vietnamese_order() {
        let mut areas = vec!["h", "đ", "a", "dd", "e", "d", "g", "x"];
        areas.sort_by_key(|a| area_order(a));
        assert_eq!(areas, vec!["a", "d", "đ", "dd", "e", "g", "h", "x"]);
        assert_eq!(area("dd", Lang::Vi), "đ. Cải cách chế độ công vụ");
    }

    #[test]
    fn labels_follow_the_glossary() {
        assert_eq!(
            flag_name("RECEIVING-POINT-DUPLICATE", Lang::Vi),
            "Gửi qua nhiều đầu mối tiếp nhận"
        );
        assert_eq!(flag_name("ERROR", Lang::En), "Could not read the file");
        assert_eq!(
            flag_name("FORM-FONT", Lang::Vi),
            "Phông chữ Times New Roman"
        );
        assert_eq!(flag_name("NEW-CODE", Lang::Vi), "NEW-CODE");
        assert_eq!(Lang::Vi.words().captions.originality, "Tỷ lệ nguyên gốc");
        assert_eq!(Lang::Vi.words().captions.similarity, "Tỷ lệ trùng lặp");
        assert_eq!(
            labelled("Nộp sau thời hạn", "LATE"),
            "Nộp sau thời hạn (LATE)"
        );
    }

    #[test]
    fn every_marking_paper_has_a_label() {
        for lang in [Lang::Vi, Lang::En] {
            for file in crate::report::minutes::LATER_PAPERS {
                assert!((lang.words().marking_round.paper)(file).is_some(), "{file}");
            }
        }
    }

    #[test]
    fn io_errors_are_said_in_words() {
        let e = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(io_error(&e, Lang::Vi), "không tìm thấy tệp hoặc thư mục");
    }
}
