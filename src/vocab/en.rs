//! English — with `--lang en` or `LANG=en_*`.

use super::*;

pub static WORDS: Words = Words {
    verdict: VerdictWords {
        pass: "Pass",
        fail: "Fail",
        cannot_tell: "Cannot tell",
        resubmit: "Must be resubmitted",
        resubmit_ask: "Ask the author to send a readable file (Word .docx or a PDF with a text layer) before screening.",
    },
    captions: Captions {
        id: "Entry id",
        file: "File",
        title: "Title",
        authors: "Authors",
        unit: "Unit",
        receiving_point: "Receiving point",
        submitted: "Submitted",
        declared_area: "Registered area",
        detected_area: "Area (detected)",
        area: "Area",
        originality: "Originality",
        similarity: "Similarity",
        verdict: "Screening verdict",
        forward: "Proposed for forwarding",
        flags: "Flags",
        checks: "Form checks",
        failed_checks: "Failed checks",
        top_source: "Main source",
        error: "Error",
        status: "Status",
        yes: "Yes",
        no: "No",
        unit_kind: "Unit kind",
        entries: "Entries",
        quota_min: "Minimum quota",
        meets_quota: "Meets quota",
        owes_explanation: "Owes explanation",
        source: "Source",
        matched_passage: "Matched passage",
        excluded_passage: "Excluded passage",
        evidence: "Evidence",
        code: "Code",
        rule: "Rule",
        result: "Verdict",
        confidence: "confidence",
        status_read: "Read",
        status_unreadable: "Could not read",
        duplicate_of: "Same file as",
    },
    codes: Codes {
        check: check_name,
        flag: flag_name,
        match_kind,
        signal,
        source_kind,
        excluded_reason,
        area,
        unit_kind,
    },
    dashboard: Dashboard {
        heading: "Preliminary screening results",
        profile: "Profile",
        generated: "Generated",
        files: "Files",
        summary_xlsx: "Summary (Excel)",
        summary_csv: "Summary (CSV)",
        minutes_docx: "Screening minutes (Word)",
        report_json: "Full data (JSON)",
        total: "Entries",
        flagged: "Flagged",
        entries_heading: "Entries",
        search_placeholder: "Search id, title, author, unit…",
        search: "Search",
        all_verdicts: "All verdicts",
        all_areas: "All areas",
        flagged_only: "Flagged only",
        checks_passed: "Checks passed",
        shown: "{n} of {total} entries shown",
        units_heading: "Entries per unit against quota",
        unit_no_entry: "No entry — owes an explanation letter",
        clusters_heading: "Copy clusters",
        clusters_note: "Entries in one cluster copy each other exactly or nearly; treat each cluster as one case.",
        how_heading: "How to read this",
        how_bands: "Originality: green from 80%, amber from 50% to under 80%, red under 50%. Each flag is something the council should look at; the council decides the verdict.",
        footer_note: "Report prepared by soloai for the council's preliminary screening.",
        duplicates_heading: "Identical files",
        duplicates_note: "The files below are byte for byte the same: one entry sent more than once.",
        checks_failed: |failed, total| format!("{failed} of {total} checks failed"),
    },
    entry_page: EntryPage {
        heading: "Similarity report",
        heading_unreadable: "File must be sent again",
        back: "Dashboard",
        previous: "Previous entry",
        next: "Next entry",
        sources: "Sources",
        no_source: "No matching source was found in the corpus.",
        source_kind: "Source kind",
        match_kind: "Kind of match",
        share: "Share of entry",
        reference: "Public reference",
        scope: "Where applied",
        entry_side: "Entry",
        idea_only: "Same idea; no passage matches word for word.",
        no_source_text: "(source text not available)",
        full_text: "Full text of the entry",
        form_checks: "Form and content checks",
        eligibility: "Eligibility",
        changed_words: "Changed words",
        similarity_sentence: "The share of the entry's text (cover page, quotations, legal citations and template text left out) that matches at least one source.",
        originality_sentence: "The rest, matching no source: originality and similarity add up to 100%.",
        location: |page, paragraph| format!("page {page}, paragraph {paragraph}"),
        paragraph_only: |paragraph| format!("paragraph {paragraph}"),
        panes_limited: |shown, total| {
            format!(
                "Passages shown for the {shown} largest of {total} sources; the table above lists all {total}."
            )
        },
        scope_nationwide: "Nationwide",
        scope_in_province: |p| format!("Applied in this province ({p})"),
        scope_elsewhere: |p| format!("Applied outside the province ({p})"),
    },
    sheet: Sheet {
        entries: "Entries",
        units: "Unit quotas",
        checks: "Checks",
        page_footer: "Page &P of &N",
    },
    terminal: Terminal {
        entries_profile: |n, profile| format!("{n} entries — profile: {profile}"),
        reports_in: "Reports",
        below_quota: "below quota",
        owes_letter: " — owes an explanation letter",
        cached: |n| format!("({n} files read in an earlier run, taken from the cache)"),
        duplicate_files: "Identical files (one entry sent more than once)",
        corpus_added: |added, already, failed| {
            format!("Corpus: {added} new documents, {already} already there, {failed} failed")
        },
        not_a_folder: |p| {
            format!(
                "'{p}' is a file, not a folder. screen needs a folder of entries (or a contest folder with entries/). \
                 To check one file, use: soloai check '{p}'"
            )
        },
        no_such_folder: |p| format!("The entries folder '{p}' does not exist. Check the path."),
    },
    corpus: CorpusWords {
        stated: |index, n, kinds| {
            if kinds.is_empty() {
                format!("Corpus {index}: {n} documents")
            } else {
                format!("Corpus {index}: {n} documents ({kinds})")
            }
        },
        kind_count: |kind, n| {
            let what = match kind {
                "applied" => "applied models",
                "published" => "published solutions",
                "past-entry" => "earlier entries",
                "template" => "templates",
                other => other,
            };
            format!("{n} {what}")
        },
        empty_warning: "WARNING: the corpus holds no model, solution or earlier entry. Entries were compared with each other only; \
                        originality does not yet reflect copying from existing models. Load one with: soloai corpus add <folder>",
    },
    cli: Cli {
        about: "Pre-screening of entries to administrative-reform idea contests: reads entries, checks their form, \
                finds copying and writes the council's reports.",
        usage: "Usage",
        commands: "Commands",
        arguments: "Arguments",
        options: "Options",
        help: "Print this help",
        version: "Print the version",
        lang: "Language of reports and messages: vi (default) or en; also follows LANG=en_*",
        see_help: |cmd| format!("For help: {cmd} --help"),
        unknown_argument: |a| format!("unknown option '{a}'"),
        unknown_command: |c| format!("unknown command '{c}'"),
        missing_required: |a| format!("a required argument is missing: {a}"),
        missing_command: "a command is required",
        invalid_value: |v, a| format!("invalid value '{v}' for {a}"),
        possible_values: |v| format!("possible values: {v}"),
        too_many_values: |a| format!("too many values for {a}"),
        conflict: |a| format!("cannot be used with {a}"),
        other_error: "invalid command-line arguments",
        tip_dashes: "tip: write a file name starting with '-' after '--'",
    },
    errors: Errors {
        not_found: "no such file or folder",
        permission_denied: "permission denied",
        already_exists: "a file of that name already exists",
        is_a_directory: "this is a folder, not a file",
        not_a_directory: "this is not a folder",
        disk_full: "the disk is full",
        read_only: "the disk is read-only",
        interrupted: "interrupted",
        invalid_data: "the data is broken or incomplete",
        other: "system error while reading or writing a file",
    },
};

fn check_name(code: &str) -> Option<&'static str> {
    Some(match code {
        "FORM-FONT" => "Times New Roman font",
        "FORM-SIZE" => "Font size 14",
        "FORM-PAGENUM" => "Page numbers",
        "COVER-NAME" => "Cover: full name",
        "COVER-POSITION" => "Cover: position",
        "COVER-UNIT" => "Cover: work unit/address",
        "COVER-PHONE" => "Cover: phone number",
        "GROUP-MEMBERS" => "Group members and representative",
        "AREA" => "Content area",
        "REVISION-STATEMENT" => "Revision statement",
        "LATE" => "Submission deadline",
        "EXCLUDED-PERSON" => "Eligible author",
        "QUOTA" => "Unit quota",
        "RECEIVING-POINT" => "Receiving point",
        "GROUP-KIND" => "Individual or group as registered",
        _ => return None,
    })
}

fn flag_name(code: &str) -> Option<&'static str> {
    Some(match code {
        "RECYCLED-NO-STATEMENT" => "Recycled without revision statement",
        "RECYCLED-AWARDED" => "Already awarded in another contest",
        "RECEIVING-POINT-DUPLICATE" => "Sent through two receiving points",
        "LATE" => "Submitted late",
        "EXCLUDED-PERSON" => "Author may not enter",
        "COPY" => "Copies another entry",
        "CORPUS-COPY" => "Copies an existing model or solution",
        "IDEA" => "Duplicated idea",
        "AREA-MISMATCH" => "Area differs from the registered one",
        "NEEDS-OCR" => "Needs OCR (scanned)",
        "ERROR" => "Could not read the file",
        _ => return None,
    })
}

fn match_kind(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "exact" => "Verbatim copy",
        "near" => "Near copy (light edits)",
        "partial" => "Partial copy",
        "idea" => "Same idea, other words",
        _ => return None,
    })
}

fn signal(signal: &str) -> Option<&'static str> {
    Some(match signal {
        "verbatim" => "Verbatim",
        "paraphrase" => "Paraphrase",
        "idea" => "Same idea",
        _ => return None,
    })
}

fn source_kind(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "applied" => "Applied model",
        "published" => "Published solution",
        "past-entry" => "Entry of an earlier contest",
        "template" => "Template text",
        "entry" => "Another entry in this contest",
        _ => return None,
    })
}

fn excluded_reason(reason: &str) -> Option<&'static str> {
    Some(match reason {
        "template" => "template text",
        "shared" => "shared by many entries",
        "quote" => "quotation",
        "legal-citation" => "legal citation",
        "cover" => "cover page",
        // The codes copy detection writes (compare::Reason).
        "auto-template" => "shared by many entries",
        "citation" => "legal citation",
        "common" => "wording many documents share",
        "legal-quote" => "quotation of a legal document",
        _ => return None,
    })
}

fn area(letter: &str) -> Option<&'static str> {
    Some(match letter {
        "a" => "Steering and direction",
        "b" => "Institutions",
        "c" => "Administrative procedures",
        "d" => "Organization of the apparatus",
        "đ" => "Civil service",
        "e" => "Public finance",
        "g" => "E-government, digital government",
        "h" => "Provincial competitiveness (PCI)",
        _ => return None,
    })
}

fn unit_kind(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "department" => "Department",
        "district" => "District people's committee",
        "commune" => "Commune people's committee",
        "social-organization" => "Socio-political or social organization",
        "central-agency" => "Central agency in the province",
        "internal-division" => "Internal division",
        _ => return None,
    })
}
