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
        input_problems_heading: "Rows of the lists that could not be read",
        quota_encouraged: "Encouraged",
        quota_counts_for: "Counts for",
        quota_none: "No quota",
        skipped_heading: "Items not read in the entries folder",
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
        more_sources: |n| format!("… and {n} more sources, with smaller shares."),
        passage_cut: "… (long passage, see the full text below)",
        passages_limited: |shown, total| {
            format!(
                "{shown} of {total} passages shown; the others are highlighted in the full text below."
            )
        },
        scope_nationwide: "Nationwide",
        scope_in_province: |p| format!("Applied in this province ({p})"),
        scope_elsewhere: |p| format!("Applied outside the province ({p})"),
        ocr_read: "Read by OCR",
        ocr_pages: "pages",
        ocr_confidence: "confidence",
        read_warnings_heading: "Notes from reading the file",
        read_warnings_note: "What soloai noticed while reading the entry's file; the council should check the original at these points.",
        read_warnings_more: |n| format!("… and {n} more notes not shown here."),
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
        quota_waits: |n, pending, min| {
            format!("quota not settled {n}/{min}, {pending} waiting for the council")
        },
    },
    check_cli: CheckCli {
        no_such_path: |p| format!("{p}: no such file or folder"),
        no_entries: "no entries found (.docx, .pdf, .doc, .odt, .txt)",
        progress: "Checking",
        totals: |files, pass, fail, unsure, errors| {
            format!(
                "{files} file(s): {pass} pass, {fail} fail, {unsure} cannot tell, {errors} unreadable."
            )
        },
    },
    corpus: CorpusWords {
        stated: |index, n, kinds| {
            // The index folder, when the report names one.
            let index = if index.is_empty() {
                String::new()
            } else {
                format!(" {index}")
            };
            if kinds.is_empty() {
                format!("Corpus{index}: {n} documents")
            } else {
                format!("Corpus{index}: {n} documents ({kinds})")
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
        compared: |stated| {
            format!(
                "The entries were compared with each other and with the {}.",
                lowercase_first(stated)
            )
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
        did_you_mean: |x| format!("tip: did you mean {x}"),
        default_value: |v| format!("[default: {v}]"),
        values: |v| format!("[values: {v}]"),
        error_prefix: "error",
        options_token: "[OPTIONS]",
        command_token: "<COMMAND>",
        command: cli_command,
        arg: cli_arg,
        value_name: cli_value_name,
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
    files: FileWords {
        lock_output: "The output folder",
        lock_index: "The corpus index",
        lock_holder: |pid, command, started| {
            format!("process {pid} (command `{command}`, started {started})")
        },
        lock_someone: "another process",
        lock_wait_output: "wait for that run to finish, or choose another --out",
        lock_wait_index: "wait for that run to finish",
        lock_busy: |what, dir, who, todo| {
            format!("{what} {dir} is in use by another soloai run: {who}; {todo}")
        },
        lock_io: |dir, cause| {
            format!(
                "could not create the lock file in {dir} ({cause}); check the folder is writable"
            )
        },
        out_inside_entries: |out, entries| {
            format!(
                "the output folder {out} is or lies inside the input folder {entries} (entries or corpus documents): reports would overwrite inputs or be read as entries next time; choose an --out outside it"
            )
        },
        out_contains_entries: |out, entries| {
            format!(
                "the output folder {out} contains the input folder {entries} (entries or corpus documents); choose a folder of its own, e.g. soloai-out"
            )
        },
        out_not_a_folder: |out| format!("{out} is not a folder; --out must be a folder"),
        out_foreign: |out, examples| {
            format!(
                "the output folder {out} holds files soloai did not write ({examples}); soloai only writes into an empty folder or one of its own, so nobody's files are overwritten or deleted; choose an empty or new --out"
            )
        },
        out_not_writable: |out, cause| {
            format!(
                "cannot write into the output folder {out} ({cause}); check permissions and disk space, or choose another --out"
            )
        },
        charge_file_bytes: "the file's bytes",
        charge_decompressed: "decompressed data",
        charge_pdf_stream: "PDF streams",
        charge_pdf_operators: "PDF drawing operators (nested objects included)",
        charge_text: "extracted text",
        charge_pixels: "page images for OCR",
        format_binary: "binary data, not text",
        format_ole: "an old Office file that is not Word",
        format_zip: "a zip archive",
        not_regular_symlink: "a symbolic link",
        not_regular_fifo: "a named pipe (FIFO)",
        not_regular_socket: "a socket",
        not_regular_folder: "a folder",
        not_regular_device: "a device",
        not_a_file: |what| format!("{what}, not a regular file"),
        over_limit: |size, limit| format!("{size} MB, over the limit of {limit} MB"),
        io_cause: |code| {
            Some(match code {
                "not-found" => "no such file",
                "permission-denied" => "permission denied",
                "already-exists" => "already exists",
                "would-block" => "not ready to read",
                "invalid-data" => "invalid data",
                "unexpected-eof" => "unexpected end of file",
                "out-of-memory" => "out of memory",
                "storage-full" => "disk full",
                "read-only" => "read-only file system",
                "is-a-directory" => "is a folder",
                "not-a-directory" => "not a folder",
                "symlink" => "is a symbolic link",
                "not-read" => "not read yet",
                "missing-entry" => "listed in the manifest but not found in the entries folder",
                _ => return None,
            })
        },
        io_other: |detail| detail.to_string(),
    },
    papers: Papers {
        motto_country: "SOCIALIST REPUBLIC OF VIETNAM",
        motto_slogan: "Independence - Freedom - Happiness",
        number: "No.:",
        council_default: "SCREENING COUNCIL",
        council_word: "The council",
        secretary_caption: "SECRETARY",
        chair_caption: "CHAIR OF THE COUNCIL",
        sign_hint: "(Signature and full name)",
        minutes_title: "MINUTES",
        summary_screening: "Preliminary screening of the entries to",
        time: "Time",
        place: "Place",
        attendance: "Present",
        absent: "Absent",
        chaired_by: "Chaired by",
        recorded_by: "Minutes taken by",
        members_heading: "I. MEMBERS OF THE COUNCIL",
        results_heading: "II. SCREENING RESULTS",
        decisions_heading: "The council's decisions on the flags",
        forwarded_heading: "III. ENTRIES PROPOSED FOR FORWARDING",
        units_heading: "IV. UNITS SHORT OF THEIR QUOTA",
        conclusion_heading: "CONCLUSION",
        no: "No.",
        title_authors: "Title / Authors",
        result: "Verdict",
        note: "Notes",
        proposed: "Proposed for forwarding",
        by_council: "Forwarded by the council's decision",
        none: "None.",
        flag: "Flag",
        decision: "Decision",
        reason: "Reason",
        decided_by: "Decided by, when",
        accepted: "Confirmed",
        dismissed: "Dismissed",
        dismissed_note: "Flag dismissed by the council",
        properties_title: "Screening minutes",
        entry_word: "entry",
        more_sources: |n| format!("and {n} more"),
        contest_phrase: |name| format!("the “{name}” contest"),
        date: |d| match d {
            Some(d) => {
                const MONTHS: [&str; 12] = [
                    "January",
                    "February",
                    "March",
                    "April",
                    "May",
                    "June",
                    "July",
                    "August",
                    "September",
                    "October",
                    "November",
                    "December",
                ];
                format!(
                    "{} {}, {}",
                    MONTHS[(d.month() as usize).clamp(1, 12) - 1],
                    d.day(),
                    d.year()
                )
            }
            None => "........................".to_string(),
        },
        time_of_day: |t| match t {
            Some(t) => format!("{:02}:{:02}", t.hour(), t.minute()),
            None => ".....:.....".to_string(),
        },
        started: |time, date| format!("Started at {time} on {date}."),
        opening: |council, entries, contest, profile| {
            let criteria = match profile {
                Some(p) => format!("profile: {p}"),
                None => "by the criteria of the contest's plan".to_string(),
            };
            format!(
                "{council} screened {entries} entries to {contest}. Form and similarity checks \
                 were assisted by the soloai software ({criteria}); the council reviewed \
                 the evidence for each entry and agreed on the results below."
            )
        },
        tally: |total, pass, fail, cannot_tell, resubmit| {
            format!(
                "Entries: {total}; pass: {pass}; fail: {fail}; cannot tell: {cannot_tell}; must \
                 be resubmitted (unreadable file): {resubmit}."
            )
        },
        unit_short: |unit, entries, quota, owes| {
            if owes {
                format!("- {unit}: no entry (quota {quota}); owes an explanation letter.")
            } else {
                format!(
                    "- {unit}: {} (minimum {quota}).",
                    entries_counted(entries, "")
                )
            }
        },
        conclusion: |forwarded, by_council| {
            let mut s = format!(
                "The council agreed to send the {forwarded} entries listed in section III to \
                 the organizing committee for marking"
            );
            if by_council > 0 {
                s.push_str(&format!(
                    " ({by_council} of them by the council's decision after reviewing the flags)"
                ));
            }
            s.push_str("; the other entries do not go on, for the reasons given in section II.");
            s
        },
        closing: |end, copies| {
            (
                format!("The meeting closed at {end} the same day."),
                format!(
                    "These minutes were read to the members present, are made in {copies} copies \
                     and are signed by the members of the council below."
                ),
            )
        },
    },
    scoring_sheet: ScoringSheet {
        title: "SCORING SHEET",
        marker: "Marked by",
        example: "NOTE: the criteria below are soloai's EXAMPLE, not the contest's marking regulation. Do not use them for official marking.",
        source: "Criteria from",
        how: "Type each criterion's points in the white cells (0 to the maximum, up to 0.01); the total is computed. Grey cells: not yours to mark (conflict of interest).",
        no: "No.",
        id: "Entry id",
        entry: "Title",
        total: "Total",
        note: "Notes",
        up_to: "max",
        conflict: "Not marked: conflict of interest",
        bad_title: "Invalid score",
        bad_message: "The score must be a number from 0 to",
        input_title: "Criterion points",
        sign: "MARKED BY",
        sign_hint: "(Signature and full name)",
    },
    marking: Marking {
        summary: "Marking of the entries to",
        jury: "Members marking",
        method: "I. CRITERIA AND SCORING RULES",
        example: "Note: the criteria below are soloai's EXAMPLE, not the contest's marking regulation; these results are not official.",
        criteria_from: "Criteria from",
        up_to: "up to",
        points: "points",
        mean: "Each entry's score is the mean of the members' totals.",
        trimmed_mean: |n| {
            format!(
                "Each entry's score is the mean of the members' totals after dropping the highest and the lowest, when at least {n} members marked it."
            )
        },
        results_heading: "II. MARKING RESULTS",
        problems_heading: "III. PROBLEMS FOUND IN THE SCORING SHEETS",
        no_problems: "Every sheet is complete and valid.",
        conclusion_heading: "CONCLUSION",
        rank: "Rank",
        entry: "Entry / Title / Authors",
        kind: "Kind",
        individual: "Individual",
        group: "Group",
        sheets: "Marks counted",
        average: "Average",
        prize: "Proposed prize",
        none: "—",
        tie: "tied, for the council to decide",
        list_title: "LIST",
        list_summary: "Authors and groups proposed for award",
        author: "Author / Group",
        unit: "Unit",
        amount: "Amount (VND)",
        total: "Total",
        in_words: "In words",
        maker: "PREPARED BY",
        summary_sheet: "Summary",
        detail_sheet: "Detail",
        problems_sheet: "Problems",
        member: "Member",
        conflict: "conflict",
        doc_title: "Marking minutes",
        minutes_title: "MINUTES",
        time: "Time",
        place: "Place",
        earlier_submission: "the earlier submission",
        list_doc_title: "Prize list",
        no: "No.",
        title: "Title",
        prize_col: "Prize",
        chair_caps: "CHAIR OF THE COUNCIL",
        scores_title: "Score workbook",
        entry_id: "Entry id",
        sum: "Total",
        code: "Code",
        file: "File",
        entry_short: "Entry",
        message: "Message",
        prizes_sheet: "Prizes",
        started: |time, date| format!("Started at {time} on {date}."),
        tally_line: |entries, sheets, jury| {
            format!("Entries marked: {entries}. Scoring sheets received: {sheets}/{jury}.")
        },
        more_problems: |n, file| format!("- … and {n} more (see the “Problems” sheet of {file})."),
        closed: |end| format!("The marking session closed at {end} the same day."),
        copies: "These minutes are made in two copies and signed below.",
        tie_criterion: |name| format!("the higher average on “{name}”"),
        tie_rules: |rules| {
            format!(
                "Ties are broken, in order, by {rules}; a tie left after these is for the council to decide."
            )
        },
        no_marks: |id| format!("Entry {id} has no valid mark yet: not ranked."),
        boundary_tie: |ids, group, rank| {
            let kind = if group { "groups" } else { "individuals" };
            format!(
                "Entries {ids} ({kind}) tie after every tie-break rule at the {rank} boundary: the council decides; the list orders them by id for now."
            )
        },
        prize_part: |n, rank, ind, grp| format!("{n} × {rank} ({ind} individual, {grp} group)"),
        conclusion_prizes: |parts, digits, words| {
            format!(
                "The council agreed the marks and proposes {parts}; prize money {digits} ({words})."
            )
        },
        conclusion_ranking: "The council agreed the marks and the ranking in section II.",
        not_final: " The results become final once the problems in section III are resolved.",
        with_honour: |h| format!("; with {h}"),
        honour_col: "Honour with the prize",
    },
    sheet_problems: SheetProblems {
        unreadable: |file, cause| format!("{file}: {cause}; this sheet is not counted."),
        unknown_member: |file, who| {
            format!(
                "{file}: sheet of '{who}', who is not on the jury in council.toml; not counted."
            )
        },
        duplicate_sheet: |file, name, first| {
            format!("{file}: {name} already has sheet {first}; the second is not counted.")
        },
        criteria_changed: |file| {
            format!(
                "{file}: the sheet's criteria differ from the profile's; hand out new sheets ('soloai scoring sheets'). Not counted."
            )
        },
        other_report: |file, when| {
            format!(
                "{file}: made from another screening run ({when}); entries are still matched by id."
            )
        },
        missing_sheet: |name, file| {
            format!(
                "No scoring sheet from {name} ({file}); averages count the sheets handed in only."
            )
        },
        unknown_entry: |file, row, id| {
            format!("{file}, row {row}: entry '{id}' was not forwarded to marking; not counted.")
        },
        duplicate_row: |file, row, id| {
            format!("{file}, row {row}: entry {id} appears twice; the first counts.")
        },
        conflict: |file, row, name, id, reason| {
            format!(
                "{file}, row {row}: {name} marked {id} despite a conflict of interest ({reason}); not counted."
            )
        },
        not_marked: |file, row, name, id| format!("{file}, row {row}: {name} did not mark {id}."),
        out_of_range: |file, at, name, id, v, criterion, max| {
            format!(
                "{file}, cell {at}: {name} gave {id} {v} points for “{criterion}”, outside 0–{max}; this sheet's marks for the entry are not counted."
            )
        },
        not_a_number: |file, at, t, criterion, id| {
            format!("{file}, cell {at}: “{t}” is not a number (“{criterion}”, entry {id}).")
        },
        missing_score: |file, at, name, criterion, id| {
            format!(
                "{file}, cell {at}: {name} left “{criterion}” of {id} empty; this sheet's marks for the entry are not counted."
            )
        },
        missing_entry: |file, name, id| format!("{file}: {name}'s sheet has no row for {id}."),
    },
    package: PackageWords {
        no_such_file: "no such file",
        entry_missing: |id, file| {
            format!(
                "Entry {id}: '{file}' is no longer in the entries folder (moved or renamed after screening?)."
            )
        },
        cannot_pack: |id, inner, cause| format!("Entry {id}: could not pack '{inner}' ({cause})."),
        lacks_word_extract: |id| {
            format!(
                "Entry {id}: a video, picture or software entry without its Word extract (plan III.3.a)."
            )
        },
        owes_letter: |unit| {
            format!(
                "{unit} has no entry that counts: attach its letter explaining why (III.4, note)."
            )
        },
        list_title: "CONTENTS OF THE PACKAGE",
        contest: "Contest",
        sent_by: "Sent by",
        minutes_no: "Screening minutes no.",
        deadline: "Deadline",
        before: "before",
        made_at: |h, m, d, mo, y| format!("{h:02}:{m:02} on {d:02}/{mo:02}/{y} (UTC+7)"),
        made: "Made",
        papers_heading: "1. The council's papers:",
        forwarded_heading: |n| format!("2. Entries forwarded to marking: {n}"),
        by_council: " — by the council's decision",
        missing: "MISSING",
        units_heading: "3. Units short of their quota of entries:",
        before_sending: "Before sending:",
        hashes: "SHA-256 of every file: see 00-manifest.json.",
        err_missing: |path, cause| format!("{path}: {cause}"),
        err_write: |path, cause| format!("{path}: could not write the package: {cause}"),
        err_empty: "no entry is forwarded: there is nothing to send",
        past_deadline: |what, when| {
            format!(
                "The package is made after the deadline \"{what}\" (before {when}): say why it is late when sending it."
            )
        },
    },
    web: WebWords {
        audit_action: |code| {
            Some(match code {
                "setup-admin" => "Administrator account created",
                "login" => "Signed in",
                "login-failed" => "Failed sign-in",
                "logout" => "Signed out",
                "user-created" => "Account created",
                "user-enabled" => "Account enabled",
                "user-disabled" => "Account disabled",
                "password-set" => "Password reset",
                "refused" => "Refused (no permission)",
                "contest-created" => "Contest created",
                "contest-deleted" => "Contest deleted",
                "upload" => "Files uploaded",
                "file-deleted" => "File deleted",
                "council-edited" => "Council edited",
                "run-started" => "Screening started",
                "run-finished" => "Screening finished",
                "flag-accept" => "Flag accepted",
                "flag-dismiss" => "Flag dismissed",
                "awards" => "Prizes recorded",
                "corpus-add" => "Added to the corpus",
                "corpus-add-contest" => "Entries added to the corpus",
                _ => return None,
            })
        },
        audit_members: |n| format!("{n} member{}", if n == 1 { "" } else { "s" }),
        audit_run: |n| format!("screening run {n}"),
        council_role_unknown: |name, typed| {
            format!(
                "The council was not saved: the role \"{typed}\" of {name} is unknown. Write Chair, Vice chair, Secretary or Member (empty is Member)."
            )
        },
        app: "soloai — contest pre-screening",
        login: "Log in",
        logout: "Log out",
        username: "User name",
        password: "Password",
        password_again: "Password again",
        display_name: "Full name",
        role: "Role",
        role_admin: "Administrator",
        role_secretary: "Secretary",
        role_member: "Member",
        bad_login: "Wrong user name or password.",
        throttled: "Too many failed logins. Try again in",
        seconds: "seconds",
        setup_title: "Create the administrator",
        setup_intro: "The server has no account yet. Create the first administrator; this link works once.",
        setup_done: "An administrator exists. Please log in.",
        setup_bad_token: "The set-up link is not valid or was used.",
        password_short: "The password needs at least 10 characters.",
        password_mismatch: "The two passwords differ.",
        username_bad: "User names use a-z, digits, dot, dash and underscore (at most 40).",
        username_taken: "That user name is taken.",
        contests: "Contests",
        no_contests: "No contest you may see yet.",
        new_contest: "New contest",
        contest_name: "Contest name",
        year: "Year",
        profile: "Contest profile",
        profile_upload: "or upload the contest's own profile",
        create: "Create",
        save: "Save",
        inputs: "Inputs",
        entries_files: "Entry files",
        upload_entries: "Upload entries",
        upload_hint: "Pick one or more entry files, or one compressed folder (.zip) of entries — a whole contest folder with its list of entries and list of units works too; or drop them on the box above.",
        drop_here: "Drop files here",
        upload: "Upload",
        manifest: "List of entries (Excel or CSV)",
        units: "Units (CSV)",
        excluded: "Excluded persons (CSV)",
        profile_file: "The contest's own profile",
        present: "Present",
        absent: "Missing",
        uploaded: "Saved",
        refused: "Refused",
        ignored: "Ignored",
        run: "Screening",
        start_run: "Start screening",
        rerun_note: "Running again after new uploads reads only the new files, so it is quicker.",
        run_busy: "A screening run of this contest is already going.",
        run_queued: "Waiting for another run",
        run_running: "Running",
        run_done: "Done",
        run_failed: "Failed",
        run_interrupted: "The server stopped during the run; run it again.",
        no_entries: "No entries yet: upload some first.",
        stage_corpus: "Adding corpus",
        stage_read: "Reading entries",
        stage_check: "Checking form",
        stage_compare: "Comparing",
        stage_report: "Writing reports",
        history: "Runs",
        started: "Started",
        by: "By",
        status: "Status",
        entries: "Entries",
        flagged: "Flagged",
        from_cache: "From cache",
        duration: "Time",
        reports: "Reports",
        dashboard: "Summary of results (in the browser)",
        download: "Download",
        download_zip: "Download every report in one compressed file (.zip)",
        decisions_json: "The council's decisions (data file)",
        no_report: "No report yet: run the screening.",
        council: "Council",
        council_unit: "Organizing unit",
        council_parent: "Parent body",
        council_name: "Council name",
        council_place: "Place",
        council_number: "Minutes number",
        council_symbol: "Symbol",
        council_date: "Meeting date",
        council_start: "Start time",
        council_end: "End time",
        council_venue: "Venue",
        council_members: "Members (one a line: Name | Position | Chair, Vice chair, Secretary or Member | user name)",
        council_unknown_users: "No such account",
        council_unit_missing: "The council was not saved: fill in the unit that runs the screening (the first line of the minutes' header)",
        entry: "Entry",
        flags: "Flags",
        verdict: "Software's verdict",
        decision: "Council's decision",
        decisions: "Decisions",
        accept: "Accept",
        dismiss: "Dismiss",
        accepted: "Accepted",
        dismissed: "Dismissed",
        pending: "Pending",
        reason: "Reason",
        reason_required: "A reason is required.",
        no_flags: "No flags.",
        full_report: "Full report page",
        title: "Title",
        unit: "Unit",
        originality: "Originality",
        file: "File",
        audit: "Audit log",
        when: "When",
        who: "Who",
        action: "Action",
        detail: "Detail",
        users: "Users",
        new_user: "New user",
        active: "Active",
        disable: "Disable",
        enable: "Enable",
        new_password: "Set new password",
        corpus: "Corpus",
        corpus_search: "Search the corpus (with or without diacritics)",
        search: "Search",
        no_hits: "No document found.",
        corpus_add: "Add documents",
        kind: "Kind",
        contest_of: "Contest",
        awarded: "Awarded",
        province: "Province",
        yes: "Yes",
        no: "No",
        unknown: "Unknown",
        corpus_added: "new documents",
        corpus_duplicates: "already there",
        corpus_failed: "unreadable",
        awards: "Prizes and the corpus",
        awards_hint: "After the contest: record each entry's prize, then add every entry to the corpus (as past entries) in one step.",
        prize: "Prize",
        prize_none: "No prize",
        prize_first: "First prize",
        prize_second: "Second prize",
        prize_third: "Third prize",
        prize_consolation: "Consolation prize",
        add_to_corpus: "Add the entries to the corpus…",
        forbidden: "You may not see this page.",
        not_found: "Page not found.",
        bad_request: "Bad request",
        csrf_failed: "The form expired or is not valid. Reload the page and try again.",
        server_error: "Server error",
        back: "Back",
        home: "Home",
        too_large: "File too large",
        empty_file: "Empty file (0 bytes)",
        bad_name: "Invalid file name",
        zip_traversal: "The archive has a path leading outside its folder",
        zip_symlink: "The archive holds a symbolic link",
        zip_bomb: "The archive expands too much (a zip bomb?)",
        zip_too_many: "The archive holds too many files",
        zip_broken: "The archive is damaged",
        wrong_type: "Wrong kind of file",
        profile_invalid: "The profile is not valid",
        members_only: "Only this contest's council may see it.",
        progress: "Progress",
        open_report: "Open the report",
        minutes: "Screening minutes (Word)",
        summary_xlsx: "Summary (Excel)",
        admin_link: "Create the administrator at",
        listening: "soloai is serving at",
        decided_by: "by",
        council_file: "Council details prepared in advance",
        council_invalid: "The council file is not valid",
        files_list: "Uploaded files",
        delete: "Delete",
        login_at: "Log in at",
        original_verdict_note: "The software's verdict stays as it was; the council's decision is shown beside it and goes into the minutes.",
        delete_file: "Delete file…",
        cannot_undo: "This cannot be undone.",
        confirm_title: "Please confirm",
        confirm_delete: |file| {
            format!(
                "Delete «{file}» from the contest's files? To have it back, it must be uploaded again."
            )
        },
        confirm_delete_button: "Delete this file",
        confirm_to_corpus: |contest, n| {
            format!(
                "Add the {n} entries of «{contest}» to the corpus (as past entries), with the prizes recorded? \
                 The web app cannot take them out of the corpus again; later contests will be compared against them."
            )
        },
        confirm_to_corpus_button: "Add to the corpus",
        cancel: "No, go back",
        no_file_chosen: "No file was chosen: pick a file (or drop it on the box), then press Upload.",
        stale_results: |made, changed| {
            format!(
                "Old results: the files changed at {changed}, after the screening of {made}. \
                 Run the screening again to take these changes into account."
            )
        },
        error_code: "Error code",
        back_to_contest: "Back to the contest's page",
        council_users_unknown: |seats| {
            let named: Vec<String> = seats
                .iter()
                .map(|(name, user)| format!("«{user}» (the line of {name})"))
                .collect();
            format!(
                "The council was not saved: there is no account {}. Correct the user name in the last \
                 column, or leave it empty if this person has no account on the server.",
                named.join(", ")
            )
        },
        contest_name_missing: "Fill in the contest's name.",
        profile_own: "own profile, uploaded for this contest",
        profile_replaced: |now, before| {
            format!(
                "Note: the upload carried its own profile (profile.toml), so from now on the contest \
                 is screened by «{now}» instead of «{before}». If that is wrong, upload the right \
                 profile under the contest's files."
            )
        },
        council_form_problem: |problem| {
            use crate::council::CouncilProblem::*;
            let label = |field: &str| match field {
                "unit" => "Organizing unit",
                "parent_unit" => "Parent body",
                "name" => "Council name",
                "place" => "Place",
                "screening.number" => "Minutes number",
                "screening.symbol" => "Symbol",
                "screening.venue" => "Venue",
                "screening.date" => "Meeting date",
                "screening.start" => "Start time",
                "screening.end" => "End time",
                "members.name" => "Full name (Members box)",
                "members.position" => "Position (Members box)",
                _ => "Members",
            };
            let said = match problem {
                TooLong { field, max } => {
                    format!("{} is longer than {max} characters", label(field))
                }
                ControlCharacters { field } => {
                    format!("{} holds characters that cannot be printed", label(field))
                }
                NoUnit => "the organizing unit is empty".to_string(),
                NotADate { field, value } => {
                    format!(
                        "«{value}» in {} is not a date: write it as 08/07/2025",
                        label(field)
                    )
                }
                NotATime { field, value } => {
                    format!(
                        "«{value}» in {} is not a time: write it as 08:00",
                        label(field)
                    )
                }
                EndsBeforeStart { start, end, .. } => {
                    format!("the end time ({end}) is before the start time ({start})")
                }
                NoMembers => {
                    "no member yet: write one person per line in the Members box".to_string()
                }
                TooManyMembers { max } => format!("more than {max} members"),
                MemberWithoutName { number } => format!("member {number} has no name"),
                MemberTwice { name } => format!("{name} is written twice"),
                TwoChairs => "more than one council chair".to_string(),
                other => council_problem(other),
            };
            format!("The council was not saved: {said}.")
        },
        technical_file_hint: "a .toml file prepared by a technician",
        technical_files: "Data files for technicians",
        decisions_json_hint: "For the minutes, scoring sheets or the package made with soloai on another computer (option --decisions).",
        list_no_rows: |file| {
            format!(
                "{file}: no row could be read (only a header, or nothing). Check the file and upload it again."
            )
        },
        list_row_problems: "Saved, but some rows could not be read (the screening will leave these cells out; correct the file and upload it again if needed)",
        more_rows: |n| format!("… and {n} more rows"),
        no_contests_member: |user| {
            format!(
                "The account «{user}» is not linked to any contest's council yet. The council's \
                 secretary links it by writing the user name «{user}» in the last column (account) \
                 of your line in the Members box, under Council on the contest's page. Give this \
                 user name to the council's secretary."
            )
        },
        council_account_hint: "The last column (account) links a member's account to the contest: only the account written here may see the contest and record the council's decisions; leave it empty for someone who does not use the app.",
        manifest_template: "Empty manifest to fill in",
        manifest_template_xlsx: "download the Excel template (.xlsx)",
        manifest_template_csv: "download the CSV template",
        manifest_template_file: "manifest-template",
        manifest_template_hint: "Download the manifest template (with every column), fill it in and upload it again:",
        manifest_missing_column: |place, expected| {
            format!(
                "{place}: no {expected} column; download the manifest template under Inputs on the \
                 contest's page, fill it in and upload it again"
            )
        },
        run_path_contest: "the contest's files",
        run_path_reports: "the contest's report folder",
        run_path_corpus: "the server's corpus",
        run_path_data: "the server's data folder",
        delete_contest_title: "Delete the contest",
        delete_contest_hint: "For a contest made by mistake or for a test: every uploaded file, screening result, decision and prize of the contest is deleted; the audit log keeps a line saying so.",
        delete_contest: "Delete the contest…",
        delete_contest_busy: "A screening run of this contest is going on: wait for it to end, then delete.",
        confirm_delete_contest: |name, files, runs| {
            format!(
                "Delete the contest «{name}» with its {files} uploaded files and {runs} screening \
                 runs (reports, council decisions, prizes)? Its files and results are removed from \
                 the server."
            )
        },
        confirm_delete_contest_button: "Delete this contest",
        audit_contest_deleted: |name, files, runs| {
            format!("{name} ({files} files, {runs} screening runs)")
        },
    },
    rules: RuleWords {
        verdict: RuleVerdictWords {
            pass: "pass",
            fail: "fail",
            cannot_tell: "cannot tell",
        },
        quota: QuotaRuleWords {
            title: "Entries per unit",
            letter_owed: " The unit owes the organizers a letter explaining why.",
            from_below: |n| format!(", {n} from units below"),
            counted: |ids, below| format!(" Counted: {ids}{below}."),
            pending: |ids| {
                format!(
                    " Pending: {ids} (eligibility not yet settled, or a flag for the council to weigh)."
                )
            },
            not_counted: |why| format!(" Not counted (unreadable or not eligible): {why}."),
            counted_for: |n, p, tail| {
                format!(
                    "{}; this kind of unit has no quota of its own, its entries count for {p}.{tail}",
                    entries_counted(n, "passing ")
                )
            },
            no_quota: |n, tail| {
                format!(
                    "{}; the plan sets this kind of unit no quota.{tail}",
                    entries_counted(n, "passing ")
                )
            },
            need: |min, note| format!("quota at least {min} ({note})"),
            encouraged: |n, need| {
                format!(
                    "Encouraged, not required: {}; {need}.",
                    entries_counted(n, "passing ")
                )
            },
            met: |n, need| format!("Met: {}; {need}.", entries_counted(n, "passing ")),
            cannot_tell: |n, pending, need| {
                format!("Cannot tell: {n} passing and {pending} pending entries; {need}.")
            },
            no_entry: |need, letter| format!("Not met: no passing entry; {need}.{letter}"),
            short: |n, need| format!("Not met: {}; {need}.", entries_counted(n, "passing ")),
        },
        entry: EntryFactWords {
            kind_document: "document",
            kind_video: "video",
            kind_picture: "picture",
            kind_software: "software",
            kind_other: "other file",
            manifest_unit: "manifest, unit",
            cover_unit: "cover, work unit",
            manifest_address: "manifest, address",
            cover_address: "cover, address",
            representative_address: "representative's address",
        },
        eligible_author: EligibleAuthorWords {
            title: "Who may enter",
            no_place: "no address or work unit at all",
            no_unit: "no work unit given",
            in_region: |region, places| {
                format!("The author lives, studies or works in {region}: {places}.")
            },
            outside_region: |region, text, where_, province, admits| {
                format!(
                    "No address or unit in {region}; “{text}” ({where_}) is in {province}. The plan admits: {admits}."
                )
            },
            region_unclear: |region, seen| {
                format!(
                    "Cannot tell whether the author lives, studies or works in {region}: {seen}."
                )
            },
            in_agency: |agency, units| format!("The author belongs to {agency}: {units}."),
            outside_agency: |agency, units, admits| {
                format!(
                    "The author's unit is not part of {agency}: {units}. The plan admits only: {admits}."
                )
            },
            agency_unclear: |agency, seen| {
                format!("Cannot tell whether the author belongs to {agency}: {seen}.")
            },
        },
        receiving_point: ReceivingPointWords {
            title: "Sent to a permitted receiving point",
            no_point: "The plan names no receiving point.",
            only_point: |labels| {
                format!("The plan has one receiving point ({labels}); the manifest names no other.")
            },
            not_given: |labels| {
                format!("The manifest gives no receiving point. The plan permits: {labels}.")
            },
            member_organization: |point, label| {
                format!(
                    "Sent to “{point}”: {label} takes entries from its members; the papers do not say whether the author is one."
                )
            },
            work_unit: |units| format!("; work unit: {units}"),
            residence: |addresses| format!("; address: {addresses}"),
            not_permitted: |point, labels, who, lives| {
                format!(
                    "Sent to “{point}”, not a receiving point the plan permits ({labels}){who}{lives}."
                )
            },
            unclear: |point, labels| {
                format!(
                    "Sent to “{point}”; the papers do not say whether it is the author's unit or place of residence. The plan permits: {labels}."
                )
            },
            permitted: |point, label| {
                format!("Sent to “{point}”: a receiving point the plan permits ({label}).")
            },
        },
        attachments: AttachmentWords {
            title: "Video, products, pictures and the Word summary",
            word_screened: " The Word text is what is screened; the council views the video, pictures or software directly.",
            summary_needed: |files| {
                format!(
                    "Cannot tell: a Word summary is needed. A video, picture or software entry must have its content written out in Word; files sent: {files}."
                )
            },
            main_unreadable: |files| {
                format!("The main document could not be read; files sent: {files}.")
            },
            main: |files| format!("Main document: {files}. "),
            no_attachments: |main| format!("{main}No attachments."),
            attached: |main, n, files, summary| {
                format!("{main}{n} attachment(s): {files}.{summary}")
            },
        },
        group_kind: GroupKindWords {
            title: "Individual or group matches the authors",
            group: "a group",
            individual: "an individual",
            no_author: "No author named in the manifest or on the cover.",
            undeclared: |n, names, kind| {
                format!("The manifest gives no kind; {n} author(s) ({names}): {kind}.")
            },
            too_few: |n, names, min| {
                format!(
                    "Declared a group but only {n} author(s) ({names}); a group has {min} or more."
                )
            },
            individual_many: |n, names| {
                format!("Declared an individual but {n} authors ({names}).")
            },
            individual_cover_group: |names| {
                format!("Declared an individual ({names}) but the cover names an author group.")
            },
            declared: |kind, n, names| format!("Declared {kind}; {n} author(s) ({names})."),
        },
        receiving_point_duplicate: ReceivingPointDuplicateWords {
            title: "Sent to one receiving point only",
            no_limit: "The plan does not limit an entry to one receiving point.",
            not_elsewhere: "The entry is not found at another receiving point.",
            also_elsewhere: |list| {
                format!(
                    "This entry was also sent through another receiving point: {list}. The plan allows one."
                )
            },
            several_points: |n, points| format!("the manifest gives {n} points for it ({points})"),
            same_text: |id, point, share| {
                format!("{id} ({point}), {:.0}% of the text the same", share * 100.0)
            },
            same_title: |id, point| format!("{id} ({point}), same title and authors"),
            and_more: |n| format!("and {n} more"),
        },
        recycled_declared: RecycledDeclaredWords {
            title: "Declared re-entry: revision statement",
            none_declared: "The manifest declares no earlier contest (undeclared re-entries are found by comparison with the corpus).",
            awarded: |declared| {
                format!(
                    "The manifest says the entry won a prize in “{declared}”; only entries that won nothing may enter again."
                )
            },
            unreadable: |declared| {
                format!(
                    "The manifest declares “{declared}”; the entry could not be read, so the revision statement cannot be checked."
                )
            },
            no_statement: |declared| {
                format!(
                    "The manifest declares the entry ran in “{declared}” but no revision statement (naming that contest and what was revised) is attached."
                )
            },
            in_entry: |page| format!("in the entry, page {page}"),
            no_contest_name: "does not name the earlier contest",
            no_changes: "does not say what was revised",
            and: " and ",
            statement_lacks: |declared, where_, missing| {
                format!(
                    "The manifest declares “{declared}”; the revision statement ({where_}) {missing}."
                )
            },
            other_contest: " Note: the statement names a different contest than the manifest; the council should compare.",
            this_contest: |where_, named, declared| {
                format!(
                    "The revision statement ({where_}) names this contest (“{named}”), not the earlier “{declared}”."
                )
            },
            statement_found: |declared, where_, named, note| {
                format!(
                    "The manifest declares “{declared}”; the revision statement ({where_}) names “{named}” and says what was revised.{note}"
                )
            },
        },
        excluded_person: ExcludedPersonWords {
            title: "No author runs or marks the contest",
            no_one_excluded: "The plan excludes no one and no list of persons who may not enter was given.",
            no_author: "No author name (neither manifest nor cover) to compare.",
            score: "score",
            no_list: |roles| {
                format!(
                    "The plan excludes members of {roles}, but no list of them (excluded-persons.csv) was given."
                )
            },
            none_listed: |authors, n| {
                format!("No author ({authors}) is on the list of {n} persons who may not enter.")
            },
            matches_excluded: |_roles, text| {
                format!("An author matches a person who may not enter: {text}.")
            },
            matches_other_role: |text| {
                format!(
                    "An author matches someone on the list ({text}), but the plan does not exclude that role; the council decides."
                )
            },
        },
        late: LateWords {
            title: "Sent in time",
            no_deadline: "The plan sets no date for authors or receiving units.",
            council_deadline: |d| {
                format!("deadline set by the council (--deadline): up to and including {d}")
            },
            deadline_unreadable: |before| {
                format!("The profile's deadline cannot be read: “{before}”.")
            },
            up_to: |date| format!("up to and including {date}"),
            before: |date, last| format!("before {date}, so the last day in time is {last}"),
            for_authors: |when, who, what| format!("deadline for authors: {when} ({who}: {what})"),
            for_others: |who, what, when| {
                format!(
                    "the plan sets authors no date; {who} must {what} {when}, so an entry arriving later cannot be forwarded in time"
                )
            },
            cover_late: |line, written, rule| {
                format!(
                    "The manifest gives no submission date, but the cover is dated “{line}” ({written}), after the last day: late ({rule})."
                )
            },
            date_unreadable: |why, rule| {
                format!("The submission date cannot be read ({why}); {rule}.")
            },
            no_date: |rule| format!("The manifest gives no submission date; {rule}."),
            late: |s, rule| format!("Sent on {s}: late ({rule})."),
            in_time: |s, rule| format!("Sent on {s}: in time ({rule})."),
        },
        cannot_see: CannotSeeWords {
            needs_ocr: "Scanned, needs OCR: the file has no text layer, so this cannot be checked. Look at it directly or ask the author for the Word file.",
            plain_text: "A plain-text file records no fonts, sizes or page numbers; the Word or PDF file is needed.",
        },
        labelled: LabelledWords {
            place: |page, what, text| format!("page {page} ({what}): “{text}”"),
            not_required: |what| format!("This contest does not require the {what} on the cover."),
            found: |what, v| format!("The cover gives the {what}: “{v}”."),
            no_labels: |what| {
                format!(
                    "The cover has no labels (Họ và tên, Chức vụ, …), so soloai could not find the {what}; look at the cover directly."
                )
            },
            missing: |what| format!("The cover does not give the {what}."),
        },
        form_font: FormFontWords {
            title: "Font Times New Roman",
            no_body: "No body paragraphs found to check the font of.",
            other_font: |f, n| format!("{f} {n} chars"),
            unknown: |n, share| {
                format!(
                    "The font of {n} body characters ({share}) is not recorded; look at the file directly."
                )
            },
            or_equivalent: " (or an equivalent)",
            share: |ok, total, fonts, min| {
                format!(
                    "{ok} of body characters ({total} chars) are in {fonts} (required ≥ {min})."
                )
            },
            other_fonts: |others| format!(" Other fonts: {others}."),
            examples: |places| format!(" For example: {places}."),
            metric_note: |n| {
                format!(
                    " Note: {n} chars use a metric clone of Times New Roman (e.g. Liberation Serif, embedded by LibreOffice where Times New Roman is not installed); counted as accepted because the printout is identical."
                )
            },
            fallback_note: |n, fonts| {
                format!(
                    " Note: {n} single Vietnamese letters were drawn by the PDF producer from a fallback font ({fonts}) because the main font lacks them; counted with their neighbours."
                )
            },
            legacy_note: |names| {
                format!(
                    " The entry uses pre-Unicode Vietnamese fonts ({names}); soloai decoded the text to read it, but the plan requires Times New Roman (Unicode)."
                )
            },
            scanned: |pages| {
                format!(" But page(s) {pages} are scanned and their font cannot be checked.")
            },
        },
        form_size: FormSizeWords {
            title: "Font size 14",
            no_body: "No body paragraphs found to check the size of.",
            unknown: |n, share| {
                format!(
                    "The size of {n} body characters ({share}) is not recorded; look at the file directly."
                )
            },
            share: |good, total, want, min| {
                format!(
                    "{good} of body characters ({total} chars) are at {want} pt (required ≥ {min})."
                )
            },
            other_size: |s, n| format!("{s} pt {n} chars"),
            other_sizes: |others| format!(" Other sizes: {others}."),
            examples: |places| format!(" For example: {places}."),
            scanned: |pages| {
                format!(" But page(s) {pages} are scanned and their size cannot be checked.")
            },
        },
        form_pagenum: FormPagenumWords {
            title: "Pages numbered in order",
            not_required: "This contest does not require page numbers.",
            cover_unnumbered: " The cover page is unnumbered (allowed).",
            no_page_field: "The document has no page numbers: no header or footer holds a PAGE field.",
            no_pages: "The file has no pages.",
            all_sections: |n| format!("A PAGE field is in a header/footer of all {n} section(s)."),
            sections_unnumbered: |list| {
                format!("Section(s) {list} have no page number in their header/footer.")
            },
            even_unnumbered: |list| {
                format!(
                    "Even pages of section(s) {list} are unnumbered (\"Different odd and even pages\" is on and the even-page header/footer has no PAGE field)."
                )
            },
            first_unnumbered: |list| {
                format!(
                    "The first page of section(s) {list} is unnumbered (\"Different first page\")."
                )
            },
            scanned: |list| format!("Page(s) {list} are scanned; their numbers cannot be read."),
            all_pages: |n| format!("All {n} pages carry their number in order."),
            pages_missing: |list| format!("Pages without a number: {list}."),
            wrong_item: |p, v, e| format!("page {p} shows {v} (expected {e})"),
            out_of_order: |items| format!("Numbers out of order: {items}."),
        },
        cover_name: CoverNameWords {
            title: "Cover: full name",
            what: "full name",
        },
        cover_unit: CoverUnitWords {
            title: "Cover: work unit/address",
            no_labels: "The cover has no labels, so soloai could not find the work unit/address; look at the cover directly.",
            gives: |list| format!("The cover gives the {list}."),
            address_later: |list, later| {
                format!(
                    "The cover gives the {list}; the address “{later}” is given later in the entry, not on the cover."
                )
            },
            gives_none: |missing| format!("The cover does not give the {missing}."),
            gives_some: |list, missing| {
                format!("The cover gives the {list} but not the {missing}.")
            },
            need_address: "address",
            need_unit: "work unit",
            need_unit_and_address: "work unit and address",
            need_unit_or_address: "work unit or address",
            unit_given: |unit| format!("work unit “{unit}”"),
            address_given: |address| format!("address “{address}”"),
        },
        cover_position: CoverPositionWords {
            title: "Cover: position",
            per_member: |listed| format!("Each group member's position is given: {listed}."),
            what: "position",
        },
        cover_phone: CoverPhoneWords {
            title: "Contact phone number",
            not_required: "This contest does not require a phone number.",
            not_found: "No contact phone number on the cover or in the entry.",
            on_cover: |phone| format!("The cover gives the phone number “{phone}”."),
            on_page: |phone, page| {
                format!("The phone number “{phone}” is not on the cover but on page {page}.")
            },
            unparsed: |raw| {
                format!(
                    "The cover gives “{raw}” after the phone label, which is not a valid phone number."
                )
            },
        },
        address: AddressWords {
            title: "Contact address",
            not_required: "This contest does not require an address.",
            no_labels: "The cover has no labels, so soloai could not find an address; look at it directly.",
            on_cover: |a| format!("The cover gives the address “{a}”."),
            later: |a| format!("The address “{a}” is given later in the entry, not on the cover."),
            unit_only: |u| format!(" (the cover gives only the work unit “{u}”)"),
            missing: |unit_note| format!("The entry gives no address{unit_note}."),
        },
        area: AreaRuleWords {
            title: "Content area",
            too_little: "Too little area vocabulary to tell the content area; the council should look.",
            best: |area, conf, terms| {
                format!("The text is closest to area {area} (confidence {conf}; terms: {terms}).")
            },
            not_in_plan: |letter| {
                format!("The declared area “{letter}” is not one of this contest's areas.")
            },
            agrees: |area, best| format!("Declared area {area}. {best}"),
            disagrees: |area, share, best| format!("Declared area {area} ({share}), but {best}"),
            declared_unclear: |area, best| {
                format!("Declared area {area}; the text leans to no area clearly. {best}")
            },
            unclear: |best| format!("The text leans to no area clearly. {best}"),
        },
        group_members: GroupMembersWords {
            title: "Group entry: members and representative",
            individual: "An individual entry (no author group on the cover): not applicable.",
            head: |n, members| format!("Author group of {n} ({members})."),
            rep_unnamed: " An address and phone are given but the representative is not named; the council should look.",
            rep_contact: |rep, address, phone| {
                format!(" Representative: {rep}, address “{address}”, phone “{phone}”.")
            },
            too_few: |n, min| format!("only {n} member(s) listed; a group has {min} or more"),
            no_rep: "no representative named",
            rep_named: |rep| format!("representative “{rep}”"),
            rep: "representative",
            need_address: "address",
            need_phone: "phone",
            and: " and ",
            rep_lacks: |who, missing| format!("{who} lacks {missing}"),
        },
        revision_statement: RevisionStatementWords {
            title: "Revision statement (entry ran elsewhere)",
            absent: "No revision statement. Only required when the entry ran in another contest (decided by copy detection).",
            no_contest_name: " It does not name the prior contest.",
            changes_described: " It says what was revised.",
            changes_not_described: " It does not say what was revised.",
            found: |place| format!("Revision statement found ({place})."),
            prior_contest: |name, year| format!(" Prior contest: “{name}” (year {year})."),
            in_file: |file| format!("attached file “{file}”"),
            in_entry: |page| format!("in the entry, page {page}"),
        },
    },
    corpus_command: CorpusCommandWords {
        removed: "Removed",
        index: "Index:",
        documents: "Documents:",
        by_area: "By area:",
        text_chars: "Text characters:",
        on_disk: "On disk:",
        segments: "index segments",
        versions: "Schema / analyzer version:",
        stale: "note: the index was built with an older analyzer; run `soloai corpus rebuild`.",
        reading: "reading files",
        added: "Added",
        error: "error:",
        id: "id",
        score: "score",
        listed: |n, dir| format!("{n} documents in {dir}."),
        needs_rebuild: "Run `soloai corpus rebuild` to re-index.",
        rebuilt: |n| format!("Re-indexed {n} documents."),
        skipped: |path, id, existing| {
            format!("Skipped {path}: already in the index (id {id}, {existing}).")
        },
        add_summary: |dir, added, duplicates, failed, total| {
            format!(
                "Index {dir}: added {added}, skipped {duplicates} duplicates, {failed} failed; {total} documents in all."
            )
        },
        no_hits: |query| format!("No document matches «{query}»."),
    },
    compare_command: CompareCommandWords {
        no_copying: "No copying found.",
        originality: "originality",
        verdict: "Verdict",
        similarity: "Similarity",
        word_for_word: "word for word",
        idea_similarity: "idea similarity",
        excluded: "Excluded passages",
        matched_passage: "Matched passage",
        words: "words",
        more_lines: "more lines",
        with_index: |dir, docs| {
            format!(
                "Corpus index: {dir} ({} documents): wording many of its documents share is excluded, as in screening.",
                count(docs, Lang::En)
            )
        },
        without_index: "No corpus index (--index): wording many documents share (standard clauses, document formalities) is not excluded and may count as copying.",
    },
    scoring_command: ScoringCommandWords {
        name_profile: "(use --profile to name the profile screening used)",
        example_criteria: "NOTE: the criteria are the profile's EXAMPLE, not the contest's marking regulation.",
        sheets: "scoring sheets",
        written: "written",
        forwarded: "forwarded entries",
        valid_sheets: "Valid sheets",
        problems: "Problems to resolve",
        more_problems: "more, see bang-diem.xlsx",
        written_heading: "Written",
    },
    profile_command: ProfileCommandWords {
        unknown: |name, known| {
            format!("no built-in profile named '{name}' and no such file (built in: {known})")
        },
        title: "soloai contest profile",
        rules: "Rules (code — title — the plan line — when it fails):",
        fail_flag: "fail: a flag",
        information_only: "information only",
        holds: "; cannot tell: the entry cannot tell",
        ineligible: "; fail: not counted for quotas",
        keys: "Keys (meaning → what reads it):",
    },
    manifest_command: ManifestCommandWords {
        no_xlsx: "could not build the XLSX template",
        xlsx_needs_out: "--xlsx needs --out FILE.xlsx",
        exists: "already exists; choose another name or add --force",
        cannot_write: "cannot write the file",
        wrote: "Wrote the manifest template:",
    },
    package_command: PackageCommandWords {
        written: "Package written",
        entries: "entries",
        note: "Note:",
    },
    extract_command: ExtractCommandWords {
        reading: "reading entries",
        note: "note",
    },
    council_command: CouncilCommandWords {
        wrote_template: "Wrote the council template:",
        wrote_minutes: "Wrote the screening minutes:",
        template_not_written: |path, cause, kept| {
            let todo = if kept {
                "The council's file is kept; add --force to replace it or choose another name."
            } else {
                "Check the folder can be written to."
            };
            format!("{path}: could not write the council file ({cause}). {todo}")
        },
    },
    council_file: TomlFileWords {
        not_read: |path, cause| {
            format!("{path}: could not read the council file ({cause}). Check the path.")
        },
        not_text: |path| {
            format!(
                "{path}: the council file is not UTF-8 text. Open it in a text editor and save it as UTF-8."
            )
        },
        not_valid: |path, line, cause| {
            let at = line.map(|l| format!(", line {l}")).unwrap_or_default();
            format!(
                "{path}{at}: not a valid council file ({cause}). See 'soloai council-template' for the layout."
            )
        },
        wrong: |path, problem| format!("{path}: the council file is wrong: {problem}"),
        problem: council_problem,
    },
    profile_file: TomlFileWords {
        not_read: |path, cause| {
            format!("{path}: could not read the profile ({cause}). Check the path.")
        },
        not_text: |path| {
            format!(
                "{path}: the profile is not UTF-8 text. Open it in a text editor and save it as UTF-8."
            )
        },
        not_valid: |path, line, cause| {
            let at = line.map(|l| format!(", line {l}")).unwrap_or_default();
            format!(
                "{path}{at}: not a valid contest profile ({cause}). See 'soloai profile show lang-son-2025' for the layout."
            )
        },
        wrong: |path, problem| format!("{path}: the contest profile is wrong: {problem}"),
        problem: profile_problem,
    },
    decisions_file: DecisionsFileWords {
        not_read: |path, cause| {
            format!(
                "{path}: could not read the council's decisions file ({cause}). Check the path."
            )
        },
        not_decisions: |path, line, cause| {
            format!(
                "{path}, line {line}: not a decisions file ({cause}). Use the .json the web app downloads (The council's decisions)."
            )
        },
        too_many: |path, max| {
            format!("{path}: more than {max} decisions; this file is not one contest's.")
        },
    },
    manifest_error: ManifestErrorWords {
        place: |file, line, column| {
            let mut place = file.to_string();
            if let Some(line) = line {
                place.push_str(&format!(", line {line}"));
            }
            if let Some(column) = column {
                place.push_str(&format!(", column \"{column}\""));
            }
            place
        },
        what: manifest_error,
    },
    index_error: IndexErrorWords {
        index: index_error,
        not_added: index_not_added,
    },
    scoring_error: ScoringErrorWords {
        report_not_read: |path, cause| {
            format!(
                "{path}: could not read the screening report ({cause}). Point at the output folder of 'soloai screen' (it holds report.json)."
            )
        },
        not_a_report: |path, line, cause| {
            format!(
                "{path}, line {line}: not a soloai screening report ({cause}). Point at the output folder of 'soloai screen' (it holds report.json)."
            )
        },
        no_criteria: "the profile has no [scoring] criteria",
        no_council: "no council file: the jury and its conflicts come from council.toml",
        no_jury: "no member of the council marks (every member has marks = false)",
        no_entries: "no entry was forwarded to the marking round",
    },
    copy_flags: CopyFlagWords {
        also: "also",
        matches_entry: "matches entry",
        matches_entries: |n| format!("matches {n} entries:"),
        matches_source: "matches",
        matches_sources: |n| format!("matches {n} sources:"),
        same_idea: "same idea as",
        same_ideas: |n| format!("same idea as {n} sources:"),
        and_more: |n| format!("and {n} more"),
    },
    matching: MatchWords {
        kind_exact: "Verbatim copy",
        kind_near: "Copy with light edits",
        kind_partial: "Copied passage(s)",
        kind_idea: "Same idea in other words",
        signal_verbatim: "verbatim",
        signal_paraphrase: "paraphrase",
        signal_idea: "idea",
        excluded_template: "template text",
        excluded_auto_template: "passage shared by many entries",
        excluded_quote: "quotation",
        excluded_citation: "legal citation",
        excluded_common: "wording many documents share",
        excluded_legal_quote: "quotation of a legal document",
    },
    council: CouncilWords {
        chair: "Chair of the council",
        vice_chair: "Vice-chair of the council",
        secretary: "Secretary of the council",
        member: "Member of the council",
        screening_council: "Screening council",
    },
    corpus_kinds: CorpusKindWords {
        applied: "applied model",
        published: "published solution",
        past_entry: "earlier contest entry",
        template: "template",
    },
    marking_round: MarkingRoundWords {
        contest_named: |name| format!("the “{name}” contest"),
        first: "First prize",
        second: "Second prize",
        third: "Third prize",
        consolation: "Consolation prize",
        paper: marking_paper,
    },
    screening: ScreeningWords {
        adding_corpus: "Adding corpus",
        reading_entries: "Reading entries",
        needs_ocr: "Scanned pages without a text layer: run OCR before screening.",
    },
    extract_error,
    recycled_finding,
    sheet_error,
    serve_error,
    thresholds_explained,
};

/// An unreadable file's reason and what to do (without the file name).
fn council_problem(problem: &crate::council::CouncilProblem) -> String {
    use crate::council::CouncilProblem::*;
    match problem {
        TooLong { field, max } => format!("'{field}' is longer than {max} characters"),
        ControlCharacters { field } => format!("'{field}' contains control characters"),
        NoUnit => "'unit' is empty: name the unit that runs the screening".into(),
        NotADate { field, value } => {
            format!("{field} '{value}' is not a date (use 2025-07-08 or 08/07/2025)")
        }
        NotATime { field, value } => format!("{field} '{value}' is not a time (use 08:00)"),
        EndsBeforeStart {
            section,
            start,
            end,
        } => format!("[{section}]: the meeting ends ({end}) before it starts ({start})"),
        NoMembers => "no members ([[members]])".into(),
        TooManyMembers { max } => format!("more than {max} members"),
        MemberWithoutName { number } => format!("member {number} has no name"),
        MemberTwice { name } => format!("member '{name}' is listed twice"),
        TwoChairs => "more than one chair (role = \"chu-tich\")".into(),
        TooManyConflicts { max } => format!("more than {max} conflicts"),
        ConflictNotAMember { member } => {
            format!("conflict names '{member}', who is not a member ([[members]])")
        }
        ConflictEntryAndUnit { member } => {
            format!("conflict of '{member}' gives both an entry and a unit: one conflict each")
        }
        ConflictNeitherEntryNorUnit { member } => {
            format!("conflict of '{member}' names no entry and no unit")
        }
    }
}

fn profile_problem(problem: &crate::profile::ProfileProblem) -> String {
    use crate::profile::ProfileProblem::*;
    let rank = |r: &crate::profile::PrizeRank| r.label(Lang::En);
    match problem {
        NoName => "'name' is empty: give the contest a short name".into(),
        NoAreas => "no content areas ([[areas]])".into(),
        AreaTwice { letter } => format!("area '{letter}' is listed twice"),
        NoFonts => "no accepted fonts ([[form.fonts]])".into(),
        NotAFontSize { size } => format!("form.size_pt {size} is not a font size"),
        BodyShareOutOfRange => "form.min_body_share must be between 0 and 1".into(),
        DeadlineNotADate { what, value } => {
            format!("deadline '{what}' has date '{value}', expected YYYY-MM-DD (e.g. 2025-07-15)")
        }
        NoRegion => "eligibility.scope = \"region\" needs eligibility.region".into(),
        NoAgency => "eligibility.scope = \"staff\" needs eligibility.agency".into(),
        NamedPointWithoutNames { label } => {
            format!("receiving point '{label}' is 'named' but has no names")
        }
        NoCriteria => "[scoring] has no criteria ([[scoring.criteria]])".into(),
        TooManyItems { section, max } => format!("[{section}] lists more than {max} items"),
        CriterionWithoutCodeOrName { number } => {
            format!("criterion {number} needs a code and a name")
        }
        CriterionMax { code, max } => {
            format!("criterion '{code}' has max {max} (between 0 and 1000 points)")
        }
        CriterionTwice { code } => format!("criterion '{code}' is listed twice"),
        TieBreakNotACriterion { code } => {
            format!("tie_break names criterion '{code}', which is not listed")
        }
        TrimTooFew => {
            "trim_when_at_least must be 3 or more (dropping two of fewer marks leaves none)".into()
        }
        GroupAmountFactor { factor } => {
            format!("group_amount_factor {factor} must be above 0 and at most 100")
        }
        MinTotal { value } => format!("min_total {value} must be 0 or more"),
        PrizeTwice { rank: r } => format!("{} is listed twice in [prizes]", rank(r)),
        PrizeWithoutGroupAmount { rank: r } => format!(
            "{}: give group_amount_vnd or [prizes] group_amount_factor",
            rank(r)
        ),
        PrizeTooLarge { rank: r } => format!("{}: amount too large", rank(r)),
    }
}

fn manifest_error(kind: &crate::manifest::ManifestErrorKind) -> String {
    use crate::error::{io_words, not_regular_words};
    use crate::manifest::ManifestErrorKind::*;
    match kind {
        Io { cause } => format!("cannot read the file ({})", io_words(cause, Lang::En)),
        NotAFile { what } => format!(
            "{}, not a regular file; point at the list itself",
            not_regular_words(what, Lang::En)
        ),
        TooLarge { limit } => format!(
            "file too large (limit {} MB); check it is the list",
            crate::error::megabytes(*limit)
        ),
        Unsupported { found } => {
            format!("not a CSV or .xlsx file ({found}); save it as .csv or .xlsx")
        }
        Corrupt { cause } => format!("broken file ({cause}); open it in Excel and save again"),
        MissingColumn { expected } => {
            format!("no {expected} column; start from `soloai manifest-template`")
        }
        MissingValue => "row has data but neither an id nor a file".into(),
        BadValue { value, expected } => {
            format!("value \"{value}\" not accepted; expected {expected}")
        }
        DuplicateId { id, first_line } => format!("id \"{id}\" already used on line {first_line}"),
        TooManyRows { limit } => format!(
            "this row and those after it are not read: at most {limit} rows are read from one list; split it into several files"
        ),
        UnplacedUnit { unit } => format!(
            "cannot tell what kind of unit \"{unit}\" is; fill in the \"Loại đơn vị\" column ({})",
            crate::manifest::KIND_WORDS_HELP
        ),
    }
}

fn index_error(kind: &crate::index::IndexErrorKind) -> String {
    use crate::index::IndexErrorKind::*;
    match kind {
        Missing => "no corpus index here; create one with `soloai corpus add \
             FILE...` or point --index at the right folder"
            .into(),
        Foreign => "this folder holds something else, not a soloai corpus \
             index (no soloai-meta.json); choose an empty folder or another --index"
            .into(),
        CorruptMeta { cause } => format!(
            "soloai-meta.json is damaged ({cause}); restore the folder from a backup, or \
             delete it and add the documents again"
        ),
        SchemaVersion { found, expected } => format!(
            "index written by another soloai version (layout {found}, this one reads \
             {expected}); use that version or build a new index"
        ),
        Corrupt { cause } => format!(
            "index data damaged or incomplete ({cause}); restore it from a backup, or \
             delete the folder and add the documents again"
        ),
        Busy => "another soloai process is writing to this index; wait for it and retry".into(),
        Io { cause } => format!(
            "could not read or write the index folder ({}); check permissions and disk space",
            crate::error::io_words(cause, Lang::En)
        ),
        NoSuchDocument { id } => format!("no document with id '{id}'; see `soloai corpus list`"),
        AmbiguousId { id, count } => {
            format!("id '{id}' matches {count} documents; type more of it")
        }
    }
}

fn index_not_added(failure: &crate::index::AddFailure) -> String {
    use crate::index::AddFailure::*;
    match failure {
        Extract(e) => e.message(Lang::En),
        FrontMatter { cause, .. } => {
            format!("the +++ front matter is not valid TOML ({cause}); fix it and add again")
        }
        NoText { .. } => "no text to index (empty or scanned); use a copy with a text layer".into(),
        Walk { cause, .. } => format!(
            "could not read the folder ({})",
            crate::error::io_words(cause, Lang::En)
        ),
    }
}

fn recycled_finding(reason: &crate::compare::FindingReason) -> String {
    use crate::compare::FindingReason::*;
    let year = |y: &Option<u16>| y.map(|y| format!(" ({y})")).unwrap_or_default();
    let pct = |x: &f64| format!("{:.0}%", x * 100.0);
    match reason {
        AlreadyAwarded {
            past,
            contest,
            year: y,
            share,
        } => format!(
            "{} matches \"{past}\", which already won a prize in {contest}{}: not eligible.",
            pct(share),
            year(y)
        ),
        NoStatement {
            past,
            contest,
            year: y,
            share,
        } => format!(
            "{} matches \"{past}\" from {contest}{} (no prize) but there is no revision statement.",
            pct(share),
            year(y)
        ),
        StatementNamesOther {
            past,
            contest,
            year: y,
            share,
            named,
        } => format!(
            "{} matches \"{past}\" from {contest}{}, but the revision statement names \"{named}\".",
            pct(share),
            year(y)
        ),
        TooLittleNew {
            contest,
            year: y,
            new_share,
            required,
        } => format!(
            "The revision statement names {contest}{}, but only {} of the text is new ({} required).",
            year(y),
            pct(new_share),
            pct(required)
        ),
        TwoReceivingPoints {
            entry,
            entry_point,
            other,
            other_point,
        } => format!(
            "\"{entry}\" (sent to {entry_point}) and \"{other}\" (sent to {other_point}) are the same entry sent through two receiving points."
        ),
    }
}

fn thresholds_explained(t: &crate::compare::Thresholds) -> String {
    let pct = |x: f64| format!("{:.0}%", x * 100.0);
    // The share path of common wording, unless turned off.
    let share = if t.common_min_share > 0.0 {
        format!(" or {}+ of the corpus", pct(t.common_min_share))
    } else {
        String::new()
    };
    format!(
        "Only passages of {}+ words count, verbatim or reworded; never quotations, legal citations, quoted legal text, template text, \
         wording {}+ corpus documents share (from {}+ sources{}), or passages in more than {} of entries; \
         \"verbatim\" when {}+ of the entry matches almost word for word, \"near\" when {}+ matches with edits, \
         \"partial\" when a passage of {}+ words matches, \"idea\" when term-weighted (tf-idf) similarity is {}+ with little shared wording.",
        t.min_span_words,
        t.common_min_docs,
        t.common_min_sources,
        share,
        pct(t.template_share),
        pct(t.exact_min),
        pct(t.near_min),
        t.min_passage_words,
        pct(t.idea_min),
    )
}

fn sheet_error(error: &crate::scoring::read::SheetError) -> String {
    use crate::scoring::read::MAX_INFLATED_BYTES;
    use crate::scoring::read::SheetError::*;
    use crate::scoring::sheet::{SCHEMA, SHEET_NAME};
    match error {
        Io(cause) => format!("could not read the file ({})", crate::error::io_words(cause, Lang::En)),
        NotAFile => "not a regular file (a link or a folder)".into(),
        TooLarge(n) => format!("{} MB, too large for a scoring sheet", crate::error::megabytes(*n)),
        NotXlsx(e) => format!("not a valid Excel (.xlsx) file ({e})"),
        TooManyParts(n) => format!("{n} parts in the file, too many"),
        Inflates(n) => format!(
            "inflates to {} MB, over the {} MB limit (a zip bomb?)",
            crate::error::megabytes(*n),
            crate::error::megabytes(MAX_INFLATED_BYTES)
        ),
        NotOurs => "not a scoring sheet made by soloai (no 'soloai' sheet); use the sheets from 'soloai scoring sheets'".into(),
        Version(v) => format!("scoring sheet version '{v}' is not supported (need {SCHEMA})"),
        Edited => format!(
            "the sheet's structure was changed (no '{SHEET_NAME}' sheet or maxima); use the original sheet"
        ),
    }
}

fn serve_error(error: &crate::serve::ServeError) -> String {
    use crate::serve::ServeError::*;
    match error {
        Io { path, source } => format!(
            "{}: cannot use the data folder ({}); check it can be written to",
            path.display(),
            io_error(source, Lang::En)
        ),
        Bind { addr, source } => format!(
            "{addr}: cannot listen ({}); another program may use the port, or choose another --bind",
            io_error(source, Lang::En)
        ),
        Db(e) => format!("cannot open the database: {e}"),
        Corpus(message) => message.clone(),
    }
}

/// "1 eligible entry", "3 eligible entries" (`kind` is "" or a word and a space).
fn entries_counted(n: usize, kind: &str) -> String {
    if n == 1 {
        format!("1 {kind}entry")
    } else {
        format!("{n} {kind}entries")
    }
}

fn extract_error(kind: &crate::error::ExtractErrorKind) -> String {
    use crate::error::ExtractErrorKind::*;
    use crate::error::{format_words, grouped, io_words, megabytes, not_regular_words};
    match kind {
        Io { cause } => format!(
            "could not read the file ({}); check it exists and is readable",
            io_words(cause, Lang::En)
        ),
        NotRegular { what } => format!(
            "not read: {}, not a regular file; put the entry file itself in the folder",
            not_regular_words(what, Lang::En)
        ),
        Empty => "empty file (0 bytes); ask the author to resend it".into(),
        NoDocument { video: true } => {
            "a video entry without a Word summary: a Word document with its content and idea is needed".into()
        }
        NoDocument { video: false } => {
            "the entry folder holds no document to read (.docx, .pdf, .doc, .odt, .txt)".into()
        }
        TooLarge { what, limit } => {
            format!("too large ({what} exceeds {limit} bytes); re-export a smaller file")
        }
        FileTooLarge { size, limit } => format!(
            "too large ({} MB, the limit is {} MB); re-export a smaller file",
            megabytes(*size),
            megabytes(*limit)
        ),
        TooManyPages { pages, limit } => format!(
            "too many pages ({pages} pages, the limit is {limit} pages); split the file"
        ),
        ZipBomb { member } => format!(
            "member '{member}' decompresses past the limit (zip bomb); ask the author to resend"
        ),
        XmlTooDeep { part } => {
            format!("XML nested too deep in '{part}'; open in Word and save again")
        }
        WrongFormat { expected, found } => format!(
            "named .{expected} but is really {}; ask for the right file",
            format_words(found, Lang::En)
        ),
        Unsupported { found } => {
            format!("unsupported format ({found}); accepted: .docx, .pdf, .doc, .odt, .txt")
        }
        Encrypted => {
            "password-protected; ask the author for an unprotected copy".into()
        }
        Corrupt { cause } => format!(
            "broken or truncated file ({}); ask the author to resend",
            corrupt_words(cause)
        ),
        NeedsConversion { format } => format!(
            ".{format} needs LibreOffice ('soffice' not found); install it or save the file as .docx in Word"
        ),
        ConversionFailed { cause } => format!(
            "LibreOffice could not convert the file ({cause}); save it as .docx in Word"
        ),
        Timeout { seconds } => {
            format!("reading took longer than {seconds} s and was stopped")
        }
        OverBudget { what, limit } => format!(
            "reading would need too much memory ({} past the {} MB limit per file) and was stopped; save or print the file again",
            what.label(Lang::En),
            limit / (1024 * 1024)
        ),
        WorkLimit { measure, limit } => format!(
            "processing limit exceeded: more than {} {} needed (a small file asking for abnormal work, e.g. deeply nested drawings), so reading stopped; print it to a new PDF and resend",
            grouped(*limit, ','),
            work_measure(*measure)
        ),
        Panic { cause } => format!(
            "internal soloai error while reading ({cause}); please report it with this file"
        ),
    }
}

/// A reader's cause of a broken file (the readers write theirs in English).
fn corrupt_words(cause: &str) -> String {
    match cause {
        "ole" => "broken OLE container".into(),
        other => other.into(),
    }
}

/// What a per-file work budget counts.
fn work_measure(measure: crate::error::WorkMeasure) -> &'static str {
    use crate::error::WorkMeasure;
    match measure {
        WorkMeasure::Operators => "content-stream operators",
        WorkMeasure::ContentBytes => "bytes of content streams to parse",
        WorkMeasure::InflatedBytes => "bytes decompressed",
        WorkMeasure::Characters => "characters",
    }
}

fn marking_paper(file: &str) -> Option<&'static str> {
    Some(match file {
        "bien-ban-cham-diem.docx" => "Marking minutes (Word)",
        "bang-diem.xlsx" => "Score workbook (Excel)",
        "danh-sach-khen-thuong.docx" => "Prize list (Word)",
        "danh-sach-khen-thuong.xlsx" => "Prize list (Excel)",
        "ket-qua-cham.json" => "Marking results (JSON)",
        _ => return None,
    })
}

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
        "ADDRESS" => "Author's address",
        "ATTACHMENTS" => "Attachments",
        "ELIGIBLE-AUTHOR" => "Author eligible for the contest",
        "RECEIVING-POINT-DUPLICATE" => "Sent to one receiving point only",
        "RECYCLED-DECLARED" => "Declared earlier entry",
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
        "auto-template" => "passage shared by many entries",
        "citation" => "legal citation",
        "quote" => "quotation",
        "legal-citation" => "legal citation",
        "cover" => "cover page",
        // The codes copy detection writes (compare::Reason).
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

fn cli_command(path: &str) -> Option<&'static str> {
    Some(match path {
        "extract" => {
            "Read entries (.docx, .pdf, .txt, .doc/.odt via LibreOffice) and print their text or JSON"
        }
        "check" => "Check each entry's form against the contest's rules",
        "profile" => "List or show the built-in contest profiles",
        "profile list" => "List the built-in profiles",
        "profile show" => {
            "Print a profile as TOML (a built-in one keeps its comments citing the plan)"
        }
        "corpus" => "Manage the corpus of prior ideas (the persistent index)",
        "corpus add" => {
            "Add files or folders (.md/.txt with +++ front matter, .docx, .pdf, .doc, .odt)"
        }
        "corpus list" => "List the documents in the corpus",
        "corpus remove" => "Remove one document by its id (or the first characters of it)",
        "corpus search" => "Search the corpus; diacritics are optional in the query",
        "corpus stats" => "Counts by kind and area, size, versions",
        "corpus rebuild" => "Re-index every document from its stored text (after upgrading soloai)",
        "compare" => "Compare two documents and show the matched passages",
        "screen" => "Screen a contest folder and write the council's reports",
        "manifest-template" => "Write an empty manifest (CSV or Excel) with the documented columns",
        "serve" => "Serve the council's web app (accounts, uploads, runs, reports, decisions)",
        "council-template" => {
            "Write a commented council.toml (members, meeting, document number, conflicts)"
        }
        "scoring" => "The marking round: scoring sheets out, filled sheets in, ranking and prizes",
        "scoring sheets" => "Write one scoring sheet (.xlsx) per jury member",
        "scoring collect" => {
            "Read filled sheets back: check, average, rank, award; write the marking papers"
        }
        "package" => "One zip to send up: forwarded entries, minutes, summary, contents list",
        "minutes" => {
            "Write the screening minutes again (completed council.toml, council decisions)"
        }
        _ => return None,
    })
}

fn cli_arg(path: &str, id: &str) -> Option<&'static str> {
    Some(match (path, id) {
        (_, "lang") => {
            "Language of reports and messages: vi (default) or en; also follows LANG=en_*"
        }
        (_, "json") => "Print JSON instead of text",
        ("extract", "files") => {
            "Files to read (.docx, .pdf, .txt, .doc/.odt through LibreOffice); a folder means every such file inside it"
        }
        ("check", "paths") => {
            "Entry files or folders (folders are walked for .docx, .pdf, .doc, .odt, .txt)"
        }
        ("check", "profile") | ("screen", "profile") => {
            "Contest profile: a built-in name (see soloai profile list) or a TOML file"
        }
        ("check", "manifest") => {
            "The manifest (CSV/XLSX) whose area column declares each entry's content area"
        }
        ("profile show", "name") => "A built-in name (see soloai profile list) or a TOML file",
        ("corpus", "index")
        | ("corpus add", "index")
        | ("corpus list", "index")
        | ("corpus remove", "index")
        | ("corpus search", "index")
        | ("corpus stats", "index")
        | ("corpus rebuild", "index") => {
            "Index folder [default: $SOLOAI_INDEX, else ./soloai-index; created by add]"
        }
        ("corpus add", "paths") => "Files or folders to add",
        ("corpus add", "kind") => {
            "Document kind, overriding the front matter: applied, published, past-entry, template"
        }
        ("corpus add", "contest") => "The earlier contest (for past entries)",
        ("corpus add", "year") => "Year of the contest or of the model",
        ("corpus add", "province") => "Province or city where it is applied (or \"toàn quốc\")",
        ("corpus add", "awarded") => "Whether the entry won a prize: true or false",
        ("corpus add", "title") => "Document title, overriding the front matter",
        ("corpus remove", "id") => "Document id (or its first characters)",
        ("corpus search", "query") => "What to search for",
        ("corpus search", "limit") => "Most results to show",
        ("compare", "a") => "The first document (.docx, .pdf, .txt, …)",
        ("compare", "b") => "The second document",
        ("compare", "templates") => {
            "A template document (the entry form, the plan): text matching it is excluded"
        }
        ("compare", "width") => "Width of the side-by-side view, in characters",
        ("compare", "index") => {
            "Corpus index that tells shared wording, excluded as in screening [default: $SOLOAI_INDEX, else ./soloai-index, when it exists]"
        }
        ("screen", "entries") => {
            "A contest folder (with entries/, manifest.csv, excluded-persons.csv, units.csv, prior/) or a plain folder of entries"
        }
        ("screen", "manifest") => {
            "Manifest of the entries (CSV or XLSX; soloai manifest-template writes an empty one)"
        }
        ("screen", "index") => "Corpus index folder [default: $SOLOAI_INDEX, else ./soloai-index]",
        ("screen", "corpus") => {
            "A folder of prior documents to add to the index first (repeatable)"
        }
        ("screen", "out") => "Where the reports are written",
        ("screen", "excluded") => {
            "Persons who may not enter (CSV \"Họ và tên,Vai trò\", or one name per line)"
        }
        ("screen", "units") => {
            "Units expected to send entries (CSV \"Đơn vị,Loại đơn vị\"), for quotas"
        }
        ("screen", "deadline") => {
            "Submission deadline overriding the profile's (15/07/2025 or 2025-07-15)"
        }
        ("screen", "quiet") => "No progress bars",
        ("manifest-template", "out") => {
            "File to write (refuses to replace an existing file unless --force)"
        }
        ("manifest-template", "xlsx") => "Write an Excel workbook (.xlsx) instead of CSV",
        ("manifest-template", "force") => "Replace the output file if it exists",
        ("serve", "data") => {
            "Folder for the database, the uploads, the reports and the corpus index"
        }
        ("serve", "bind") => {
            "Address and port to listen on; 0.0.0.0:8080 to serve the office network"
        }
        ("serve", "public_url") => {
            "The address people open, when a proxy sits in front (https://… makes cookies Secure)"
        }
        ("serve", "max_upload_mb") => "Largest upload (one request and one file), in MB",
        ("serve", "corpus") => {
            "A folder of prior documents to add to the corpus at start (repeatable)"
        }
        ("council-template", "out") => {
            "File to write, e.g. my-contest/council.toml (refuses to replace a file unless --force)"
        }
        ("council-template", "force") => "Replace the output file if it exists",
        ("minutes", "report") => {
            "The screening output folder (with report.json) or the report.json file"
        }
        ("minutes", "council") => {
            "The council file to use instead of the one recorded in the report"
        }
        ("minutes", "decisions") | ("package", "decisions") => {
            "The council's decisions on flags (JSON, as the web app records them)"
        }
        ("minutes", "out") => {
            "Folder to write bien-ban-so-loai.docx into [default: the report's folder]"
        }
        ("package", "contest") => {
            "The contest folder (with entries/) or the entries folder that was screened"
        }
        ("package", "report") => {
            "The screening output folder (report.json, bien-ban-so-loai.docx, summary.xlsx)"
        }
        ("package", "out") => "The zip to write [default: REPORT/ho-so-so-loai-<unit>-<year>.zip]",
        ("scoring sheets", "report") | ("scoring collect", "report") => {
            "The screening output folder (with report.json) or the report.json file"
        }
        ("scoring sheets", "profile") | ("scoring collect", "profile") => {
            "Contest profile (built-in name or TOML file) [default: the report's profile]"
        }
        ("scoring sheets", "council") | ("scoring collect", "council") => {
            "The council file [default: the council recorded in the report]"
        }
        ("scoring sheets", "decisions") | ("scoring collect", "decisions") => {
            "The council's decisions on flags (JSON from the web app), deciding the forwarded entries"
        }
        ("scoring sheets", "out_dir") => {
            "Folder for the sheets (they go to DIR/phieu-cham/) [default: the report's folder]"
        }
        ("scoring collect", "sheets") => "Filled sheets (.xlsx files, or folders of them)",
        ("scoring collect", "out") => "Where the papers go [default: the report's folder]",
        ("screen", "council") => {
            "The council's file (members, meeting, document number) [default: council.toml in the contest folder; `soloai council-template` writes one]"
        }
        _ => return None,
    })
}

fn cli_value_name(command: &str, id: &str) -> Option<&'static str> {
    // `package CONTEST` is the contest's folder; elsewhere `contest` is a contest's name.
    if (command, id) == ("package", "contest") {
        return Some("FOLDER");
    }
    // These write one file: --out names it.
    if id == "out"
        && matches!(
            command,
            "package" | "council-template" | "manifest-template"
        )
    {
        return Some("FILE");
    }
    Some(match id {
        "entries" | "index" | "corpus" | "out" | "data" => "FOLDER",
        "bind" => "ADDRESS",
        "public_url" => "URL",
        "max_upload_mb" => "MB",
        "files" | "paths" | "manifest" | "excluded" | "units" | "a" | "b" | "templates" => "FILE",
        "profile" | "name" => "PROFILE",
        "deadline" => "DATE",
        "lang" => "LANG",
        "kind" => "KIND",
        "contest" | "title" => "NAME",
        "year" => "YEAR",
        "province" => "PROVINCE",
        "awarded" => "AWARDED",
        "id" => "ID",
        "query" => "QUERY",
        "limit" | "width" => "N",
        "report" | "decisions" | "council" | "sheets" => "FILE",
        "out_dir" => "FOLDER",
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------
// Hostile input: run errors (see `super::RunError`).

pub(super) fn run_error(error: RunError<'_>) -> String {
    match error {
        RunError::BatchStage { stage, cause } => format!(
            "internal error in soloai while {} ({cause}); no report was written, to avoid a wrong conclusion. Please report it with the entries folder.",
            if stage == "compare" {
                "comparing the entries"
            } else {
                "assembling the report"
            }
        ),
        RunError::FolderUnlisted { folder, cause } => format!(
            "could not list the folder {} ({}); check it can be read",
            folder.display(),
            crate::safe_fs::io_words(cause, Lang::En)
        ),
        RunError::NoEntriesFolder { folder } => {
            format!("{}: the entries folder does not exist", folder.display())
        }
        RunError::BadDeadline { value } => {
            format!("bad deadline '{value}': use YYYY-MM-DD or DD/MM/YYYY")
        }
        RunError::NoProfile { builtin } => format!(
            "no contest profile: give --profile NAME|FILE or put a profile.toml in the contest folder (built in: {})",
            builtin.join(", ")
        ),
        RunError::ReportNotWritten { file, source } => format!(
            "could not write report file {} ({}); check the output folder is writable and has space",
            file.display(),
            io_error(source, Lang::En)
        ),
        RunError::ReportNotBuilt { file, cause } => format!(
            "could not build report file {} ({cause}); please report this soloai bug",
            file.display()
        ),
    }
}

pub(super) fn skip_reason(reason: &crate::safe_fs::SkipReason) -> String {
    use crate::safe_fs::SkipReason as S;
    match reason {
        S::Symlink { target } => format!(
            "symbolic link (to '{target}'): not followed, it may point outside the entries folder; put the file itself in the folder"
        ),
        S::Fifo => "a named pipe (FIFO), not a file: not read".into(),
        S::Device => "a device, not a file: not read".into(),
        S::Socket => "a socket, not a file: not read".into(),
        S::Loop => "a folder already walked (a loop): skipped".into(),
        S::TooDeep => "folder nested too deep: not walked; move the entries up".into(),
        S::Unreadable { cause } => format!(
            "could not list the folder ({}); check it is readable",
            crate::safe_fs::io_words(cause, Lang::En)
        ),
    }
}

// ---------------------------------------------------------------------------------------
// Reader warnings (see `super::read_warning`).

pub(super) fn read_warning(warning: &crate::model::ReadWarning) -> String {
    use crate::model::ReadWarning as W;
    match warning {
        W::InvalidBytes { encoding } => format!("invalid {encoding} bytes replaced by U+FFFD"),
        W::NotUtf8 { encoding } => {
            format!("not UTF-8: read as {encoding}; check the text reads right")
        }
        W::ControlCharacters { count } => {
            format!("{count} control characters removed from the text")
        }
        W::HeaderFooterReference { section, reference } => {
            format!("section {section}: header/footer reference '{reference}' points nowhere")
        }
        W::HeaderFooterMissing { part } => format!("header/footer part '{part}' is missing"),
        W::CoverGuessed => {
            "no page or section break: the cover page was guessed from the first paragraphs"
                .into()
        }
        W::Converted { format } => format!(
            "read through a LibreOffice conversion of the .{format} file; fonts and page breaks are as LibreOffice saw them"
        ),
        W::PageTooFull { page, dropped } => {
            format!("Page {page}: too many characters; the last {dropped} were skipped.")
        }
        W::Undecoded { count } => format!(
            "{count} characters could not be decoded (a font without a ToUnicode map); the text may miss letters."
        ),
        W::FontGuessed { font } => format!(
            "Font '{font}' has no ToUnicode map or /Encoding: read with a default encoding; letters may be wrong."
        ),
        W::DamagedStreams { count } => {
            format!("{count} damaged content streams were read only in part.")
        }
        W::ScannedFile => "The file is a scan (images only, no text layer): it needs OCR before it can be checked.".into(),
        W::ScannedPages { pages } => format!(
            "Page(s) {}: scanned images without a text layer (OCR needed).",
            page_commas(pages)
        ),
        W::NoText => "The PDF has no readable text (blank pages or drawings only).".into(),
        W::OcrUnavailable { why } => ocr_unavailable(why),
        W::OcrNotStarted { error } => {
            format!("The scanned pages could not be read by OCR: {}.", ocr_error(error))
        }
        W::OcrRead {
            pages,
            engine,
            confidence,
        } => format!(
            "Page(s) {}: scanned, read by OCR ({engine}, mean confidence {confidence}%): letters may be wrong; font and size cannot be checked on these pages.",
            page_list(pages)
        ),
        W::OcrFailed { pictures, failures } => format!(
            "OCR could not read {}.",
            failures
                .iter()
                .map(|f| format!(
                    "{} {}: {}",
                    if *pictures { "picture" } else { "page" },
                    f.number,
                    ocr_error(&f.error)
                ))
                .collect::<Vec<_>>()
                .join("; ")
        ),
        W::OcrUnclear { pages, min } => format!(
            "Page(s) {}: the scan is unclear; OCR found no text or read it with confidence under {min}%, so it is not used (OCR still needed). Ask for a clearer scan (200 dpi or more) or the Word file.",
            pages
                .iter()
                .map(|p| match p.confidence {
                    Some(c) => format!("{} ({c}%)", p.number),
                    None => format!("{} (no text found)", p.number),
                })
                .collect::<Vec<_>>()
                .join(", ")
        ),
        W::OcrPageLimit { read, skipped } => format!(
            "Only the first {read} scanned pages were read by OCR; {skipped} later pages were not (OCR needed)."
        ),
        W::PicturesOnly { pictures } => format!(
            "The Word file holds only pictures ({pictures}) and no text: a scan that needs OCR."
        ),
        W::PicturesRead {
            pictures,
            engine,
            words,
            confidence,
        } => format!(
            "The Word file holds only pictures: {pictures} read by OCR ({engine}, {words} words, mean confidence {confidence}%): letters may be wrong; font and size cannot be checked."
        ),
        W::AttachmentUnreadable { file, error } => format!(
            "The attachment '{file}' could not be read: {}",
            (WORDS.extract_error)(error)
        ),
    }
}

pub(super) fn ocr_unavailable(why: &crate::model::OcrUnavailable) -> String {
    use crate::model::OcrUnavailable as U;
    match why {
        U::NoTesseract => "Tesseract is not installed, so scanned pages were not read (OCR). Install it with: sudo apt install tesseract-ocr tesseract-ocr-vie, then run again.".into(),
        U::NoVietnamese => "Tesseract lacks its Vietnamese data, so scanned pages were not read. Install it with: sudo apt install tesseract-ocr-vie, then run again.".into(),
        U::TooOld(v) => format!("Tesseract here is too old ({v}); version 4 or later is needed. Install with: sudo apt install tesseract-ocr tesseract-ocr-vie."),
        U::NoRenderer => "pdftoppm (poppler) is not installed, so PDF pages cannot be rendered for OCR. Install it with: sudo apt install poppler-utils, then run again.".into(),
    }
}

pub(super) fn ocr_error(error: &crate::model::OcrError) -> String {
    use crate::model::OcrError as E;
    match error {
        E::Unavailable(why) => ocr_unavailable(why),
        E::Timeout { program, seconds } => {
            format!("{program} ran past {seconds} s and was stopped")
        }
        E::Failed {
            program,
            code,
            said,
        } => format!("{program} could not read the page (exit code {code}: {said})"),
        E::Killed { program } => {
            format!("{program} was stopped midway (most often by its memory limit)")
        }
        E::TooMuchOutput { program, limit } => {
            format!("{program} wrote more than {limit} bytes, so its output is not used")
        }
        E::NotStarted { program, cause } => format!(
            "{program} could not be started ({})",
            crate::safe_fs::io_words(cause, Lang::En)
        ),
        E::Io(cause) => format!(
            "temporary file error ({})",
            crate::safe_fs::io_words(cause, Lang::En)
        ),
        E::BadImage => "the rendered page image could not be read".into(),
    }
}
