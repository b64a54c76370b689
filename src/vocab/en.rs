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
            format!(
                "{council} screened {entries} entries to {contest}. Form and similarity checks \
                 were assisted by the soloai software (profile: {profile}); the council reviewed \
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
                format!("- {unit}: {entries} entries (minimum {quota}).")
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
    },
    web: WebWords {
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
        profile_upload: "or upload a .toml file",
        create: "Create",
        save: "Save",
        inputs: "Inputs",
        entries_files: "Entry files",
        upload_entries: "Upload entries",
        upload_hint: "Pick several files, a .zip of a folder (a whole contest folder with entries/, manifest.csv… works too), or drop them here.",
        drop_here: "Drop files here",
        upload: "Upload",
        manifest: "Manifest (CSV/XLSX)",
        units: "Units (CSV)",
        excluded: "Excluded persons (CSV)",
        profile_file: "Own profile (.toml)",
        present: "Present",
        absent: "Missing",
        uploaded: "Saved",
        refused: "Refused",
        ignored: "Ignored",
        run: "Screening",
        start_run: "Start screening",
        rerun_note: "A re-run after new uploads reads only the new files (cache).",
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
        dashboard: "Dashboard (as the CLI writes it)",
        download: "Download",
        download_zip: "All reports (.zip)",
        decisions_json: "The council's decisions (.json, for soloai --decisions)",
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
        council_members: "Members (one a line: Name | Position | chu-tich/pho-chu-tich/thu-ky/thanh-vien | user name)",
        council_unknown_users: "No such account",
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
        evidence: "Evidence",
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
        add_to_corpus: "Add the entries to the corpus",
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
        minutes: "Screening minutes (.docx)",
        summary_xlsx: "Summary (.xlsx)",
        admin_link: "Create the administrator at",
        listening: "soloai is serving at",
        decided_by: "by",
        council_file: "Council (council.toml)",
        council_invalid: "The council file is not valid",
        files_list: "Uploaded files",
        delete: "Delete",
        login_at: "Log in at",
        original_verdict_note: "The software's verdict stays as it was; the council's decision is shown beside it and goes into the minutes.",
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
